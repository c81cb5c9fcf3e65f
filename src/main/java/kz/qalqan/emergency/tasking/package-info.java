/**
 * Tasking inside the emergency module: incident tasks, teams formed from activated members, check-in and check-out
 * at the staging point, shifts planned under the fatigue rules of DOMAIN.md §10 ({@link
 * kz.qalqan.emergency.tasking.FatigueCheck}; refusal or an audited override) and the nobody-left-behind report taken
 * at stand-down. The facade is {@link kz.qalqan.emergency.tasking.Tasking}; the REST API and the task board page live
 * in {@code web}.
 */
package kz.qalqan.emergency.tasking;
