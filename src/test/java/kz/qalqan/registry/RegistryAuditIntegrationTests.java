package kz.qalqan.registry;

import kz.qalqan.audit.AuditEntry;
import kz.qalqan.audit.AuditQuery;
import kz.qalqan.audit.AuditTrail;
import kz.qalqan.support.ApiClient;
import kz.qalqan.support.TestIins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every write to the register and every read of a person's record leaves an audit event. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RegistryAuditIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    AuditTrail audit;

    List<AuditEntry> events(String entityType, String entityId) {
        return audit.search(new AuditQuery(null, entityType, entityId, null, null, null, 50, null));
    }

    @Test
    void auditsCreateReadAndUpdateOfAMember() {
        ApiClient api = ApiClient.admin(port);
        Map<String, Object> body = MemberApiIntegrationTests.member(TestIins.random());
        long id = api.postJson("/api/members", body).json().get("id").asLong();
        api.get("/api/members/" + id);
        body.put("status", "INACTIVE");
        api.putJson("/api/members/" + id, body);

        List<AuditEntry> trail = events("member", Long.toString(id));

        assertThat(trail).extracting(AuditEntry::action).containsExactly("MEMBER_UPDATE", "MEMBER_READ", "MEMBER_CREATE");
        assertThat(trail).allSatisfy(e -> {
            assertThat(e.actor()).isEqualTo("admin");
            assertThat(e.role()).contains("ADMIN");
            assertThat(e.orgPath()).isEqualTo("KZ-11/");
            assertThat(e.clientAddress()).isNotBlank();
        });
        assertThat(trail.get(0).details()).contains("status ACTIVE -> INACTIVE");
    }

    @Test
    void aRejectedWriteLeavesNoAuditEvent() {
        ApiClient api = ApiClient.admin(port);
        long before = audit.search(new AuditQuery("admin", null, null, "MEMBER_CREATE", null, null, 500, null)).size();
        Map<String, Object> body = MemberApiIntegrationTests.member("900515300128");

        assertThat(api.postJson("/api/members", body).status()).isEqualTo(400);

        assertThat(audit.search(new AuditQuery("admin", null, null, "MEMBER_CREATE", null, null, 500, null))).hasSize((int) before);
    }

    @Test
    void auditsAnImportOnceWithItsCounts() {
        ApiClient api = ApiClient.admin(port);
        var r = api.post("/api/imports/members", "text/csv", ("iin,last_name,first_name,region\n" + TestIins.random()
                + ",Бекова,Әсел,KZ-75\n").getBytes(StandardCharsets.UTF_8));
        String importId = r.json().get("id").asString();

        List<AuditEntry> trail = events("import", importId);

        assertThat(trail).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("IMPORT_MEMBERS");
            assertThat(e.details()).contains("accepted=1");
        });
        assertThat(audit.verify().intact()).isTrue();
    }
}
