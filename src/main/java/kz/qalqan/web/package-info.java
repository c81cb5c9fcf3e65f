/**
 * The shell of the web interface: the page layout with the language choice (Kazakh by default, Russian and English
 * one click away), sign-in, the dashboard, the template functions every page uses ({@code @fn}) and the error pages.
 * Every module owns its own pages, forms and templates in its {@code web} package (the registry's members and
 * imports, identity's users and account, safety's risk assessments, …); one page-error advice in
 * {@code platform.web} answers for all of them. This module owns no tables and no rules.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web", allowedDependencies = {"shared", "platform", "registry", "readiness", "emergency"})
package kz.qalqan.web;
