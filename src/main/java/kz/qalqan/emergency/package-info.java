/**
 * Emergency alerts: reads OASIS Common Alerting Protocol (CAP) 1.2 messages safely — bounded size, no
 * DTDs or external entities, validated against the bundled OASIS schema — into {@link kz.qalqan.emergency.CapAlert}
 * records with their {@link kz.qalqan.emergency.CapInfo} blocks and {@link kz.qalqan.emergency.CapArea}s.
 * XML signatures in a message are accepted but not verified. Nothing is stored yet.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Emergency", allowedDependencies = {"shared", "platform"})
package kz.qalqan.emergency;
