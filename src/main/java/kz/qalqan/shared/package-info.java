/**
 * Value types every module may use: {@link kz.qalqan.shared.Iin}, phone numbers, languages, geographic
 * points. No state, no Spring beans, no dependencies on other modules.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared values", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package kz.qalqan.shared;
