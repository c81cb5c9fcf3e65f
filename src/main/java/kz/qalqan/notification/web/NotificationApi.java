package kz.qalqan.notification.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.qalqan.notification.Answer;
import kz.qalqan.notification.Channel;
import kz.qalqan.notification.CorrelationSummary;
import kz.qalqan.notification.Enqueued;
import kz.qalqan.notification.MessageView;
import kz.qalqan.notification.Notice;
import kz.qalqan.notification.Notifications;
import kz.qalqan.platform.FieldProblem;
import kz.qalqan.platform.ForbiddenException;
import kz.qalqan.platform.InvalidInputException;
import kz.qalqan.platform.ListLimit;
import kz.qalqan.platform.security.CurrentCaller;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

@RestController
@RequestMapping("/api/notifications")
@Tag(name = "Notifications", description = "Messages to members (call-ups), their delivery and the members' replies")
class NotificationApi {

    private final Notifications notifications;
    private final CurrentCaller caller;

    NotificationApi(Notifications notifications, CurrentCaller caller) {
        this.notifications = notifications;
        this.caller = caller;
    }

    /** The JSON body of an enqueue. */
    record EnqueueRequest(String templateKey, Map<String, String> parameters, List<String> channels,
                          String idempotencyKey, String correlationId, Boolean expectsReply, Integer replyWithinMinutes,
                          List<Long> memberIds) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Queue one message per member (ADMIN, COMMANDER, EMERGENCY_COORDINATOR; members in scope)",
            description = "The idempotency key (at most 100 characters) and the correlation id (at most 120) are the "
                    + "caller's own: both are stored behind api/<username>/, which the answer's correlationId shows.")
    Enqueued enqueue(@RequestBody EnqueueRequest request) {
        if (caller.get().scopeFor(Notifications.SENDERS).isNothing()) {
            throw ForbiddenException.coded("notification.send.notAllowed");
        }
        List<FieldProblem> problems = new ArrayList<>();
        List<Channel> channels = new ArrayList<>();
        List<String> given = request.channels() == null ? List.of() : request.channels();
        for (String c : given.size() > Channel.values().length ? List.<String>of() : given) {
            try {
                channels.add(Channel.valueOf(c));
            } catch (IllegalArgumentException | NullPointerException e) {
                problems.add(FieldProblem.of("channels", "notification.channel.unknown", String.valueOf(c)));
            }
        }
        if (request.memberIds() == null || request.memberIds().isEmpty()) {
            problems.add(FieldProblem.of("memberIds", "notification.members.required", Notifications.MAX_MEMBERS));
        }
        ListLimit.check("memberIds", request.memberIds(), Notifications.MAX_MEMBERS).ifPresent(problems::add);
        ListLimit.check("channels", request.channels(), Channel.values().length).ifPresent(problems::add);
        ListLimit.check("parameters", request.parameters(), Notifications.MAX_PARAMETERS).ifPresent(problems::add);
        if (request.replyWithinMinutes() != null && request.replyWithinMinutes() <= 0) {
            problems.add(FieldProblem.of("replyWithinMinutes", Notifications.REPLY_WITHIN_NOT_POSITIVE));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Notice notice = new Notice(request.templateKey(), request.parameters(), channels, request.idempotencyKey(),
                request.correlationId(), Boolean.TRUE.equals(request.expectsReply()),
                request.replyWithinMinutes() == null ? null : Duration.ofMinutes(request.replyWithinMinutes()));
        return notifications.enqueueAsCaller(notice, request.memberIds());
    }

    @GetMapping
    @Operation(summary = "The messages of a correlation id (e.g. a call-up) that the caller may see, with status and answer")
    List<MessageView> messages(@RequestParam(required = false) String correlation) {
        return notifications.messages(correlation);
    }

    @GetMapping("/silent")
    @Operation(summary = "Who has not answered yet, per correlation id")
    List<MessageView> silent(@RequestParam(required = false) String correlation) {
        return notifications.silent(correlation);
    }

    @GetMapping("/summary")
    @Operation(summary = "Counts by status and answer, and how many are still silent, per correlation id")
    CorrelationSummary summary(@RequestParam(required = false) String correlation) {
        return notifications.summary(correlation);
    }

    /** The JSON body of a reply. */
    record ReplyRequest(String answer, String reason) {
    }

    @GetMapping("/replies/{token}")
    @Operation(summary = "The message behind a signed reply link (no sign-in; the link is the permission)")
    Notifications.ReplyView replyView(@PathVariable String token) {
        return notifications.replyView(token);
    }

    @PostMapping("/replies/{token}")
    @Operation(summary = "Answer through a signed reply link: ACCEPT, DECLINE (with reason) or UNABLE; the first answer counts")
    Notifications.ReplyView reply(@PathVariable String token, @RequestBody ReplyRequest request) {
        Answer answer = Answer.parse(request.answer())
                .orElseThrow(() -> InvalidInputException.coded("answer", Notifications.ANSWER_UNKNOWN));
        return notifications.reply(token, answer, request.reason(), "API");
    }
}
