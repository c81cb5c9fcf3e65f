package kz.qalqan.notification;

import jakarta.mail.internet.MimeMessage;
import kz.qalqan.notification.internal.Dispatcher;
import kz.qalqan.notification.internal.Escalation;
import kz.qalqan.notification.internal.ReplyTokens;
import kz.qalqan.support.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

@RecordApplicationEvents
class NotificationIntegrationTests extends NotificationTestSupport {

    @Autowired
    Dispatcher dispatcher;

    @Autowired
    Escalation escalation;

    @Autowired
    Notifications notifications;

    @Autowired
    ReplyTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    private Map<String, Object> callUp(String correlation, String key, List<String> channels, List<Long> members) {
        Map<String, Object> body = new HashMap<>();
        body.put("templateKey", "callup");
        body.put("parameters", Map.of("title", "Су тасқыны " + correlation, "place", "Атырау штабы", "time", "18:00"));
        body.put("channels", channels);
        body.put("idempotencyKey", key);
        body.put("correlationId", correlation);
        body.put("expectsReply", true);
        body.put("memberIds", members);
        return body;
    }

    private String status(long member, String correlation) {
        return jdbc.sql("select status from notification.message where member_id = ? and correlation_id = ?")
                .params(member, correlation).query(String.class).single();
    }

    @Test
    void callUpIsRenderedInEachMembersLanguageAndDeliveredOnceOverTheSignedWebhook() {
        String tag = tag();
        long unit = unit("KZ-23", tag);
        long kk = member("KZ-23", unit, null, "kk", null, phone());
        long ru = member("KZ-23", unit, null, "ru", null, phone());
        long en = member("KZ-23", unit, null, "en", null, phone());
        String given = "cu-" + tag;
        String correlation = "api/admin/" + given;
        String key = "api/admin/k-" + tag;

        var first = admin().postJson("/api/notifications", callUp(given, "k-" + tag, List.of("WEBHOOK"), List.of(kk, ru, en)));
        assertThat(first.status()).as(first.toString()).isEqualTo(202);
        assertThat(first.json().get("queued").asInt()).isEqualTo(3);
        // key and correlation live in the caller's own space, apart from every module's and other callers'
        assertThat(first.json().get("correlationId").asString()).isEqualTo(correlation);
        var again = admin().postJson("/api/notifications", callUp(given, "k-" + tag, List.of("WEBHOOK"), List.of(kk, ru, en)));
        assertThat(again.json().get("queued").asInt()).isZero();
        assertThat(again.json().get("duplicates").asInt()).isEqualTo(3);

        assertThat(dispatcher.drain(2, correlation)).isEqualTo(3);
        assertThat(dispatcher.drain(2, correlation)).isZero();

        assertThat(SINK.timesSeen(key + ":" + kk)).isEqualTo(1);
        assertThat(SINK.payload(key + ":" + kk).get("subject").asString()).isEqualTo("Шақыру: Су тасқыны " + given);
        assertThat(SINK.payload(key + ":" + ru).get("subject").asString()).startsWith("Вызов: ");
        assertThat(SINK.payload(key + ":" + en).get("body").asString()).contains("Report to Атырау штабы by 18:00");
        assertThat(SINK.payload(key + ":" + en).get("replyUrl").asString()).contains("/r/");
        assertThat(SINK.badSignatures()).doesNotContain(key + ":" + kk);

        var messages = admin().get("/api/notifications?correlation=" + correlation);
        assertThat(messages.status()).isEqualTo(200);
        assertThat(messages.json().size()).isEqualTo(3);
        messages.json().forEach(m -> assertThat(m.get("status").asString()).isEqualTo("DELIVERED"));
        assertThat(jdbc.sql("""
                        select count(*) from notification.receipt r join notification.message m on m.id = r.message_id
                        where m.correlation_id = ? and r.status = 'DELIVERED' and r.external_id like 'r-%'""")
                .param(correlation).query(Long.class).single()).isEqualTo(3);
        assertThat(events.stream(MessageDelivered.class).filter(e -> e.correlationId().equals(correlation)).count()).isEqualTo(3);

        var summary = admin().get("/api/notifications/summary?correlation=" + correlation).json();
        assertThat(summary.get("messages").asLong()).isEqualTo(3);
        assertThat(summary.get("silent").asLong()).isEqualTo(3);
    }

    @Test
    void aChannelThatCannotReachTheMemberIsSkippedAndEmailCarriesTheKey() throws Exception {
        String tag = tag();
        long unit = unit("KZ-23", tag);
        long noEmail = member("KZ-23", unit, null, "kk", null, phone());
        long withEmail = member("KZ-23", unit, null, "ru", "nt-" + tag + "@example.org", phone());
        String correlation = "skip-" + tag;
        notifications.enqueue(new Notice("callup", Map.of("title", "T", "place", "P", "time", "9:00"),
                List.of(Channel.EMAIL, Channel.WEBHOOK), "s-" + tag, correlation, true, null), List.of(noEmail, withEmail));

        dispatcher.drain(1, correlation);

        assertThat(SINK.timesSeen("s-" + tag + ":" + noEmail)).isEqualTo(1);
        assertThat(SINK.timesSeen("s-" + tag + ":" + withEmail)).isZero();
        assertThat(jdbc.sql("""
                        select outcome || ' ' || channel from notification.attempt a join notification.message m on m.id = a.message_id
                        where m.member_id = ? and m.correlation_id = ? order by a.id""")
                .params(noEmail, correlation).query(String.class).list()).containsExactly("SKIPPED EMAIL", "SENT WEBHOOK");
        MimeMessage mail = Arrays.stream(MAIL.getReceivedMessages())
                .filter(m -> uncheckedRecipient(m).equals("nt-" + tag + "@example.org")).findFirst().orElseThrow();
        assertThat(mail.getSubject()).isEqualTo("Вызов: T");
        assertThat(mail.getHeader("Idempotency-Key")[0]).isEqualTo("s-" + tag + ":" + withEmail);
        assertThat(status(withEmail, correlation)).isEqualTo("DELIVERED");
    }

    private static String uncheckedRecipient(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (Exception e) {
            return "";
        }
    }

    @Test
    void failuresAreRetriedWithBackoffThenTheNextChannelIsTriedThenTheMessageFails() throws Exception {
        String tag = tag();
        long unit = unit("KZ-23", tag);
        long flaky = member("KZ-23", unit, null, "kk", null, phone());
        long dead = member("KZ-23", unit, null, "kk", null, null);
        String correlation = "retry-" + tag;
        SINK.failNextTimes("r-" + tag + ":" + flaky, 2);
        SINK.failAlways("r-" + tag + ":" + dead);
        notifications.enqueue(new Notice("callup", Map.of(), List.of(Channel.WEBHOOK, Channel.SMS), "r-" + tag,
                correlation, false, null), List.of(flaky, dead));

        // both are tried at once; on a slow machine a retry (100 ms backoff) may fall due within the same drain
        assertThat(dispatcher.drain(1, correlation)).isGreaterThanOrEqualTo(2);
        for (int i = 0; i < 40 && (!status(flaky, correlation).equals("DELIVERED") || !status(dead, correlation).equals("FAILED")); i++) {
            Thread.sleep(100);
            dispatcher.drain(1, correlation);
        }
        assertThat(status(flaky, correlation)).isEqualTo("DELIVERED");
        assertThat(SINK.timesSeen("r-" + tag + ":" + flaky)).isEqualTo(1);
        assertThat(status(dead, correlation)).isEqualTo("FAILED");
        // three failed webhook attempts (max-attempts), then SMS skipped: the member has no phone
        assertThat(jdbc.sql("""
                        select outcome || ' ' || channel from notification.attempt a join notification.message m on m.id = a.message_id
                        where m.member_id = ? and m.correlation_id = ? order by a.id""")
                .params(dead, correlation).query(String.class).list())
                .containsExactly("FAILED WEBHOOK", "FAILED WEBHOOK", "FAILED WEBHOOK", "SKIPPED SMS");
        List<Instant> times = jdbc.sql("""
                        select a.at from notification.attempt a join notification.message m on m.id = a.message_id
                        where m.member_id = ? and m.correlation_id = ? and a.outcome = 'FAILED' order by a.id""")
                .params(dead, correlation).query(java.sql.Timestamp.class).list().stream().map(java.sql.Timestamp::toInstant).toList();
        // backoff 100 ms then 200 ms
        assertThat(Duration.between(times.get(0), times.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        assertThat(Duration.between(times.get(1), times.get(2))).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void smsGoesOverSmppWithADeliveryReceiptAndAKeywordReplyIsStoredOnce() throws Exception {
        String tag = tag();
        long unit = unit("KZ-23", tag);
        String phone = phone();
        long member = member("KZ-23", unit, null, "kk", null, phone);
        String correlation = "sms-" + tag;
        notifications.enqueue(new Notice("callup", Map.of("title", "Өрт", "place", "депо", "time", "07:00"),
                List.of(Channel.SMS), "m-" + tag, correlation, true, null), List.of(member));

        dispatcher.drain(1, correlation);

        SmscStub.Submitted sms = SMSC.submitted().stream().filter(s -> s.to().equals(phone)).findFirst().orElseThrow();
        assertThat(sms.text()).startsWith("Сіз шақырылдыңыз. 07:00 дейін депо келіңіз.").contains("/r/");
        assertThat(sms.idempotencyKey()).isEqualTo("m-" + tag + ":" + member);
        for (int i = 0; i < 50 && !status(member, correlation).equals("DELIVERED"); i++) {
            Thread.sleep(100);
        }
        assertThat(status(member, correlation)).isEqualTo("DELIVERED");

        SMSC.moFrom(phone, "жоқ ауырып жатырмын");
        for (int i = 0; i < 50 && replies(correlation) == 0; i++) {
            Thread.sleep(100);
        }
        SMSC.moFrom(phone, "ИӘ");
        Thread.sleep(300);
        assertThat(jdbc.sql("select answer || ' ' || reason || ' ' || via from notification.reply where correlation_id = ?")
                .param(correlation).query(String.class).list()).containsExactly("DECLINE ауырып жатырмын SMS");
    }

    private long replies(String correlation) {
        return jdbc.sql("select count(*) from notification.reply where correlation_id = ?").param(correlation)
                .query(Long.class).single();
    }

    @Test
    void theReplyPageNeedsNoSignInTakesTheFirstAnswerAndRefusesTamperedOrExpiredLinks() throws Exception {
        String tag = tag();
        long unit = unit("KZ-23", tag);
        long member = member("KZ-23", unit, null, "ru", null, phone());
        String correlation = "link-" + tag;
        notifications.enqueue(new Notice("callup", Map.of("title", "Паводок", "place", "штаб", "time", "12:00"),
                List.of(Channel.WEBHOOK), "l-" + tag, correlation, true, null), List.of(member));
        dispatcher.drain(1, correlation);
        String url = SINK.payload("l-" + tag + ":" + member).get("replyUrl").asString();
        String token = url.substring(url.indexOf("/r/") + 3);
        var anonymous = ApiClient.anonymous(port);

        var page = anonymous.get("/r/" + token);
        assertThat(page.status()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from audit.event where action = 'NOTIFICATION_LINK_OPEN' and entity_id = ? and actor = 'anonymous'")
                .param(token.split("\\.")[0]).query(Long.class).single()).as("opening the public link is audited").isEqualTo(1);
        assertThat(page.body()).contains("Вызов: Паводок", "Прибуду", "Отказываюсь", "Не могу прибыть").doesNotContain("<script");
        assertThat(page.body().getBytes(StandardCharsets.UTF_8).length).isLessThan(50_000);
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'");

        var declined = anonymous.post("/r/" + token, "application/x-www-form-urlencoded",
                ("answer=DECLINE&reason=" + URLEncoder.encode("в командировке", StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        assertThat(declined.status()).isEqualTo(200);
        assertThat(declined.body()).contains("Ваш ответ записан", "Отказ", "в командировке");
        var accepted = anonymous.postJson("/api/notifications/replies/" + token, Map.of("answer", "ACCEPT"));
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.json().get("answer").asString()).isEqualTo("DECLINE");
        assertThat(replies(correlation)).isEqualTo(1);
        // the reply came in on a server thread, where the test's event recorder does not listen: the stored row
        assertThat(jdbc.sql("select member_id || ' ' || answer || ' ' || reason || ' ' || via from notification.reply where correlation_id = ?")
                .param(correlation).query(String.class).single()).isEqualTo(member + " DECLINE в командировке LINK");

        String[] parts = token.split("\\.");
        String otherMessage = (Long.parseLong(parts[0]) + 1) + "." + parts[1] + "." + parts[2];
        String longerLife = parts[0] + "." + (Long.parseLong(parts[1]) + 3600) + "." + parts[2];
        String badSignature = parts[0] + "." + parts[1] + "." + (parts[2].charAt(0) == 'A' ? 'B' : 'A') + parts[2].substring(1);
        for (String forged : List.of(otherMessage, longerLife, badSignature, "garbage")) {
            assertThat(anonymous.get("/r/" + forged).status()).as(forged).isEqualTo(404);
            assertThat(anonymous.postJson("/api/notifications/replies/" + forged, Map.of("answer", "ACCEPT")).status())
                    .as(forged).isEqualTo(404);
        }
        String expired = tokens.issue(Long.parseLong(parts[0]), Instant.now().minusSeconds(1));
        assertThat(anonymous.get("/r/" + expired).status()).isEqualTo(404);
        assertThat(anonymous.get("/r/" + expired).body()).contains("Бұл сілтеме жарамсыз");
    }

    @Test
    void silenceIsEscalatedToTheNextChannelThenToTheUnitCommander() throws Exception {
        String tag = tag();
        long unit = unit("KZ-23", tag);
        long commanderPost = position(unit, "Взвод командирі");
        long commander = member("KZ-23", unit, commanderPost, "kk", "cmd-" + tag + "@example.org", phone());
        long silent = member("KZ-23", unit, null, "kk", "silent-" + tag + "@example.org", phone());
        long answering = member("KZ-23", unit, null, "kk", null, phone());
        long unreachable = member("KZ-23", unit, null, "kk", null, phone());
        String correlation = "esc-" + tag;
        SINK.failAlways("e-" + tag + ":" + unreachable);
        notifications.enqueue(new Notice("callup", Map.of("title", "T", "place", "P", "time", "1"),
                List.of(Channel.WEBHOOK, Channel.EMAIL), "e-" + tag, correlation, true, Duration.ofSeconds(3)),
                List.of(silent, answering, unreachable));
        dispatcher.drain(1, correlation);
        String url = SINK.payload("e-" + tag + ":" + answering).get("replyUrl").asString();
        notifications.reply(url.substring(url.indexOf("/r/") + 3), Answer.ACCEPT, null, "TEST");
        assertThat(events.stream(ReplyReceived.class).filter(e -> e.correlationId().equals(correlation)).toList())
                .singleElement().satisfies(e -> {
                    assertThat(e.memberId()).isEqualTo(answering);
                    assertThat(e.answer()).isEqualTo(Answer.ACCEPT);
                });

        escalation.run();
        assertThat(level(silent, correlation)).isZero(); // not yet: three seconds have not passed
        for (int i = 0; i < 30 && !status(unreachable, correlation).equals("FAILED"); i++) {
            dispatcher.drain(1, correlation);
            Thread.sleep(100);
        }
        assertThat(status(unreachable, correlation)).isEqualTo("FAILED"); // webhook refused three times, no e-mail
        assertThat(admin().get("/api/notifications/silent?correlation=" + correlation).json())
                .extracting(m -> m.get("memberId").asLong()).containsExactly(silent, unreachable);
        Thread.sleep(3100);
        escalation.run();
        assertThat(level(silent, correlation)).isEqualTo(1);
        assertThat(level(answering, correlation)).isZero();
        dispatcher.drain(1, correlation);
        assertThat(received("silent-" + tag + "@example.org")).isEqualTo(1);

        Thread.sleep(3100);
        escalation.run();
        assertThat(level(silent, correlation)).isEqualTo(2);
        dispatcher.drain(1, correlation + "/escalation");
        assertThat(level(unreachable, correlation)).isEqualTo(2); // nothing to resend on: straight to the commander
        assertThat(jdbc.sql("select idempotency_key from notification.message where correlation_id = ? order by id")
                .param(correlation + "/escalation").query(String.class).list()).hasSize(2)
                .allMatch(k -> k.endsWith(":" + commander));
        assertThat(received("cmd-" + tag + "@example.org")).isEqualTo(2);
        Thread.sleep(3100);
        escalation.run();
        assertThat(level(silent, correlation)).isEqualTo(2);
        assertThat(received("cmd-" + tag + "@example.org")).isEqualTo(2);
    }

    private int level(long member, String correlation) {
        return jdbc.sql("select escalation_level from notification.message where member_id = ? and correlation_id = ?")
                .params(member, correlation).query(Integer.class).single();
    }

    private static long received(String address) {
        return Arrays.stream(MAIL.getReceivedMessages()).filter(m -> uncheckedRecipient(m).equals(address)).count();
    }

    @Test
    void fourWorkersOnOneDatabaseSendEveryMessageExactlyOnce() {
        String tag = tag();
        String correlation = "par-" + tag;
        long base = 8_000_000_000L + Math.abs(tag.hashCode());
        List<Recipient> recipients = IntStream.range(0, 600)
                .mapToObj(i -> new Recipient(base + i, "Синтетик " + i, List.of("kk", "ru", "en").get(i % 3), null, null, null, "KZ-23/"))
                .toList();
        Enqueued enqueued = notifications.enqueueTo(new Notice("callup", Map.of(), List.of(Channel.WEBHOOK), "p-" + tag,
                correlation, false, null), recipients);
        assertThat(enqueued.queued()).isEqualTo(600);

        List<Thread> nodes = new ArrayList<>();
        long[] handled = new long[2];
        for (int n = 0; n < 2; n++) {
            int node = n;
            Thread t = new Thread(() -> handled[node] = dispatcher.drain(2, correlation));
            nodes.add(t);
            t.start();
        }
        nodes.forEach(t -> {
            try {
                t.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(handled[0] + handled[1]).isEqualTo(600);
        Map<String, Integer> seen = SINK.seenWithPrefix("p-" + tag + ":");
        assertThat(seen).hasSize(600);
        assertThat(seen.values()).containsOnly(1);
        assertThat(jdbc.sql("select count(*) from notification.attempt a join notification.message m on m.id = a.message_id where m.correlation_id = ?")
                .param(correlation).query(Long.class).single()).isEqualTo(600);
    }

    @Test
    void membersOutsideTheSendersScopeAreLeftOutAndMessagesOutsideTheReadersScopeAreNotShown() {
        String tag = tag();
        long almatyUnit = unit("KZ-75", tag + "a");
        long astanaUnit = unit("KZ-71", tag + "b");
        long almaty = member("KZ-75", almatyUnit, null, "kk", null, phone());
        long astana = member("KZ-71", astanaUnit, null, "kk", null, phone());
        String username = "nt-cmd-" + tag;
        var user = admin().postJson("/api/users", Map.of("username", username, "password", "notify-secret-" + tag + "-x",
                "displayName", "Commander", "language", "kk", "grants", List.of(Map.of("role", "COMMANDER", "scope", "KZ-75"))));
        assertThat(user.status()).as(user.toString()).isEqualTo(201);
        var commander = new ApiClient(port, username, "notify-secret-" + tag + "-x");
        String correlation = "scope-" + tag;

        var r = commander.postJson("/api/notifications", callUp(correlation, "sc-" + tag, List.of("WEBHOOK"), List.of(almaty, astana)));
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        assertThat(r.json().get("queued").asInt()).isEqualTo(1);
        assertThat(r.json().get("unreachable").asInt()).isEqualTo(1);
        String commanders = r.json().get("correlationId").asString();
        // the admin's messages under the same given correlation stay in the admin's own space
        var admins = admin().postJson("/api/notifications", callUp(correlation, "sc-" + tag, List.of("WEBHOOK"),
                List.of(almaty, astana)));
        assertThat(admins.json().get("queued").asInt()).as("the commander's key does not block the admin's").isEqualTo(2);

        JsonNode seen = commander.get("/api/notifications?correlation=" + commanders).json();
        assertThat(seen).extracting(m -> m.get("memberId").asLong()).containsExactly(almaty);
        assertThat(commander.get("/api/notifications?correlation=" + admins.json().get("correlationId").asString()).json()
                .size()).as("scope still filters").isEqualTo(1);
        assertThat(admin().get("/api/notifications?correlation=" + admins.json().get("correlationId").asString()).json()
                .size()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from audit.event where action = 'NOTIFICATION_ENQUEUE' and entity_id = ?")
                .param(commanders).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anEnqueueNamesEveryWrongField() {
        var r = admin().postJson("/api/notifications", Map.of("templateKey", "nope", "channels", List.of("FAX"),
                "memberIds", List.of()));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("channels", "memberIds");
        var r2 = admin().postJson("/api/notifications", Map.of("templateKey", "nope", "channels", List.of("SMS"),
                "memberIds", List.of(1), "correlationId", "x"));
        assertThat(r2.status()).isEqualTo(400);
        assertThat(r2.body()).contains("templateKey", "idempotencyKey");
        assertThat(codes(r2)).containsEntry("templateKey", "notification.templateKey.unknown")
                .containsEntry("idempotencyKey", "notification.key.invalid");
        assertThat(r2.json().get("errors").findValues("args").stream().map(Object::toString).toList())
                .contains("[\"nope\"]", "[150]");
    }

    @Test
    void anEnqueueRefusesWithCodesAndArgumentsInTheReadersLanguage() {
        var r = admin().postJsonIn("ru", "/api/notifications", Map.of("templateKey", "callup", "channels", List.of("FAX"),
                "memberIds", List.of(), "replyWithinMinutes", 0));

        assertThat(r.status()).isEqualTo(400);
        assertThat(codes(r)).containsEntry("channels", "notification.channel.unknown")
                .containsEntry("memberIds", "notification.members.required")
                .containsEntry("replyWithinMinutes", "notification.replyWithin.notPositive");
        JsonNode channel = r.json().get("errors").get(0);
        assertThat(channel.get("args").get(0).asString()).isEqualTo("FAX");
        assertThat(channel.get("message").asString()).isEqualTo("Неизвестный канал FAX: используйте EMAIL, SMS или WEBHOOK.");
        assertThat(r.body()).doesNotContain("unknown channel").doesNotContain("must be positive");

        var auditor = ApiClient.newUser(port, "AUDITOR", "KZ", null);
        var refused = auditor.postJsonIn("kk", "/api/notifications", Map.of("templateKey", "callup", "channels", List.of("SMS"),
                "memberIds", List.of(1)));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("code").asString()).isEqualTo("notification.send.notAllowed");
        assertThat(refused.json().get("detail").asString())
                .isEqualTo("Хабарламаларды тек әкімші, командир немесе ТЖ үйлестірушісі жібереді.");
    }

    private static Map<String, String> codes(ApiClient.Response r) {
        Map<String, String> codes = new java.util.LinkedHashMap<>();
        r.json().get("errors").forEach(e -> codes.putIfAbsent(e.get("field").asString(), e.get("code").asString()));
        return codes;
    }

    @Test
    void theStaffPageListsTheMessagesOfACallUpWithTheirStatus() {
        String tag = tag();
        long unit = unit("KZ-23", tag);
        long member = member("KZ-23", unit, null, "kk", null, phone());
        String correlation = "page-" + tag;
        notifications.enqueue(new Notice("callup", Map.of(), List.of(Channel.WEBHOOK), "pg-" + tag, correlation, true, null),
                List.of(member));

        var page = new kz.qalqan.web.WebClient(port).signIn("admin", "test-admin-password-1")
                .get("/notifications?correlation=" + correlation);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Шақыру хабарламалары", "Хабаров Тест", "Кезекте", "/members/" + member)
                .contains("<td>Шлюз (webhook)</td>").doesNotContain("<td>WEBHOOK</td>");
        var russian = new kz.qalqan.web.WebClient(port).signIn("admin", "test-admin-password-1")
                .get("/notifications?lang=ru&correlation=" + correlation);
        assertThat(russian.body()).contains("<td>Шлюз (webhook)</td>", "Сообщения вызова")
                .doesNotContain("<td>PENDING</td>", "<td>SENT</td>", "<td>DELIVERED</td>", "<td>WEBHOOK</td>");
    }
}
