package kz.qalqan.identity.web;

import jakarta.servlet.http.HttpServletResponse;
import kz.qalqan.identity.UserAccount;
import kz.qalqan.identity.UserAdministration;
import kz.qalqan.identity.UserStatus;
import kz.qalqan.platform.ConflictException;
import kz.qalqan.platform.FieldProblem;
import kz.qalqan.platform.InvalidInputException;
import kz.qalqan.platform.web.FormErrors;
import kz.qalqan.shared.Language;
import kz.qalqan.shared.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * User administration for national administrators (the security configuration lets no one else in):
 * the list of accounts, the form to create and change one with its role grants, resetting a password and
 * deleting an account after a confirmation step. Every rule is checked by {@link UserAdministration}; this
 * page only puts each problem it reports, by its code, next to the field it is about.
 */
@Controller
@RequestMapping("/admin/users")
class UserController {

    private static final Pattern GRANT_FIELD = Pattern.compile("grants\\[(\\d+)](?:\\.(role|scope))?");
    private static final Set<String> FORM_FIELDS = Set.of("username", "password", "displayName", "language", "status",
            "memberId", "grants");

    private final UserAdministration users;
    private final FormErrors texts;

    UserController(UserAdministration users, FormErrors texts) {
        this.users = users;
        this.texts = texts;
    }

    /** The new password an administrator sets for someone. */
    public static class ResetForm {
        private String password;

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("users", users.users());
        return "identity/users/list";
    }

    @GetMapping("/new")
    String newUser(Model model) {
        return form(model, new UserForm().padded(0), null, false);
    }

    @PostMapping
    String create(@ModelAttribute("form") UserForm form, BindingResult binding,
                  @RequestParam(required = false) String addGrant, Principal principal, Model model,
                  RedirectAttributes redirect) {
        if (addGrant != null) {
            return form(model, form.padded(1), null, true);
        }
        var command = form.toNewUser(binding);
        if (!binding.hasErrors()) {
            try {
                UserAccount created = users.create(command, principal.getName());
                redirect.addFlashAttribute("created", created.username());
                return "redirect:/admin/users";
            } catch (InvalidInputException e) {
                reject(binding, form.grantRows(), e.problems());
            } catch (ConflictException e) {
                reject(binding, e);
            }
        }
        return form(model, form.padded(0), null, false);
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        UserAccount account = users.user(id);
        return form(model, UserForm.of(account), account, false);
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") UserForm form, BindingResult binding,
                  @RequestParam(required = false) String addGrant, Principal principal, Model model,
                  RedirectAttributes redirect) {
        UserAccount account = users.user(id);
        form.setUsername(account.username());
        if (addGrant != null) {
            return form(model, form.padded(1), account, false);
        }
        var changes = form.toChanges(binding);
        if (!binding.hasErrors()) {
            try {
                UserAccount saved = users.update(id, changes, principal.getName());
                redirect.addFlashAttribute("saved", saved.username());
                return "redirect:/admin/users";
            } catch (InvalidInputException e) {
                reject(binding, form.grantRows(), e.problems());
            } catch (ConflictException e) {
                reject(binding, e);
            }
        }
        return form(model, form.padded(0), account, false);
    }

    @PostMapping("/{id}/password")
    String resetPassword(@PathVariable long id, @ModelAttribute("resetForm") ResetForm reset, BindingResult binding,
                         Principal principal, Model model, RedirectAttributes redirect) {
        UserAccount account = users.user(id);
        try {
            users.resetPassword(id, reset.getPassword(), principal.getName());
            redirect.addFlashAttribute("passwordReset", true);
            return "redirect:/admin/users/" + id + "/edit";
        } catch (InvalidInputException e) {
            e.problems().forEach(p -> Refusals.rejectField(binding, "password", p));
        }
        return form(model, UserForm.of(account), account, false);
    }

    @GetMapping("/{id}/delete")
    String confirmDelete(@PathVariable long id, Model model) {
        model.addAttribute("account", users.user(id));
        return "identity/users/delete";
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, Principal principal, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        UserAccount account = users.user(id);
        try {
            users.delete(id, principal.getName());
            redirect.addFlashAttribute("deleted", account.username());
            return "redirect:/admin/users";
        } catch (ConflictException e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("account", account);
            model.addAttribute("refusal", texts.text(e));
            return "identity/users/delete";
        }
    }

    private String form(Model model, UserForm form, UserAccount existing, boolean keepPassword) {
        model.addAttribute("form", form);
        model.addAttribute("existing", existing);
        model.addAttribute("keepPassword", keepPassword);
        if (!model.containsAttribute("resetForm")) {
            model.addAttribute("resetForm", new ResetForm());
        }
        model.addAttribute("roles", Role.values());
        model.addAttribute("statuses", UserStatus.values());
        model.addAttribute("languages", Arrays.stream(Language.values()).map(Language::code).toList());
        return "identity/users/form";
    }

    /**
     * Puts each problem next to its field. A problem about the n-th grant sent is about the row it came from
     * ({@code rows.get(n)}), since empty rows are not sent; one about a whole grant is shown at its scope.
     */
    static void reject(BindingResult binding, List<Integer> rows, List<FieldProblem> problems) {
        Refusals.reject(binding, problems, FORM_FIELDS, field -> {
            Matcher grant = GRANT_FIELD.matcher(field);
            if (!grant.matches()) {
                return field;
            }
            int sent = Integer.parseInt(grant.group(1));
            int row = sent < rows.size() ? rows.get(sent) : sent;
            return "grants[" + row + "]." + (grant.group(2) == null ? "scope" : grant.group(2));
        });
    }

    static void reject(BindingResult binding, ConflictException e) {
        if (e.field() != null && FORM_FIELDS.contains(e.field())) {
            Refusals.rejectField(binding, e.field(), e);
        } else {
            Refusals.rejectForm(binding, e);
        }
    }
}
