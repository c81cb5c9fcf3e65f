package kz.qalqan.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import kz.qalqan.support.ApiClient;
import kz.qalqan.support.TestIins;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One application context for the notification tests, wired to an in-process webhook sink, GreenMail on a
 * dynamic port and an in-process SMSC, with quick retries. They live as long as the test JVM.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class NotificationTestSupport {

    static final WebhookSink SINK = new WebhookSink();
    static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    static final SmscStub SMSC;

    static {
        MAIL.start();
        try {
            SMSC = new SmscStub();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void channels(DynamicPropertyRegistry registry) {
        registry.add("qalqan.notification.webhook.url", SINK::url);
        registry.add("qalqan.notification.webhook.secret", () -> WebhookSink.SECRET);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        registry.add("qalqan.notification.sms.host", () -> "127.0.0.1");
        registry.add("qalqan.notification.sms.port", SMSC::port);
        registry.add("qalqan.notification.sms.system-id", () -> "qalqan");
        registry.add("qalqan.notification.sms.password", () -> "secret");
        registry.add("qalqan.notification.backoff-initial", () -> "100ms");
        registry.add("qalqan.notification.backoff-max", () -> "1s");
        registry.add("qalqan.notification.max-attempts", () -> "3");
        registry.add("qalqan.notification.lease", () -> "3s");
        registry.add("qalqan.notification.batch-size", () -> "100");
    }

    @LocalServerPort
    int port;

    ApiClient admin() {
        return ApiClient.admin(port);
    }

    static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    long unit(String region, String tag) {
        var r = admin().postJson("/api/units", Map.of("code", "NT-" + tag, "name", "Хабар взводы",
                "type", "PLATOON", "regionCode", region));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    long position(long unit, String title) {
        var r = admin().postJson("/api/units/" + unit + "/positions", Map.of("title", title));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    /** A member with a fresh phone; email null for none. */
    long member(String region, long unit, Long position, String language, String email, String phone) {
        Map<String, Object> m = new HashMap<>();
        m.put("iin", TestIins.random());
        m.put("lastName", "Хабаров");
        m.put("firstName", "Тест");
        m.put("regionCode", region);
        m.put("unitId", unit);
        m.put("positionId", position);
        m.put("language", language);
        m.put("email", email);
        m.put("phone", phone);
        var r = admin().postJson("/api/members", m);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    static String phone() {
        return "+7701" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
    }
}
