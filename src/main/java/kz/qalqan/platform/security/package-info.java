/**
 * The contract between the identity module, which knows who is calling, and the modules that filter by
 * it ({@link kz.qalqan.platform.security.CurrentCaller}), and the one place that hides confidential
 * fields ({@link kz.qalqan.platform.security.Confidentiality}).
 */
package kz.qalqan.platform.security;
