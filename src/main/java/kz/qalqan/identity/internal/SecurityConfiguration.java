package kz.qalqan.identity.internal;

import kz.qalqan.platform.web.ProblemTexts;
import kz.qalqan.shared.Role;
import org.springframework.context.MessageSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.servlet.LocaleResolver;

import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.context.SecurityContextHolderFilter;

import java.time.Clock;
import java.util.List;

/**
 * Two filter chains. {@code /api/**} is for scripts and other systems: stateless, no CSRF since no cookie
 * is used, HTTP Basic or {@code Authorization: Bearer} (a personal access token, or a JWT from an external
 * identity provider when one is configured). Everything else is for people: form login with a session kept
 * in PostgreSQL by Spring Session (its id changes at sign-in against session fixation; it ends after the idle
 * timeout, after {@code qalqan.identity.sessions.absolute-lifetime} whatever the activity, and at once when
 * the account is deleted, disabled, loses a grant or has its password reset), CSRF tokens, and strict
 * security headers. Every
 * password and token check goes through the {@link LoginGuard}. Only the sign-in page, static assets and
 * {@code /actuator/health} are reachable without signing in; {@code /actuator/prometheus} needs the role ADMIN; managing users ({@code /api/users/**} and the
 * pages under {@code /admin/users}) needs a national ADMIN grant, while everyone signed in has their own
 * {@code /account} and {@code /api/users/me}; after a form sign-in the pages speak the account's language
 * ({@link AccountLanguageAtSignIn}); the audit trail ({@code /api/audit/**}, {@code /audit/**})
 * the role ADMIN or AUDITOR.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** User administration stays with national administrators until grants can be delegated by scope. */
    private static final AuthorizationManager<RequestAuthorizationContext> NATIONAL_ADMIN = (authentication, context) ->
            new AuthorizationDecision(authentication.get() != null
                    && authentication.get().getPrincipal() instanceof QalqanUser user
                    && user.caller().grants().stream().anyMatch(g -> g.role() == Role.ADMIN && g.national()));

    private final DatabaseUserDetailsService users;
    private final PasswordEncoder encoder;
    private final LoginGuard guard;
    private final Clock clock;
    private final MessageSource messages;
    private final ProblemTexts texts;

    SecurityConfiguration(DatabaseUserDetailsService users, PasswordEncoder encoder, LoginGuard guard, Clock clock,
                          MessageSource messages, ProblemTexts texts) {
        this.users = users;
        this.encoder = encoder;
        this.guard = guard;
        this.clock = clock;
        this.messages = messages;
        this.texts = texts;
    }

    private AuthenticationManager passwords() {
        return new ProviderManager(new PasswordAuthenticationProvider(users, encoder, guard));
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, AccessTokenRepository tokens, ObjectProvider<JwtDecoder> jwtDecoder,
                            JwtProperties jwt) throws Exception {
        ApiAuthenticationEntryPoint problems = new ApiAuthenticationEntryPoint(clock, messages, texts);
        statelessBearer(http, tokens, jwtDecoder, jwt, problems);
        http.securityMatcher("/api/**")
                .authenticationManager(passwords())
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/api/users/me", "/api/users/me/**").authenticated()
                        .requestMatchers("/api/users", "/api/users/**").access(NATIONAL_ADMIN)
                        .requestMatchers("/api/audit/**").hasAnyRole("ADMIN", "AUDITOR")
                        .anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint(problems))
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }

    /**
     * The OpenAPI document for scripts and code generators that hold a token: a request for it that carries
     * {@code Authorization: Bearer} is checked like an API call; without one it goes to the session chain
     * below (Swagger UI in a signed-in browser).
     */
    @Bean
    @Order(0)
    SecurityFilterChain apiDocsWithBearer(HttpSecurity http, AccessTokenRepository tokens, ObjectProvider<JwtDecoder> jwtDecoder,
                                          JwtProperties jwt) throws Exception {
        statelessBearer(http, tokens, jwtDecoder, jwt, new ApiAuthenticationEntryPoint(clock, messages, texts));
        http.securityMatcher(request -> {
                    String path = request.getRequestURI().substring(request.getContextPath().length());
                    String authorization = request.getHeader("Authorization");
                    return (path.equals("/v3/api-docs") || path.startsWith("/v3/api-docs/") || path.startsWith("/v3/api-docs."))
                            && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
                })
                .authorizeHttpRequests(a -> a.anyRequest().authenticated());
        return http.build();
    }

    /** What both token chains share: bearer tokens (ours or JWTs), problem+json refusals, no session, no CSRF. */
    private void statelessBearer(HttpSecurity http, AccessTokenRepository tokens, ObjectProvider<JwtDecoder> jwtDecoder,
                                 JwtProperties jwt, ApiAuthenticationEntryPoint problems) throws Exception {
        AuthenticationManager bearer = new BearerTokenAuthenticationManager(tokens, users, guard, clock,
                jwtDecoder.getIfUnique(), jwt.usernameClaim());
        http.oauth2ResourceServer(o -> o
                        .authenticationManagerResolver(request -> bearer)
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable());
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, IdentityProperties properties, SignedInAccountLanguage languages,
                            ObjectProvider<LocaleResolver> locales) throws Exception {
        SessionLifetime lifetime = new SessionLifetime(clock, properties.sessions().absoluteLifetime());
        http.authenticationManager(passwords())
                .authorizeHttpRequests(a -> a
                        .requestMatchers(EndpointRequest.to("health")).permitAll()
                        .requestMatchers(EndpointRequest.to("prometheus")).hasRole("ADMIN")
                        .requestMatchers("/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/error").permitAll()
                        .requestMatchers("/audit/**").hasAnyRole("ADMIN", "AUDITOR")
                        .requestMatchers("/admin/users", "/admin/users/**").access(NATIONAL_ADMIN)
                        .requestMatchers("/account", "/account/**").authenticated()
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login")
                        .successHandler(new AccountLanguageAtSignIn(languages, locales.getIfUnique()))
                        .failureHandler(new FormLoginFailureHandler()).permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                // for Prometheus scraping /actuator/prometheus and similar tools
                .httpBasic(b -> { })
                .sessionManagement(s -> s.sessionAuthenticationStrategy(new CompositeSessionAuthenticationStrategy(
                        List.of(new ChangeSessionIdAuthenticationStrategy(), lifetime.atSignIn()))))
                .addFilterAfter(lifetime, SecurityContextHolderFilter.class)
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }
}
