package kz.qalqan.registry;

import kz.qalqan.audit.AuditEntry;
import kz.qalqan.audit.AuditQuery;
import kz.qalqan.audit.AuditTrail;
import kz.qalqan.platform.csv.CsvReader;
import kz.qalqan.platform.csv.CsvRecord;
import kz.qalqan.support.ApiClient;
import kz.qalqan.support.TestIins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MemberExportIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    AuditTrail audit;

    @Test
    void exportsTheMatchesInTheImportFormatOnlyWithinTheCallersScope() {
        ApiClient admin = ApiClient.admin(port);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long almaty = admin.postJson("/api/units", Map.of("code", "EX-" + tag, "name", "Экспорт", "type", "PLATOON",
                "regionCode", "KZ-75")).json().get("id").asLong();
        Map<String, Object> m = MemberApiIntegrationTests.member(TestIins.random());
        m.put("regionCode", "KZ-75");
        m.put("unitId", almaty);
        m.put("lastName", "Экспортов");
        assertThat(admin.postJson("/api/members", m).status()).isEqualTo(201);
        Map<String, Object> astana = MemberApiIntegrationTests.member(TestIins.random());
        astana.put("regionCode", "KZ-71");
        astana.put("lastName", "Экспортов");
        assertThat(admin.postJson("/api/members", astana).status()).isEqualTo(201);
        String username = "export-" + tag;
        assertThat(admin.postJson("/api/users", Map.of("username", username, "password", "export-secret-pass-" + tag,
                "displayName", "Export", "language", "kk", "grants", List.of(Map.of("role", "COMMANDER", "scope", "KZ-75"))))
                .status()).isEqualTo(201);
        ApiClient commander = new ApiClient(port, username, "export-secret-pass-" + tag);

        var byAdmin = admin.get("/api/members/export.csv?q=" + "экспортов");
        var byCommander = commander.get("/api/members/export.csv?q=" + "экспортов");

        assertThat(byAdmin.status()).isEqualTo(200);
        assertThat(byAdmin.contentType()).startsWith("text/csv");
        List<CsvRecord> adminRows = rows(byAdmin.body());
        assertThat(adminRows.get(0).fields()).containsExactly("iin", "last_name", "first_name", "middle_name", "category",
                "phone", "email", "region", "district", "unit", "lat", "lon", "language", "skills", "status");
        assertThat(adminRows.subList(1, adminRows.size())).extracting(r -> r.get(0))
                .contains((String) m.get("iin"), (String) astana.get("iin"));
        List<CsvRecord> commanderRows = rows(byCommander.body());
        assertThat(commanderRows.subList(1, commanderRows.size())).extracting(r -> r.get(0))
                .contains((String) m.get("iin")).doesNotContain((String) astana.get("iin"));
        CsvRecord row = commanderRows.stream().filter(r -> r.get(0).equals(m.get("iin"))).findFirst().orElseThrow();
        assertThat(row.get(4)).isEqualTo("reservist");
        assertThat(row.get(5)).isEqualTo("+77011234567");
        assertThat(row.get(9)).isEqualTo("EX-" + tag);
        assertThat(row.get(13)).isEqualTo("driver|medic");
        List<AuditEntry> exports = audit.search(new AuditQuery(username, null, null, "MEMBER_EXPORT", null, null, 10, null));
        assertThat(exports).singleElement().satisfies(e -> assertThat(e.details()).contains("rows="));
    }

    private static List<CsvRecord> rows(String csv) {
        List<CsvRecord> rows = new ArrayList<>();
        try (CsvReader reader = CsvReader.open(new StringReader(csv))) {
            for (CsvRecord r = reader.next(); r != null; r = reader.next()) {
                rows.add(r);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return rows;
    }
}
