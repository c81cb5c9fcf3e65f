package kz.qalqan.training.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Calendar apps fetch {@code /feeds/training/{secret}} without signing in: the secret in the path is the
 * credential (checked by {@link kz.qalqan.training.CalendarFeeds}). Stateless, GET only, no session, no
 * cookie; anything else under {@code /feeds/} is refused.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class FeedSecurityConfiguration {

    @Bean
    @Order(0)
    SecurityFilterChain trainingFeedSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher("/feeds/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers(org.springframework.http.HttpMethod.GET, "/feeds/training/*").permitAll()
                        .anyRequest().denyAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .requestCache(c -> c.disable())
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .frameOptions(f -> f.deny()));
        return http.build();
    }
}
