/**
 * Force protection: the calculations a safety officer needs before and during training — the ATP 5-19
 * risk matrix with the level of command that must approve each risk level, the TB MED 507 heat-stress
 * work/rest and water table (with body-armour, MOPP 4 and acclimatisation adjustments), and the
 * NWS/Environment Canada wind chill with its frostbite bands. This first slice is pure calculation with
 * no storage; risk assessments (DD Form 2977) will be kept here later. Answers are under {@code /api/safety}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Safety", allowedDependencies = {"shared", "platform"})
package kz.qalqan.safety;
