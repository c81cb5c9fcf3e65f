/**
 * Emergency response: emergencies declared by coordinators or created from OASIS CAP 1.2 alerts (read safely:
 * bounded size, no DTDs or external entities, validated against the bundled OASIS schema), their affected area and
 * lifecycle ({@link kz.qalqan.emergency.Emergencies}); the members activated for them and the shifts they work
 * (tables shared by the features in the sub-packages: force selection, call-up, accountability, tasking, SITREP).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Emergency",
        allowedDependencies = {"shared", "platform", "audit", "registry", "training", "medical", "readiness", "safety",
                "notification"})
package kz.qalqan.emergency;
