package kz.qalqan.notification.web;

import jakarta.servlet.http.HttpServletResponse;
import kz.qalqan.notification.Answer;
import kz.qalqan.notification.Notifications;
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
 * The member's one-tap reply page behind a signed link: no sign-in, no JavaScript, a few kilobytes, in the
 * language of the message. A bad or expired link answers 404 with a short page in Kazakh and Russian.
 */
@Controller
class ReplyPage {

    private static final List<String> KEYS = List.of("title", "accept", "decline", "unable", "reason", "send",
            "answered", "invalid", "ACCEPT", "DECLINE", "UNABLE", "declineHint");

    private final Notifications notifications;
    private final MessageSource messages;

    ReplyPage(Notifications notifications, MessageSource messages) {
        this.notifications = notifications;
        this.messages = messages;
    }

    @GetMapping("/r/{token}")
    String show(@PathVariable String token, Model model, HttpServletResponse response) {
        if (statusCheck(token)) {
            return "redirect:/a/" + token;
        }
        try {
            Notifications.ReplyView view = notifications.replyView(token);
            return page(model, token, view, false);
        } catch (NotFoundException e) {
            return invalid(model, response);
        }
    }

    @PostMapping("/r/{token}")
    String answer(@PathVariable String token, @RequestParam(required = false) String answer,
                  @RequestParam(required = false) String reason, Model model, HttpServletResponse response) {
        if (statusCheck(token)) {
            return "redirect:/a/" + token;
        }
        try {
            Answer parsed = Answer.parse(answer).orElse(null);
            if (parsed == null) {
                return page(model, token, notifications.replyView(token), true);
            }
            return page(model, token, notifications.reply(token, parsed, reason, "LINK"), false);
        } catch (NotFoundException e) {
            return invalid(model, response);
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return page(model, token, notifications.replyView(token), true);
        }
    }

    /** An accountability status check: its own page (SAFE / needs help / injured) instead of accept or decline. */
    private boolean statusCheck(String token) {
        return notifications.linkTarget(token).map(t -> Notifications.isStatusCheck(t.correlationId())).orElse(false);
    }

    private String page(Model model, String token, Notifications.ReplyView view, boolean problem) {
        model.addAttribute("t", texts(Locale.forLanguageTag(view.language())));
        model.addAttribute("lang", view.language());
        model.addAttribute("view", view);
        model.addAttribute("token", token);
        model.addAttribute("problem", problem);
        return "notification/reply";
    }

    private String invalid(Model model, HttpServletResponse response) {
        response.setStatus(404);
        model.addAttribute("kk", texts(Locale.forLanguageTag("kk")));
        model.addAttribute("ru", texts(Locale.forLanguageTag("ru")));
        return "notification/reply-invalid";
    }

    private Map<String, String> texts(Locale locale) {
        Map<String, String> t = new LinkedHashMap<>();
        for (String key : KEYS) {
            t.put(key, messages.getMessage("notification.reply." + key, null, locale));
        }
        return t;
    }
}
