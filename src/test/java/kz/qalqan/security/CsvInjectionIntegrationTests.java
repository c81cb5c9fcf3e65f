package kz.qalqan.security;

import kz.qalqan.support.ApiClient;
import kz.qalqan.support.TestIins;
import kz.qalqan.web.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CSV injection (issue 10 item 4): a value a member or an officer typed that a spreadsheet would run as a formula
 * reaches every export with a leading single quote. The member's e-mail is the attack of the penetration test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CsvInjectionIntegrationTests {

    private static final String EMAIL = "=cmd|'/Ccalc'!A0@x.kz";
    private static final String FORMULA = "=HYPERLINK(\"http://evil.example\",\"open\")";

    @LocalServerPort
    int port;

    @Test
    void everyExportNeutralisesFormulaCells() throws Exception {
        ApiClient admin = ApiClient.admin(port);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        var unit = admin.postJson("/api/units", Map.of("code", "CSV-" + tag, "name", FORMULA + " " + tag,
                "type", "PLATOON", "regionCode", "KZ-23"));
        assertThat(unit.status()).as(unit.toString()).isEqualTo(201);
        long unitId = unit.json().get("id").asLong();
        Map<String, Object> member = new HashMap<>();
        member.put("iin", TestIins.random());
        member.put("lastName", "Формулов");
        member.put("firstName", "Тест");
        member.put("regionCode", "KZ-23");
        member.put("unitId", unitId);
        member.put("email", EMAIL);
        var created = admin.postJson("/api/members", member);
        assertThat(created.status()).as("a member can set such an e-mail: " + created).isEqualTo(201);

        // members: API and page
        String members = admin.get("/api/members/export.csv?unit=" + unitId).body();
        assertThat(members).contains("'" + EMAIL).doesNotContain("," + EMAIL);
        WebClient page = new WebClient(port).signIn("admin", "test-admin-password-1");
        assertThat(page.get("/members/export.csv?unit=" + unitId).body()).contains("'" + EMAIL).doesNotContain("," + EMAIL);

        // readiness: the unit's name, once the read model holds the unit
        String readiness = "";
        for (Instant until = Instant.now().plus(Duration.ofSeconds(20)); Instant.now().isBefore(until)
                && !readiness.contains(tag); Thread.sleep(200)) {
            readiness = admin.get("/api/readiness/export.csv?node=KZ-23").body();
        }
        assertThat(readiness).contains("\"'" + FORMULA.replace("\"", "\"\"") + " " + tag + "\"");
        assertThat(readiness).doesNotContain(",\"" + FORMULA.replace("\"", "\"\""));

        // audit: an override's reason, through the API and the page
        var override = admin.postJson("/api/units/" + unitId + "/readiness/override", Map.of("level", 4, "reason", FORMULA));
        assertThat(override.status()).as(override.toString()).isEqualTo(200);
        String query = "?action=READINESS_OVERRIDE&entityId=" + unitId;
        for (String csv : List.of(admin.get("/api/audit/export.csv" + query).body(),
                page.get("/audit/export.csv" + query).body())) {
            assertThat(csv).contains("\"'" + FORMULA.replace("\"", "\"\"") + "\"")
                    .doesNotContain(",\"" + FORMULA.replace("\"", "\"\""));
        }
    }
}
