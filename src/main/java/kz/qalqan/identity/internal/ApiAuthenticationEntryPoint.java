package kz.qalqan.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.qalqan.platform.web.ProblemTexts;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Answers refused API calls as RFC 9457 problems: 401 when credentials are missing or wrong (the same
 * text whatever was wrong), 429 {@code sign-in-delayed} with {@code Retry-After} while the username waits out
 * its delay after failures, 429 {@code sign-in-throttled} with {@code Retry-After} when the client address is
 * throttled, and 403 when the caller lacks the role. Each carries a {@code code} and its {@code detail} in the
 * request's language ({@link ProblemTexts#locale}).
 */
class ApiAuthenticationEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final String TYPE_BASE = "https://qalqan.kz/problems/";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Clock clock;
    private final MessageSource messages;
    private final ProblemTexts texts;

    ApiAuthenticationEntryPoint(Clock clock, MessageSource messages, ProblemTexts texts) {
        this.clock = clock;
        this.messages = messages;
        this.texts = texts;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        if (e instanceof SignInThrottledException throttled) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(secondsUntil(throttled.until())));
            write(request, response, HttpStatus.TOO_MANY_REQUESTS, "sign-in-throttled", "Too many failed sign-ins",
                    "identity.auth.throttled");
            return;
        }
        if (e instanceof SignInDelayedException delayed) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(secondsUntil(delayed.until())));
            write(request, response, HttpStatus.TOO_MANY_REQUESTS, "sign-in-delayed", "Wait before the next sign-in",
                    "identity.auth.delayed");
            return;
        }
        response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Qalqan\"");
        response.addHeader(HttpHeaders.WWW_AUTHENTICATE, request.getHeader(HttpHeaders.AUTHORIZATION) != null
                && request.getHeader(HttpHeaders.AUTHORIZATION).regionMatches(true, 0, "Bearer ", 0, 7)
                ? "Bearer realm=\"Qalqan\", error=\"invalid_token\"" : "Bearer realm=\"Qalqan\"");
        write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated",
                "identity.auth.unauthenticated");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "identity.auth.forbidden");
    }

    private long secondsUntil(Instant until) {
        return Math.max(1, Duration.between(clock.instant(), until).toSeconds() + 1);
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type,
                       String title, String code) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_BASE + type);
        body.put("title", title);
        body.put("status", status.value());
        body.put("detail", messages.getMessage(code, null, texts.locale(request)));
        body.put("code", code);
        body.put("args", java.util.List.of());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(JSON.writeValueAsBytes(body));
    }
}
