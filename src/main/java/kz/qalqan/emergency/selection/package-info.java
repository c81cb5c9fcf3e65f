/**
 * Force selection (issue 6 item 2): the candidate index (a read model of the registry, training and medical facts,
 * kept current by synchronous listeners), the selection policy with explained exclusions, stored selections and
 * their confirmation into activation orders ({@link kz.qalqan.emergency.CallUpOrdered}). Exposed to the benchmark
 * module as the named interface {@code selection}.
 */
@org.springframework.modulith.NamedInterface("selection")
package kz.qalqan.emergency.selection;
