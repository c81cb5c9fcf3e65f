package kz.qalqan.demo;

import kz.qalqan.demo.internal.ReferenceRegions;
import kz.qalqan.demo.internal.ReferenceRegions.Region;
import kz.qalqan.shared.Iin;
import kz.qalqan.shared.PhoneNumber;
import kz.qalqan.shared.Sex;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class DemoMemberGeneratorTests {

    static final String HEADER =
            "iin,last_name,first_name,middle_name,category,phone,email,region,district,unit,lat,lon,language,skills";
    static final int ROWS = 100_000;
    static final int IIN = 0, LAST = 1, FIRST = 2, MIDDLE = 3, CATEGORY = 4, PHONE = 5, EMAIL = 6, REGION = 7,
            DISTRICT = 8, UNIT = 9, LAT = 10, LON = 11, LANGUAGE = 12, SKILLS = 13;

    static final DemoForce FORCE = DemoForce.standard();
    static final ReferenceRegions REFERENCE = ReferenceRegions.load();
    static String csv;
    static List<String[]> rows;

    @BeforeAll
    static void generate() throws IOException {
        csv = write(42, ROWS);
        String[] lines = csv.split("\n", -1);
        assertThat(lines[lines.length - 1]).as("file ends with a line feed").isEmpty();
        rows = new ArrayList<>(ROWS);
        for (int i = 1; i < lines.length - 1; i++) {
            String[] fields = lines[i].split(",", -1);
            assertThat(fields).as("line " + (i + 1)).hasSize(14);
            rows.add(fields);
        }
    }

    static String write(long seed, long count) throws IOException {
        StringWriter out = new StringWriter();
        new MemberGenerator(seed, FORCE).write(count, out);
        return out.toString();
    }

    static double share(java.util.function.Predicate<String[]> predicate) {
        return rows.stream().filter(predicate).count() / (double) rows.size();
    }

    @Test
    void headerIsExactAndEveryRowIsPlainCsvWithLfLineEnds() {
        assertThat(csv).startsWith(HEADER + "\n");
        assertThat(MemberGenerator.HEADER).isEqualTo(HEADER);
        assertThat(rows).hasSize(ROWS);
        assertThat(csv).doesNotContain("\r").doesNotContain("\"");
    }

    @Test
    void iinsAreValidUniqueAndConsistentWithAnAdultReserve() {
        Set<String> seen = new HashSet<>(ROWS * 2);
        int male = 0;
        for (String[] row : rows) {
            String iin = row[IIN];
            assertThat(Iin.isValid(iin)).as(iin).isTrue();
            assertThat(seen.add(iin)).as("duplicate " + iin).isTrue();
            Iin parsed = Iin.parse(iin);
            LocalDate birth = parsed.birthDate().orElseThrow();
            assertThat(birth).isBetween(LocalDate.of(1966, 1, 1), LocalDate.of(2006, 12, 31));
            char century = iin.charAt(6);
            if (birth.getYear() < 2000) {
                assertThat(century).isIn('3', '4');
            } else {
                assertThat(century).isIn('5', '6');
            }
            assertThat(parsed.warnings(null, null)).isEmpty();
            if (parsed.sex().orElseThrow() == Sex.MALE) {
                male++;
            }
        }
        assertThat(male / (double) ROWS).isCloseTo(0.85, within(0.02));
    }

    @Test
    void sameSeedGivesTheSameBytesAndAnotherSeedDiffers() throws IOException {
        String a = write(7, 20_000);
        assertThat(write(7, 20_000)).isEqualTo(a);
        assertThat(write(8, 20_000)).isNotEqualTo(a);
        assertThat(write(42, ROWS)).isEqualTo(csv);
        // a shorter run is a prefix of a longer one
        assertThat(a).startsWith(write(7, 1_000));
    }

    @Test
    void streamYieldsTheRowsThatWriteWrites() {
        MemberGenerator generator = new MemberGenerator(42, FORCE);
        List<GeneratedMember> members = generator.stream(2_000).toList();
        assertThat(members).hasSize(2_000);
        String[] lines = csv.split("\n", 2_002);
        for (int i = 0; i < members.size(); i++) {
            assertThat(MemberGenerator.toCsvLine(members.get(i))).isEqualTo(lines[i + 1]);
        }
        Iterator<GeneratedMember> iterator = generator.iterator(3);
        assertThat(iterator.next()).isEqualTo(members.get(0));
        assertThat(generator.stream(0)).isEmpty();
        assertThatThrownBy(() -> generator.iterator(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unitsExistAndBelongToTheRowsRegion() {
        int withUnit = 0;
        for (String[] row : rows) {
            assertThat(REFERENCE.region(row[REGION])).as(row[REGION]).isPresent();
            if (!row[UNIT].isEmpty()) {
                withUnit++;
                DemoUnit unit = FORCE.unit(row[UNIT]).orElseThrow();
                assertThat(unit.regionCode()).isEqualTo(row[REGION]);
                assertThat(FORCE.leafUnitCodes(row[REGION])).contains(row[UNIT]);
            }
        }
        assertThat(withUnit / (double) ROWS).isCloseTo(0.85, within(0.02));
    }

    @Test
    void districtsBelongToTheRowsRegion() {
        int inDistrictedRegions = 0;
        int withDistrict = 0;
        for (String[] row : rows) {
            boolean hasDistricts = !REFERENCE.districtsOf(row[REGION]).isEmpty();
            if (hasDistricts) {
                inDistrictedRegions++;
            }
            if (!row[DISTRICT].isEmpty()) {
                withDistrict++;
                assertThat(hasDistricts).isTrue();
                int id = Integer.parseInt(row[DISTRICT]);
                assertThat(REFERENCE.district(id).orElseThrow().regionCode()).isEqualTo(row[REGION]);
            }
        }
        assertThat(withDistrict / (double) inDistrictedRegions).isCloseTo(0.70, within(0.02));
    }

    @Test
    void regionSharesFollowPopulation() {
        long total = REFERENCE.regions().stream().mapToLong(Region::population).sum();
        Map<String, Integer> counts = new HashMap<>();
        for (String[] row : rows) {
            counts.merge(row[REGION], 1, Integer::sum);
        }
        assertThat(counts.keySet()).hasSize(20);
        for (Region region : REFERENCE.regions()) {
            double expected = region.population() / (double) total;
            double actual = counts.get(region.code()) / (double) ROWS;
            assertThat(actual).as(region.code()).isCloseTo(expected, within(0.02));
        }
        double almatyExpected = REFERENCE.region("KZ-75").orElseThrow().population() / (double) total;
        assertThat(counts.get("KZ-75") / (double) ROWS).isCloseTo(almatyExpected, within(0.02));
    }

    @Test
    void namesAreVariedGenderConsistentAndUseKazakhLetters() {
        StringBuilder allNames = new StringBuilder();
        Set<String> lastNames = new HashSet<>();
        Set<String> firstNames = new HashSet<>();
        for (String[] row : rows) {
            assertThat(row[LAST]).isNotBlank();
            assertThat(row[FIRST]).isNotBlank();
            allNames.append(row[LAST]).append(' ').append(row[FIRST]).append(' ').append(row[MIDDLE]).append(' ');
            lastNames.add(row[LAST]);
            firstNames.add(row[FIRST]);
            boolean male = Iin.parse(row[IIN]).sex().orElseThrow() == Sex.MALE;
            String middle = row[MIDDLE];
            if (!middle.isEmpty()) {
                if (male) {
                    assertThat(middle).matches(".*(ұлы|вич|uly)");
                } else {
                    assertThat(middle).matches(".*(қызы|вна|kyzy)");
                }
            }
            if (male) {
                assertThat(row[LAST]).doesNotEndWith("ова").doesNotEndWith("ева").doesNotEndWith("қызы");
            } else {
                assertThat(row[LAST]).doesNotEndWith("ов").doesNotEndWith("ев").doesNotEndWith("ұлы");
            }
        }
        for (char letter : "ӘҒҚӨҰҮІәғқңөұүһі".toCharArray()) {
            assertThat(allNames.indexOf(String.valueOf(letter))).as("letter " + letter).isGreaterThanOrEqualTo(0);
        }
        assertThat(lastNames.size()).isGreaterThanOrEqualTo(120);
        assertThat(firstNames.size()).isGreaterThanOrEqualTo(160);
        double latin = share(row -> row[LAST].chars().allMatch(c -> c < 128));
        double russianStyle = share(row -> row[MIDDLE].matches(".*(вич|вна)"));
        assertThat(latin).isCloseTo(0.05, within(0.01));
        assertThat(russianStyle).isBetween(0.4, 0.7);
    }

    @Test
    void categoriesLanguagesAndSkillsFollowTheirShares() {
        assertThat(share(r -> r[CATEGORY].equals("reservist"))).isCloseTo(0.70, within(0.01));
        assertThat(share(r -> r[CATEGORY].equals("volunteer"))).isCloseTo(0.20, within(0.01));
        assertThat(share(r -> r[CATEGORY].equals("civil_defense"))).isCloseTo(0.10, within(0.01));
        assertThat(share(r -> r[LANGUAGE].equals("kk"))).isCloseTo(0.60, within(0.02));
        assertThat(share(r -> r[LANGUAGE].equals("ru"))).isCloseTo(0.35, within(0.02));
        assertThat(share(r -> r[LANGUAGE].equals("en"))).isCloseTo(0.05, within(0.01));
        for (String[] row : rows) {
            assertThat(row[CATEGORY]).isIn("reservist", "volunteer", "civil_defense");
            assertThat(row[LANGUAGE]).isIn("kk", "ru", "en");
            if (!row[SKILLS].isEmpty()) {
                List<String> skills = List.of(row[SKILLS].split("\\|"));
                assertThat(skills).hasSizeBetween(1, 3).doesNotHaveDuplicates()
                        .allMatch(MemberGenerator.SKILLS::contains);
            }
        }
        assertThat(share(r -> r[SKILLS].isEmpty())).isCloseTo(0.30, within(0.02));
        assertThat(share(r -> r[SKILLS].split("\\|").length == 3)).isCloseTo(0.10, within(0.02));
    }

    @Test
    void phonesAreKazakhMobilesInCommonWritings() {
        Set<String> prefixes = Set.of("700", "701", "702", "703", "704", "705", "706", "707", "708", "747", "771",
                "775", "776", "777", "778");
        int withPhone = 0;
        int e164 = 0;
        boolean spaced = false;
        boolean bracketed = false;
        for (String[] row : rows) {
            if (row[PHONE].isEmpty()) {
                continue;
            }
            withPhone++;
            if (row[PHONE].matches("\\+77\\d{9}")) {
                e164++;
            }
            spaced |= row[PHONE].matches("8 7\\d\\d \\d{3} \\d\\d \\d\\d");
            bracketed |= row[PHONE].matches("\\+7 \\(7\\d\\d\\) \\d{3}-\\d\\d-\\d\\d");
            String normalised = PhoneNumber.normalise(row[PHONE]).orElseThrow().e164();
            assertThat(prefixes).contains(normalised.substring(2, 5));
        }
        assertThat(withPhone / (double) ROWS).isGreaterThan(0.9);
        assertThat(e164 / (double) withPhone).isCloseTo(0.80, within(0.02));
        assertThat(spaced).isTrue();
        assertThat(bracketed).isTrue();
    }

    @Test
    void emailsAreForAboutFortyPercentAtReservedExampleDomains() {
        assertThat(share(r -> !r[EMAIL].isEmpty())).isCloseTo(0.40, within(0.02));
        for (String[] row : rows) {
            if (!row[EMAIL].isEmpty()) {
                assertThat(row[EMAIL]).matches("[a-z0-9._]+@(example\\.(com|org|net)|mail\\.example|inbox\\.example)");
            }
        }
    }

    @Test
    void coordinatesAreNearTheMembersPlaceWithFiveDecimals() {
        int withCoordinates = 0;
        for (String[] row : rows) {
            assertThat(row[LAT].isEmpty()).isEqualTo(row[LON].isEmpty());
            if (row[LAT].isEmpty()) {
                continue;
            }
            withCoordinates++;
            assertThat(row[LAT]).matches("\\d{2}\\.\\d{5}");
            assertThat(row[LON]).matches("\\d{2}\\.\\d{5}");
            double lat = Double.parseDouble(row[LAT]);
            double lon = Double.parseDouble(row[LON]);
            double baseLat;
            double baseLon;
            if (!row[DISTRICT].isEmpty()) {
                var district = REFERENCE.district(Integer.parseInt(row[DISTRICT])).orElseThrow();
                baseLat = district.lat();
                baseLon = district.lon();
            } else if (!row[UNIT].isEmpty()) {
                DemoUnit unit = FORCE.unit(row[UNIT]).orElseThrow();
                baseLat = unit.lat();
                baseLon = unit.lon();
            } else {
                Region region = REFERENCE.region(row[REGION]).orElseThrow();
                baseLat = region.lat();
                baseLon = region.lon();
            }
            assertThat(Math.abs(lat - baseLat)).isLessThanOrEqualTo(0.10001);
            assertThat(Math.abs(lon - baseLon)).isLessThanOrEqualTo(0.10001);
        }
        assertThat(withCoordinates / (double) ROWS).isCloseTo(0.80, within(0.02));
    }
}
