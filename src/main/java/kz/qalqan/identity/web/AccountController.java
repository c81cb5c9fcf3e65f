package kz.qalqan.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.qalqan.identity.IssuedAccessToken;
import kz.qalqan.identity.NewAccessToken;
import kz.qalqan.identity.UserAdministration;
import kz.qalqan.platform.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.security.Principal;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The signed-in user's own account: who they are and what they may do where, changing their password,
 * and their personal access tokens for scripts. A new token's secret is shown once, on the page that
 * answers the form (never stored in the session or a redirect), and that page is not cached.
 */
@Controller
@RequestMapping("/account")
class AccountController {

    private static final Set<String> PASSWORD_FIELDS = Set.of("currentPassword", "newPassword");
    private static final Set<String> TOKEN_FIELDS = Set.of("name", "expiresInDays");

    private final UserAdministration users;

    AccountController(UserAdministration users) {
        this.users = users;
    }

    public static class PasswordForm {
        private String currentPassword;
        private String newPassword;

        public String getCurrentPassword() {
            return currentPassword;
        }

        public void setCurrentPassword(String currentPassword) {
            this.currentPassword = currentPassword;
        }

        public String getNewPassword() {
            return newPassword;
        }

        public void setNewPassword(String newPassword) {
            this.newPassword = newPassword;
        }
    }

    public static class TokenForm {
        private String name;
        private String expiresInDays;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getExpiresInDays() {
            return expiresInDays;
        }

        public void setExpiresInDays(String expiresInDays) {
            this.expiresInDays = expiresInDays;
        }
    }

    @GetMapping
    String page(Principal principal, Model model) {
        return page(principal, model, new PasswordForm(), new TokenForm());
    }

    @PostMapping("/password")
    String changePassword(@ModelAttribute("passwordForm") PasswordForm form, BindingResult binding, Principal principal,
                          Model model, RedirectAttributes redirect, HttpServletRequest request) {
        try {
            users.changeOwnPassword(principal.getName(), form.getCurrentPassword(), form.getNewPassword(),
                    request.getRemoteAddr());
            redirect.addFlashAttribute("passwordChanged", true);
            return "redirect:/account";
        } catch (InvalidInputException e) {
            Refusals.reject(binding, e.problems(), PASSWORD_FIELDS, UnaryOperator.identity());
        }
        return page(principal, model, form, new TokenForm());
    }

    @PostMapping("/tokens")
    String issueToken(@ModelAttribute("tokenForm") TokenForm form, BindingResult binding, Principal principal,
                      Model model, HttpServletResponse response) {
        Integer days = null;
        String typed = form.getExpiresInDays() == null ? "" : form.getExpiresInDays().trim();
        if (!typed.isEmpty()) {
            if (typed.chars().allMatch(Character::isDigit) && typed.length() < 6) {
                days = Integer.parseInt(typed);
            } else {
                binding.rejectValue("expiresInDays", "error.number");
            }
        }
        if (!binding.hasErrors()) {
            try {
                IssuedAccessToken issued = users.issueToken(principal.getName(), new NewAccessToken(form.getName(), days));
                response.setHeader("Cache-Control", "no-store");
                model.addAttribute("issued", issued);
                return "identity/account/token";
            } catch (InvalidInputException e) {
                Refusals.reject(binding, e.problems(), TOKEN_FIELDS, UnaryOperator.identity());
            }
        }
        return page(principal, model, new PasswordForm(), form);
    }

    @PostMapping("/tokens/{id}/revoke")
    String revokeToken(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        users.revokeToken(principal.getName(), id);
        redirect.addFlashAttribute("revoked", true);
        return "redirect:/account";
    }

    private String page(Principal principal, Model model, PasswordForm passwordForm, TokenForm tokenForm) {
        model.addAttribute("account", users.byUsername(principal.getName()).orElse(null));
        model.addAttribute("tokens", users.tokens(principal.getName()));
        model.addAttribute("now", java.time.Instant.now());
        model.addAttribute("passwordForm", passwordForm);
        model.addAttribute("tokenForm", tokenForm);
        return "identity/account/page";
    }
}
