/**
 * The staff web interface: the page layout with the language choice (Kazakh by default, Russian and
 * English one click away), sign-in, the dashboard, the organisation, member search and forms, CSV
 * imports with live progress, the audit trail for auditors, user administration for national
 * administrators, everyone's own account page (password, access tokens), incident reporting with its workflow and the injury surveillance dashboard, the readiness board (map, drill-down, unit page with equipment, override and trend, member readiness panel), the open-emergencies tile of the dashboard, and the error pages. Pages only: every rule lives in the module whose
 * published API a page calls, and this module owns no tables.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web", allowedDependencies = {"shared", "platform", "registry", "audit", "identity", "medical", "safety", "training", "incident", "notification", "readiness", "emergency"})
package kz.qalqan.web;
