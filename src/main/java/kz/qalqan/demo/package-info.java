/**
 * Demo force: a deterministic description of a territorial-defense organisation for all 20 regions of
 * Kazakhstan ({@link kz.qalqan.demo.DemoForce}: battalions, companies, platoons and region-level teams
 * with their positions, built from {@code reference/kz-regions.csv} and {@code reference/kz-districts.csv})
 * and a seeded generator of realistic synthetic members ({@link kz.qalqan.demo.MemberGenerator}) that
 * writes the member import CSV or streams records for direct seeding. Everything here is pure Java:
 * no Spring beans, no database access; the same seed always gives byte-identical output.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo force", allowedDependencies = {"shared", "platform"})
package kz.qalqan.demo;
