package kz.qalqan.audit;

import kz.qalqan.support.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditApiIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    AuditTrail trail;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    String recordThree() {
        String id = UUID.randomUUID().toString();
        for (String action : List.of("MEMBER_CREATE", "MEMBER_READ", "MEMBER_UPDATE")) {
            trail.record(action, "MEMBER", id, "KZ-75", null, null);
        }
        return id;
    }

    @Test
    void pagesThroughTheTrailNewestFirst() {
        String id = recordThree();
        ApiClient api = ApiClient.admin(port);

        var first = api.get("/api/audit?entityId=" + id + "&limit=2");
        JsonNode page = first.json();
        var second = api.get("/api/audit?entityId=" + id + "&limit=2&before=" + page.get("next").asLong()).json();

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        List<String> actions = new ArrayList<>();
        page.get("items").forEach(e -> actions.add(e.get("action").asString()));
        second.get("items").forEach(e -> actions.add(e.get("action").asString()));
        assertThat(actions).containsExactly("MEMBER_UPDATE", "MEMBER_READ", "MEMBER_CREATE");
        assertThat(second.get("next").isNull()).isTrue();
        JsonNode event = page.get("items").get(0);
        assertThat(event.get("entityType").asString()).isEqualTo("MEMBER");
        assertThat(event.get("orgPath").asString()).isEqualTo("KZ-75");
        assertThat(event.get("hash").asString()).hasSize(64);
        assertThat(Instant.parse(event.get("at").asString())).isBeforeOrEqualTo(Instant.now());
    }

    @Test
    void filtersByTimeFromInclusiveToExclusive() {
        String id = recordThree();
        List<AuditEntry> events = trail.search(new AuditQuery(null, null, id, null, null, null, 0, null));
        Instant from = events.get(1).at();
        Instant to = events.get(0).at();

        JsonNode page = ApiClient.admin(port).get("/api/audit?entityId=" + id + "&from=" + from + "&to=" + to).json();

        List<Long> seqs = new ArrayList<>();
        page.get("items").forEach(e -> seqs.add(e.get("seq").asLong()));
        assertThat(seqs).as("the clock may give two events the same microsecond").isEqualTo(events.stream()
                .filter(e -> !e.at().isBefore(from) && e.at().isBefore(to)).map(AuditEntry::seq).toList());
        assertThat(seqs).doesNotContain(events.get(0).seq());
    }

    @Test
    void recordsTheAuditorsReadWithNameRoleAndAddress() {
        String id = recordThree();

        ApiClient.admin(port).get("/api/audit?entityId=" + id);

        List<AuditEntry> reads = trail.search(new AuditQuery("admin", "AUDIT", null, "AUDIT_READ", null, null, 50, null));
        AuditEntry read = reads.stream().filter(r -> ("entityId=" + id).equals(r.details())).findFirst().orElseThrow();
        // other test classes may give admin further roles when they share an external database
        assertThat(read.role()).contains("ADMIN");
        assertThat(read.clientAddress()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
    }

    @Test
    void exportsCsvAsAnAttachmentAndRecordsTheExport() {
        String id = recordThree();

        var r = ApiClient.admin(port).get("/api/audit/export.csv?entityId=" + id);

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/csv");
        List<String> lines = r.body().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("seq,at,actor,role,action,");
        assertThat(lines.get(1)).contains(",MEMBER_UPDATE,MEMBER," + id + ",KZ-75,");
        assertThat(trail.search(new AuditQuery("admin", "AUDIT", null, "AUDIT_EXPORT", null, null, 50, null)))
                .anyMatch(e -> ("entityId=" + id).equals(e.details()));
    }

    @Test
    void answersBadRequestForATimeThatIsNotAnInstant() {
        var r = ApiClient.admin(port).get("/api/audit?from=yesterday");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("from");
    }

    @Test
    void refusesTheTrailToUsersWithoutAnAuditRole() {
        jdbc.sql("""
                insert into identity.app_user (username, password_hash, display_name) values ('plain-user', ?, 'Plain User')
                on conflict (username) do nothing""").param(passwords.encode("plain-password-1")).update();

        assertThat(new ApiClient(port, "plain-user", "plain-password-1").get("/api/audit").status()).isEqualTo(403);
        assertThat(new ApiClient(port, "plain-user", "plain-password-1").get("/api/audit/export.csv").status()).isEqualTo(403);
        assertThat(ApiClient.anonymous(port).get("/api/audit").status()).isEqualTo(401);
    }
}
