/**
 * The staff web interface: the page layout with the language choice (Kazakh by default, Russian and
 * English one click away), sign-in, the dashboard, the organisation, member search and forms, CSV
 * imports with live progress, the audit trail for auditors, and the error pages. Pages only: every rule lives in the module whose
 * published API a page calls, and this module owns no tables.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web", allowedDependencies = {"shared", "platform", "registry", "audit"})
package kz.qalqan.web;
