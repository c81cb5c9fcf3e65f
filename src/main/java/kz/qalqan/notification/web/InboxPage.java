package kz.qalqan.notification.web;

import kz.qalqan.notification.Answer;
import kz.qalqan.notification.Inbox;
import kz.qalqan.notification.Notifications;
import kz.qalqan.platform.security.CurrentCaller;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The member's inbox in Qalqan: the call-ups and status checks the in-app channel delivered, with the one-tap
 * answers, and the unread count the navigation polls. Only the member linked to the signed-in account is shown.
 */
@Controller
class InboxPage {

    private final Inbox inbox;
    private final Notifications notifications;
    private final CurrentCaller caller;

    InboxPage(Inbox inbox, Notifications notifications, CurrentCaller caller) {
        this.inbox = inbox;
        this.notifications = notifications;
        this.caller = caller;
    }

    @GetMapping("/inbox")
    String inbox(Model model) {
        Long member = caller.get().memberId();
        model.addAttribute("linked", member != null);
        model.addAttribute("entries", member == null ? java.util.List.of() : inbox.open(member));
        return "notification/inbox";
    }

    @GetMapping("/inbox/badge")
    String badge(Model model) {
        Long member = caller.get().memberId();
        model.addAttribute("unread", member == null ? 0 : inbox.unread(member));
        return "notification/inbox :: badge";
    }

    @PostMapping("/inbox/{messageId}/answer")
    String answer(@PathVariable long messageId, @RequestParam(required = false) String answer) {
        Long member = caller.get().memberId();
        if (member == null) {
            return "redirect:/inbox"; // the inbox page says that no member is linked to this account
        }
        notifications.replyFromInbox(member, messageId, Answer.parse(answer).orElse(null));
        return "redirect:/inbox#m" + messageId;
    }
}
