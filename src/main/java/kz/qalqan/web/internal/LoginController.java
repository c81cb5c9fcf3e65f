package kz.qalqan.web.internal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; Spring Security processes the POST to {@code /login} and the logout. */
@Controller
class LoginController {

    private final TemplateFunctions fn;

    LoginController(TemplateFunctions fn) {
        this.fn = fn;
    }

    @GetMapping("/login")
    String login() {
        return fn.signedIn() ? "redirect:/" : "login";
    }
}
