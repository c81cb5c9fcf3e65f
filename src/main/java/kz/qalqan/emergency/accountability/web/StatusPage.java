package kz.qalqan.emergency.accountability.web;

import jakarta.servlet.http.HttpServletResponse;
import kz.qalqan.emergency.accountability.Accountability;
import kz.qalqan.emergency.accountability.AccountabilityStatus;
import kz.qalqan.emergency.accountability.StatusReport;
import kz.qalqan.platform.ConflictException;
import kz.qalqan.platform.ForbiddenException;
import kz.qalqan.platform.InvalidInputException;
import kz.qalqan.platform.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The member's status page behind the one-tap link of a status check ({@code /r/{token}} of such a message leads
 * here): no sign-in, no JavaScript, a few kilobytes, in the language of the message. Safe, need help (saying what
 * help), injured. A bad or expired link answers 404 with a short page in Kazakh and Russian.
 */
@Controller
class StatusPage {

    private static final List<String> KEYS = List.of("title", "current", "safe", "help", "helpHint", "injured",
            "send", "thanks", "injuredHint", "closed", "invalid", "problem", "UNKNOWN", "SAFE", "NEEDS_ASSISTANCE",
            "INJURED", "MISSING");

    private final Accountability accountability;
    private final MessageSource messages;

    StatusPage(Accountability accountability, MessageSource messages) {
        this.accountability = accountability;
        this.messages = messages;
    }

    @GetMapping("/a/{token}")
    String show(@PathVariable String token, Model model, HttpServletResponse response) {
        try {
            return page(model, token, accountability.linkView(token), false, false);
        } catch (NotFoundException e) {
            return invalid(model, response);
        }
    }

    @PostMapping("/a/{token}")
    String report(@PathVariable String token, @RequestParam(required = false) String status,
                  @RequestParam(required = false) String note, Model model, HttpServletResponse response) {
        try {
            AccountabilityStatus parsed = AccountabilityStatus.parse(status).orElse(null);
            accountability.reportByLink(token, new StatusReport(parsed, note));
            return page(model, token, accountability.linkView(token), false, true);
        } catch (NotFoundException e) {
            return invalid(model, response);
        } catch (InvalidInputException | ForbiddenException | ConflictException e) {
            response.setStatus(e instanceof ConflictException ? 409 : 400);
            return page(model, token, accountability.linkView(token), true, false);
        }
    }

    private String page(Model model, String token, Accountability.LinkView view, boolean problem, boolean thanks) {
        model.addAttribute("t", texts(Locale.forLanguageTag(view.language())));
        model.addAttribute("lang", view.language());
        model.addAttribute("view", view);
        model.addAttribute("token", token);
        model.addAttribute("problem", problem);
        model.addAttribute("thanks", thanks);
        return "emergency/accountability/status";
    }

    private String invalid(Model model, HttpServletResponse response) {
        response.setStatus(404);
        model.addAttribute("kk", texts(Locale.forLanguageTag("kk")));
        model.addAttribute("ru", texts(Locale.forLanguageTag("ru")));
        return "emergency/accountability/status-invalid";
    }

    private Map<String, String> texts(Locale locale) {
        Map<String, String> t = new LinkedHashMap<>();
        for (String key : KEYS) {
            t.put(key, messages.getMessage("accountability.link." + key, null, locale));
        }
        return t;
    }
}
