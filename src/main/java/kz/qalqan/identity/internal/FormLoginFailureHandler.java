package kz.qalqan.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

import java.io.IOException;

/**
 * Back to the sign-in page after a failure: {@code ?error} for a wrong username or password,
 * {@code ?error&delayed} while the username waits out its delay after failures and {@code ?error&throttled} when the
 * client address is. The page shows {@code login.error}, {@code login.delayed} or {@code login.throttled}
 * from the message bundles (see {@code messages/identity*.properties}).
 */
class FormLoginFailureHandler implements AuthenticationFailureHandler {

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        String query = e instanceof SignInThrottledException ? "?error&throttled"
                : e instanceof SignInDelayedException ? "?error&delayed" : "?error";
        response.sendRedirect(request.getContextPath() + "/login" + query);
    }
}
