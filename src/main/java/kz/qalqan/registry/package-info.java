/**
 * The register of the force: Kazakhstan's regions and districts (reference data), the tree of
 * territorial-defense units with their positions, and the members (reservists, volunteers,
 * civil-defense specialists) with their contacts, skills, status and assignment history. Members are
 * added one by one or in bulk from CSV. Other modules ask {@link kz.qalqan.registry.OrgStructure} and
 * {@link kz.qalqan.registry.MemberDirectory}, and hear about changes through the events published here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Registry", allowedDependencies = {"shared", "platform", "audit"})
package kz.qalqan.registry;
