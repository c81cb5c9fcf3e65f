package kz.qalqan.notification.web;

import kz.qalqan.notification.CorrelationSummary;
import kz.qalqan.notification.MessageView;
import kz.qalqan.notification.Notifications;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The messages of one call-up (a correlation id) with their status, channel, escalation and answer, and counts;
 * only what the caller may see (ADMIN, COMMANDER, EMERGENCY_COORDINATOR in scope). Statuses, channels, answers and
 * escalation levels are shown by name, never as codes. The coordinators' live
 * call-up screens come with the emergency module. Texts come from the notification bundle
 * ({@code notification.page.*}), handed to the template as {@code t}.
 */
@Controller
class NotificationController {

    private final Notifications notifications;
    private final MessageSource messages;

    NotificationController(Notifications notifications, MessageSource messages) {
        this.notifications = notifications;
        this.messages = messages;
    }

    @GetMapping("/notifications")
    String page(@RequestParam(required = false) String correlation, Model model) {
        model.addAttribute("t", texts(LocaleContextHolder.getLocale()));
        model.addAttribute("correlation", correlation == null ? "" : correlation.trim());
        if (correlation != null && !correlation.isBlank()) {
            CorrelationSummary summary = notifications.summary(correlation.trim());
            List<MessageView> list = notifications.messages(correlation.trim());
            model.addAttribute("summary", summary);
            model.addAttribute("messages", list);
        }
        return "notification/messages";
    }

    private static final List<String> KEYS = List.of("title", "heading", "correlation", "show", "messages", "silent",
            "member", "channel", "status", "attempts", "sent", "answer", "escalation", "none",
            "status.PENDING", "status.SENDING", "status.SENT", "status.DELIVERED", "status.FAILED",
            "escalation.0", "escalation.1", "escalation.2", "channel.EMAIL", "channel.SMS", "channel.WEBHOOK");

    private Map<String, String> texts(Locale locale) {
        Map<String, String> t = new TreeMap<>();
        for (String key : KEYS) {
            t.put(key, messages.getMessage("notification.page." + key, null, locale));
        }
        for (String answer : List.of("ACCEPT", "DECLINE", "UNABLE")) {
            t.put("answer." + answer, messages.getMessage("notification.reply." + answer, null, locale));
        }
        return t;
    }
}
