/** The contract between the identity module, which knows who is calling, and the modules that filter by it. */
@org.springframework.modulith.NamedInterface("security")
package kz.qalqan.platform.security;
