/**
 * Demo force: a deterministic description of a territorial-defense organisation for all 20 regions of
 * Kazakhstan ({@link kz.qalqan.demo.DemoForce}: battalions, companies, platoons and region-level teams
 * with their positions, built from {@code reference/kz-regions.csv} and {@code reference/kz-districts.csv})
 * and a seeded generator of realistic synthetic members ({@link kz.qalqan.demo.MemberGenerator}) that
 * writes the member import CSV; the same seed always gives byte-identical output. On the first start
 * against an empty register {@link kz.qalqan.demo.DemoData} creates the demo units and imports a few
 * thousand generated members through the registry's ordinary import (unless {@code qalqan.demo=false}); the seeders in {@code internal} add a training history, readiness data and one
 * open flood exercise near Atyrau.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo force", allowedDependencies = {"shared", "platform", "registry", "training", "safety", "readiness", "emergency"})
package kz.qalqan.demo;
