package kz.qalqan.notification;

import kz.qalqan.notification.internal.Dispatcher;
import kz.qalqan.web.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The in-app channel: a call-up that no channel it names can reach lands in the member's inbox in Qalqan instead of
 * failing; the member sees it with a badge, answers with one tap, and the answer counts like a reply by link. Nobody
 * else can read or answer it.
 */
class InboxIntegrationTests extends NotificationTestSupport {

    @Autowired
    Notifications notifications;
    @Autowired
    Dispatcher dispatcher;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aCallUpNoChannelReachesIsDeliveredToTheInboxAndAnsweredThere() {
        String tag = tag();
        long unit = unit("KZ-75", tag);
        long member = member("KZ-75", unit, null, "ru", null, null);
        long other = member("KZ-75", unit, null, "kk", null, null);
        String correlation = "inbox-" + tag;
        notifications.enqueue(new Notice("callup", Map.of("title", "Паводок " + tag, "place", "штаб", "time", "12:00"),
                List.of(Channel.EMAIL, Channel.SMS), "i-" + tag, correlation, true, null), List.of(member, other));

        dispatcher.drain(1, correlation);

        assertThat(jdbc.sql("select status from notification.message where correlation_id = ? order by member_id")
                .param(correlation).query(String.class).list()).containsExactly("DELIVERED", "DELIVERED");
        assertThat(jdbc.sql("""
                        select a.outcome || ' ' || a.channel from notification.attempt a
                        join notification.message m on m.id = a.message_id where m.member_id = ? and m.correlation_id = ?
                        order by a.id""")
                .params(member, correlation).query(String.class).list())
                .containsExactly("SKIPPED EMAIL", "SKIPPED SMS", "SENT INBOX");
        long messageId = jdbc.sql("select id from notification.message where member_id = ? and correlation_id = ?")
                .params(member, correlation).query(Long.class).single();

        WebClient web = signedInAs(member, tag);
        assertThat(web.get("/inbox/badge").body()).contains("1");
        WebClient.Page inbox = web.get("/inbox?lang=ru");
        assertThat(inbox.status()).isEqualTo(200);
        assertThat(inbox.body()).contains("Паводок " + tag).contains("Прибуду").contains("Мои сообщения");
        assertThat(web.get("/inbox/badge").body().strip()).as("opening the inbox reads it").isEmpty();

        WebClient.Page answered = web.post("/inbox/" + messageId + "/answer", inbox, Map.of("answer", "ACCEPT"));
        assertThat(answered.status()).isEqualTo(302);
        assertThat(jdbc.sql("select answer || ' ' || via from notification.reply where message_id = ?")
                .param(messageId).query(String.class).single()).isEqualTo("ACCEPT INBOX");
        assertThat(web.get("/inbox?lang=ru").body()).contains("Ваш ответ:").doesNotContain("name=\"answer\" value=\"DECLINE\"");

        // another member neither sees nor answers it
        WebClient stranger = signedInAs(other, tag + "o");
        long othersCopy = jdbc.sql("select id from notification.message where member_id = ? and correlation_id = ?")
                .params(other, correlation).query(Long.class).single();
        assertThat(stranger.get("/inbox").body()).contains("id=\"m" + othersCopy + "\"")
                .doesNotContain("id=\"m" + messageId + "\"");
        assertThat(stranger.post("/inbox/" + messageId + "/answer", stranger.get("/inbox"), Map.of("answer", "DECLINE"))
                .status()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from notification.reply where message_id in (?, ?)")
                .params(messageId, othersCopy).query(Integer.class).single()).isEqualTo(1);
    }

    private WebClient signedInAs(long member, String tag) {
        String username = "inbox-" + tag;
        String password = "inbox-secret-pass-" + tag + "-x";
        Map<String, Object> user = new HashMap<>();
        user.put("username", username);
        user.put("password", password);
        user.put("displayName", "Хабар алушы");
        user.put("language", "ru");
        user.put("memberId", member);
        user.put("grants", List.of(Map.of("role", "MEMBER", "scope", "KZ-75")));
        var r = admin().postJson("/api/users", user);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return new WebClient(port).signIn(username, password);
    }
}
