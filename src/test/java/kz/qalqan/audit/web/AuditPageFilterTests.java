package kz.qalqan.audit.web;

import kz.qalqan.audit.AuditEntry;
import kz.qalqan.audit.VerificationResult;
import kz.qalqan.audit.web.AuditController.AuditFilter;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Properties;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The audit page's reading of its URL: times in Kazakhstan, page sizes, links, and the names of actions. */
class AuditPageFilterTests {

    static AuditFilter filter(String from, String to, String size, String before) {
        return new AuditFilter(" admin ", "member", "42", "", from, to, size, before);
    }

    @Test
    void readsLocalTimesInTheAlmatyZoneWithItsHistory() {
        // UTC+5 since 1 March 2024, UTC+6 before: the tz database, not a fixed offset
        assertThat(AuditController.time("2025-05-10T14:30", false)).isEqualTo(Instant.parse("2025-05-10T09:30:00Z"));
        assertThat(AuditController.time("2023-05-10T14:30:15", false)).isEqualTo(Instant.parse("2023-05-10T08:30:15Z"));
        assertThat(AuditController.time("10.05.2025 14:30:15", false)).isEqualTo(Instant.parse("2025-05-10T09:30:15Z"));
        assertThat(AuditController.time("10.05.2025 9:05", false)).isEqualTo(Instant.parse("2025-05-10T04:05:00Z"));
        assertThat(AuditController.time("2025-05-10 9:05", false)).isEqualTo(Instant.parse("2025-05-10T04:05:00Z"));
        assertThat(AuditController.time("2025-05-10T09:30:00Z", false)).isEqualTo(Instant.parse("2025-05-10T09:30:00Z"));
        assertThat(AuditController.time("2025-05-10T12:30:00+03:00", true)).isEqualTo(Instant.parse("2025-05-10T09:30:00Z"));
    }

    @Test
    void aDayAloneStartsAtMidnightAndAsTheEndCoversTheWholeDay() {
        assertThat(AuditController.time("2025-05-10", false)).isEqualTo(Instant.parse("2025-05-09T19:00:00Z"));
        assertThat(AuditController.time("2025-05-10", true)).isEqualTo(Instant.parse("2025-05-10T19:00:00Z"));
        assertThat(AuditController.time("10.05.2025", true)).isEqualTo(Instant.parse("2025-05-10T19:00:00Z"));
    }

    @Test
    void rejectsTimesItCannotRead() {
        for (String bad : List.of("yesterday", "2025-13-01", "31.02.2025", "2025-05-10T25:00", "10/05/2025")) {
            assertThatThrownBy(() -> AuditController.time(bad, false)).as(bad).isInstanceOf(DateTimeParseException.class);
        }
    }

    @Test
    void showsTheTimesInTheFormTheDateTimeInputTakes() {
        AuditFilter f = filter("10.05.2025 14:30", "2025-05-10", null, null);

        assertThat(f.fromInput()).isEqualTo("2025-05-10T14:30:00");
        assertThat(f.toInput()).isEqualTo("2025-05-11T00:00:00");
        assertThat(filter("nonsense", "", null, null).fromInput()).isEmpty();
    }

    @Test
    void pageSizeDefaultsAndIsCapped() {
        assertThat(filter(null, null, null, null).pageSize()).isEqualTo(50);
        assertThat(filter(null, null, "abc", null).pageSize()).isEqualTo(50);
        assertThat(filter(null, null, "-3", null).pageSize()).isEqualTo(50);
        assertThat(filter(null, null, "100", null).pageSize()).isEqualTo(100);
        assertThat(filter(null, null, "100000", null).pageSize()).isEqualTo(500);
    }

    @Test
    void theSizeChoiceIncludesTheSizeInUse() {
        assertThat(AuditController.pageSizes(50)).isEqualTo(AuditController.PAGE_SIZES);
        assertThat(AuditController.pageSizes(3)).containsExactly(3, 25, 50, 100, 200, 500);
    }

    @Test
    void linksKeepTheFiltersAndEncodeThem() {
        AuditFilter f = new AuditFilter("Әлия Н.", "member", "42", "MEMBER_READ", "2025-05-10T14:30", null, "25", "99");

        assertThat(f.link("/audit", 17L, true)).isEqualTo("/audit?actor=%D3%98%D0%BB%D0%B8%D1%8F%20%D0%9D."
                + "&entityType=member&entityId=42&action=MEMBER_READ&from=2025-05-10T14:30&size=25&before=17");
        assertThat(f.link("/audit/export.csv", null, false)).doesNotContain("size").doesNotContain("before");
    }

    @Test
    void linksOnlyNumericMemberIdsToTheMemberPage() {
        assertThat(AuditController.Row.of(entry("member", "42")).memberId()).isEqualTo(42L);
        assertThat(AuditController.Row.of(entry("MEMBER", "42")).memberId()).isEqualTo(42L);
        assertThat(AuditController.Row.of(entry("MEMBER", "0b5c-uuid")).memberId()).isNull();
        assertThat(AuditController.Row.of(entry("unit", "42")).memberId()).isNull();
        assertThat(AuditController.Row.of(entry("member", null)).memberId()).isNull();
    }

    @Test
    void aBrokenChainShowsTheFirstProblemsAndCountsTheRest() {
        List<String> problems = IntStream.rangeClosed(1, 25).mapToObj(i -> "seq " + i + ": hash mismatch").toList();

        AuditController.Verification v = AuditController.Verification.of(new VerificationResult(false, 100, problems));

        assertThat(v.intact()).isFalse();
        assertThat(v.problems()).hasSize(AuditController.SHOWN_PROBLEMS).first().isEqualTo("seq 1: hash mismatch");
        assertThat(v.problemCount()).isEqualTo(25);
        assertThat(v.hidden()).isEqualTo(5);
    }

    @Test
    void everyActionAndRecordTypeTheFilterOffersHasANameInEveryLanguage() throws IOException {
        for (String language : List.of("", "_kk", "_ru")) {
            Properties p = new Properties();
            for (String family : List.of("messages", "audit")) {
                try (Reader in = Files.newBufferedReader(Path.of("src/main/resources/messages", family + language + ".properties"),
                        StandardCharsets.UTF_8)) {
                    p.load(in);
                }
            }
            assertThat(AuditController.KNOWN_ACTIONS).as(language).allMatch(a -> p.containsKey("audit.action." + a),
                    "has audit.action.<code>");
            assertThat(AuditController.KNOWN_ENTITY_TYPES).as(language).allMatch(t -> p.containsKey("audit.entity." + t),
                    "has audit.entity.<type>");
        }
    }

    private static AuditEntry entry(String type, String id) {
        return new AuditEntry(1, Instant.now(), "admin", "ADMIN", "MEMBER_READ", type, id, null, null, null, null,
                "0".repeat(64), "f".repeat(64));
    }
}
