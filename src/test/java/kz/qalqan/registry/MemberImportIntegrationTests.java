package kz.qalqan.registry;

import kz.qalqan.support.ApiClient;
import kz.qalqan.support.TestIins;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MemberImportIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    MemberImport imports;

    @Autowired
    org.springframework.context.MessageSource messages;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    String unitCode;

    @BeforeEach
    void setUp() {
        api = ApiClient.admin(port);
        unitCode = "IMP-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.postJson("/api/units", Map.of("code", unitCode, "name", "Импорт взводы", "type", "PLATOON",
                "regionCode", "KZ-75")).status()).isEqualTo(201);
    }

    ImportReport run(String csv, ImportMode mode) {
        return imports.importMembers(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), mode, "test", "test.csv");
    }

    long count(List<String> iins) {
        return jdbc.sql("select count(*) from registry.member where iin = any(?)").param(iins.toArray(String[]::new))
                .query(Long.class).single();
    }

    @Test
    void importsAFileWithBomSemicolonsQuotedFieldsKazakhLettersAndCrlf() {
        String a = TestIins.random(), b = TestIins.random(), c = TestIins.random();
        String csv = "\uFEFFIIN;Last_Name;first_name;middle_name;phone;region;unit;lat;lon;skills;language\r\n"
                + a + ";Қасымов;Әлихан;Ғаббасұлы;+7 701 123 4567;KZ-75;" + unitCode + ";43,25;76,95;driver|medic;kk\r\n"
                + "\r\n"
                + b + ";\"Өтегенова\";\"Үміт Ұлжан\";;87011234567;kz-75;;;;\"radio\";ru\r\n"
                + c + ";Іңкәрбаев;Һәдия;;;KZ-75;;;;;en\r\n";

        ImportReport report = run(csv, ImportMode.ALL_OR_NOTHING);

        assertThat(report.errors()).as("errors").isEmpty();
        assertThat(report.status()).isEqualTo(ImportReport.Status.COMMITTED);
        assertThat(report.total()).isEqualTo(3);
        assertThat(report.accepted()).isEqualTo(3);
        Map<String, Object> row = jdbc.sql("""
                select m.last_name, m.first_name, m.middle_name, m.phone, m.lat, m.skills::text as skills, u.code
                from registry.member m left join registry.unit u on u.id = m.unit_id where iin = ?""")
                .param(a).query().singleRow();
        assertThat(row).containsEntry("last_name", "Қасымов").containsEntry("first_name", "Әлихан")
                .containsEntry("middle_name", "Ғаббасұлы").containsEntry("phone", "+77011234567")
                .containsEntry("lat", 43.25).containsEntry("skills", "{driver,medic}").containsEntry("code", unitCode);
        assertThat(jdbc.sql("select first_name from registry.member where iin = ?").param(b).query(String.class).single())
                .isEqualTo("Үміт Ұлжан");
        assertThat(jdbc.sql("select assigned_by from registry.member where iin = ? and assigned_at is not null")
                .param(a).query(String.class).single()).isEqualTo("test");
    }

    @Test
    void reportsEveryBadRowWithLineColumnValueAndReasonAndWritesNothing() {
        String good = TestIins.random();
        String csv = "iin,last_name,first_name,region,unit,phone,email\n"
                + good + ",Иванов,Сергей,KZ-75," + unitCode + ",,\n"          // line 2
                + "900515300128,Петров,Олег,KZ-75,,,\n"                        // line 3: check digit
                + TestIins.random() + ",Ахметов,Ерлан,KZ-99,,,\n"            // line 4: region
                + "\n"                                                         // line 5: empty, skipped
                + good + ",Иванов,Сергей,KZ-75,,,\n"                          // line 6: duplicate of line 2
                + TestIins.random() + ",Сейтқали,Айгүл,KZ-75,NO-SUCH-UNIT,+1 555 0100,x@\n" // line 7: unit, phone, email
                + TestIins.random() + ",Only,Three,Fields\n"                  // line 8: wrong column count
                + "\"" + TestIins.random() + "\",\"Multi\nline\",Name,KZ-75,,,\n"  // lines 9-10: one record, valid
                + "12345678901x,Петров,Олег,KZ-75,,,\n"                        // line 11: not digits
                + TestIins.random() + ",\"Ахметов, мл.\",Ерлан,KZ-75,,,\n";  // line 12: comma inside a name

        long before = jdbc.sql("select count(*) from registry.member").query(Long.class).single();
        ImportReport report = run(csv, ImportMode.ALL_OR_NOTHING);

        assertThat(report.status()).isEqualTo(ImportReport.Status.REJECTED);
        assertThat(report.accepted()).isZero();
        assertThat(report.total()).isEqualTo(9);
        assertThat(report.rejected()).isEqualTo(7);
        assertThat(jdbc.sql("select count(*) from registry.member").query(Long.class).single()).isEqualTo(before);
        assertThat(count(List.of(good))).isZero();

        assertThat(issue(report, 3, "iin").code()).isEqualTo("iin.problem.CHECK_DIGIT");
        assertThat(issue(report, 3, "iin").value()).isEqualTo("900515300128");
        assertThat(issue(report, 4, "region").value()).isEqualTo("KZ-99");
        assertThat(issue(report, 6, "iin").code()).isEqualTo("imports.issue.repeated");
        assertThat(issue(report, 6, "iin").args()).containsExactly("2");
        assertThat(issue(report, 7, "unit").value()).isEqualTo("NO-SUCH-UNIT");
        assertThat(issue(report, 7, "phone").value()).isEqualTo("+1 555 0100");
        assertThat(issue(report, 7, "phone").code()).isEqualTo("shared.phone.countryCode");
        assertThat(issue(report, 7, "email").value()).isEqualTo("x@");
        assertThat(issue(report, 8, null).code()).isEqualTo("registry.import.rowWidth");
        assertThat(issue(report, 8, null).args()).containsExactly(4, 7);
        assertThat(issue(report, 11, "iin").code()).startsWith("iin.problem.");
        assertThat(issue(report, 12, "last_name").value()).isEqualTo("Ахметов, мл.");
        assertThat(report.errors()).noneMatch(e -> e.line() == 2 || e.line() == 9 || e.line() == 10);
    }

    @Test
    void acceptValidWritesTheGoodRowsAndReportsTheRest() {
        String good = TestIins.random(), bad = "123";
        String csv = "iin,last_name,first_name,region\n" + good + ",Нұрланов,Ержан,KZ-75\n" + bad + ",Петров,Олег,KZ-75\n";

        ImportReport report = run(csv, ImportMode.ACCEPT_VALID);

        assertThat(report.status()).isEqualTo(ImportReport.Status.COMMITTED);
        assertThat(report.accepted()).isEqualTo(1);
        assertThat(report.rejected()).isEqualTo(1);
        assertThat(issue(report, 3, "iin").code()).isEqualTo("iin.problem.TOO_SHORT");
        assertThat(count(List.of(good))).isEqualTo(1);
    }

    @Test
    void rejectsARowWhoseIinIsAlreadyRegistered() {
        String existing = TestIins.random();
        run("iin,last_name,first_name,region\n" + existing + ",Бекова,Әсел,KZ-75\n", ImportMode.ALL_OR_NOTHING);

        ImportReport report = run("iin,last_name,first_name,region\n" + existing + ",Бекова,Әсел,KZ-75\n", ImportMode.ACCEPT_VALID);

        assertThat(report.accepted()).isZero();
        assertThat(issue(report, 2, "iin").code()).isEqualTo("imports.issue.registered");
    }

    @Test
    void laterRowsRepeatingAnIinAreDuplicatesEvenIfTheFirstRowIsBad() {
        String iin = TestIins.random();
        String csv = "iin,last_name,first_name,region\n" + iin + ",Bad1,Name,KZ-75\n" + iin + ",Good,Name,KZ-75\n";

        ImportReport report = run(csv, ImportMode.ACCEPT_VALID);

        assertThat(report.accepted()).isZero();
        assertThat(issue(report, 3, "iin").code()).isEqualTo("imports.issue.repeated");
        assertThat(issue(report, 3, "iin").args()).containsExactly("2");
    }

    @Test
    void rejectsAFileWithoutTheRequiredColumnsAndWarnsAboutUnknownOnes() {
        ImportReport report = run("iin,surname,first_name,shoe_size\n" + TestIins.random() + ",X,Y,42\n", ImportMode.ACCEPT_VALID);

        assertThat(report.status()).isEqualTo(ImportReport.Status.REJECTED);
        assertThat(issue(report, 1, "last_name").code()).isEqualTo("registry.import.missingColumn");
        assertThat(issue(report, 1, "region").args()).containsExactly("region");
        assertThat(report.warnings()).extracting(ImportIssue::column).contains("surname", "shoe_size");
    }

    @Test
    void reportsAnUnterminatedQuoteWithItsLine() {
        ImportReport report = run("iin,last_name,first_name,region\n" + TestIins.random() + ",\"Open,Name,KZ-75\n", ImportMode.ACCEPT_VALID);

        assertThat(report.status()).isEqualTo(ImportReport.Status.REJECTED);
        assertThat(report.errors().get(0).line()).isEqualTo(2);
        assertThat(report.errors().get(0).code()).isEqualTo("platform.csv.unterminatedQuote");
        assertThat(report.errors().get(0).args()).containsExactly("2");
    }

    @Test
    void flagsSoftIinWarningsInTheReport() {
        String iin = null;
        for (int serial = 0; iin == null; serial++) {
            String prefix = "850231300" + String.format("%02d", serial);
            int c = kz.qalqan.shared.Iin.checkDigit(prefix);
            if (c >= 0 && jdbc.sql("select count(*) from registry.member where iin = ?").param(prefix + c).query(Long.class).single() == 0) {
                iin = prefix + c;
            }
        }
        ImportReport report = run("iin,last_name,first_name,region\n" + iin + ",Бекова,Әсел,KZ-75\n", ImportMode.ALL_OR_NOTHING);

        assertThat(report.status()).isEqualTo(ImportReport.Status.COMMITTED);
        assertThat(report.warnings()).anySatisfy(w -> {
            assertThat(w.line()).isEqualTo(2);
            assertThat(w.code()).isEqualTo("iin.warning.NOT_A_CALENDAR_DATE");
        });
    }

    @Test
    void answersUnprocessableOverTheApiWhenAllOrNothingFails() {
        var r = api.post("/api/imports/members", "text/csv",
                ("iin,last_name,first_name,region\n900515300128,Петров,Олег,KZ-75\n").getBytes(StandardCharsets.UTF_8));

        assertThat(r.status()).isEqualTo(422);
        JsonNode report = r.json();
        assertThat(report.get("total").asInt()).isEqualTo(1);
        assertThat(report.get("accepted").asInt()).isZero();
        assertThat(report.get("rejected").asInt()).isEqualTo(1);
        JsonNode error = report.get("errors").get(0);
        assertThat(error.get("line").asInt()).isEqualTo(2);
        assertThat(error.get("column").asString()).isEqualTo("iin");
        assertThat(error.get("value").asString()).isEqualTo("900515300128");
        assertThat(error.get("code").asString()).isEqualTo("iin.problem.CHECK_DIGIT");
        assertThat(error.get("message").asString()) // said in the request's language: Kazakh when none is asked
                .isEqualTo(messages.getMessage("iin.problem.CHECK_DIGIT", null, java.util.Locale.forLanguageTag("kk")));
    }

    @Test
    void importsOverTheApiAndRecordsTheJob() {
        String iin = TestIins.random();
        var r = api.post("/api/imports/members?mode=accept-valid", "text/csv",
                ("iin,last_name,first_name,region\n" + iin + ",Петров,Олег,KZ-75\n").getBytes(StandardCharsets.UTF_8));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        String id = r.json().get("id").asString();
        JsonNode job = api.get("/api/imports/" + id).json();
        assertThat(job.get("state").asString()).isEqualTo("COMMITTED");
        assertThat(job.get("report").get("accepted").asInt()).isEqualTo(1);
    }

    @Test
    void refusesAnUnknownMode() {
        var r = api.post("/api/imports/members?mode=sometimes", "text/csv", "iin\n".getBytes(StandardCharsets.UTF_8));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("mode");
    }

    /** A birth date the calendar does not have is refused in both notations, never moved to the month's last day. */
    @Test
    void refusesImpossibleBirthDatesInBothNotationsAndPlaceholderIins() {
        String a = TestIins.random(), b = TestIins.random(), c = TestIins.random();
        String csv = "iin,last_name,first_name,region,birth_date\n"
                + a + ",Асқаров,Ерлан,KZ-75,31.02.1990\n"
                + b + ",Асқаров,Ерлан,KZ-75,1990-02-31\n"
                + c + ",Асқаров,Ерлан,KZ-75,28.02.1990\n"
                + "000000000000,Асқаров,Ерлан,KZ-75,\n";

        ImportReport report = run(csv, ImportMode.ACCEPT_VALID);

        assertThat(issue(report, 2, "birth_date").code()).isEqualTo("date.problem.NO_SUCH_DAY");
        assertThat(issue(report, 3, "birth_date").code()).isEqualTo("date.problem.NO_SUCH_DAY");
        assertThat(issue(report, 5, "iin").code()).isIn("iin.problem.REPEATED_DIGITS", "iin.problem.ZERO_DATE");
        assertThat(report.accepted()).isEqualTo(1);
        assertThat(jdbc.sql("select birth_date from registry.member where iin = ?").param(c).query(java.time.LocalDate.class)
                .single()).isEqualTo(java.time.LocalDate.of(1990, 2, 28));
        assertThat(count(List.of(a, b))).isZero();
    }

    private static ImportIssue issue(ImportReport report, long line, String column) {
        List<ImportIssue> matches = new ArrayList<>();
        for (ImportIssue i : report.errors()) {
            if (i.line() == line && java.util.Objects.equals(i.column(), column)) {
                matches.add(i);
            }
        }
        assertThat(matches).as("issue on line %d column %s in %s", line, column, report.errors()).isNotEmpty();
        return matches.get(0);
    }
}
