package kz.qalqan.demo;

import kz.qalqan.demo.internal.ReferenceRegions;
import kz.qalqan.demo.internal.ReferenceRegions.District;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoReferenceRegionsTests {

    private final ReferenceRegions reference = ReferenceRegions.load();

    @Test
    void loadsAllTwentyRegionsAndTheDistricts() {
        assertThat(reference.regions()).hasSize(20);
        assertThat(reference.regions()).extracting(ReferenceRegions.Region::code)
                .doesNotHaveDuplicates()
                .allMatch(code -> code.matches("KZ-\\d{2}"))
                .contains("KZ-10", "KZ-71", "KZ-75", "KZ-79");
        assertThat(reference.region("KZ-75")).get().satisfies(almaty -> {
            assertThat(almaty.nameKk()).isEqualTo("Алматы");
            assertThat(almaty.isCity()).isTrue();
            assertThat(almaty.population()).isEqualTo(2_347_924L);
            assertThat(almaty.lat()).isEqualTo(43.23639);
        });
        assertThat(reference.districts()).hasSize(98);
        assertThat(reference.districtsOf("KZ-75")).isEmpty();
        assertThat(reference.districtsOf("KZ-11")).hasSize(20);
    }

    @Test
    void districtIdsAreOneBasedRowsAndQuotedCommasStayInsideTheirField() {
        District first = reference.district(1).orElseThrow();
        assertThat(first.regionCode()).isEqualTo("KZ-10");
        assertThat(first.nameEn()).isEqualTo("Kurchatov");
        assertThat(first.kind()).isEqualTo("city_admin");
        assertThat(first.lat()).isEqualTo(50.756534);
        assertThat(first.lon()).isEqualTo(78.548674);
        for (int i = 0; i < reference.districts().size(); i++) {
            assertThat(reference.districts().get(i).id()).isEqualTo(i + 1);
        }
        assertThat(reference.district(0)).isEmpty();
        assertThat(reference.district(99)).isEmpty();
    }

    @Test
    void agreesWithTheReferenceDataMigration() throws IOException {
        String sql;
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("db/migration/registry/V20261129_0702__reference_data.sql")) {
            assertThat(in).isNotNull();
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher district = Pattern.compile("\\((\\d+), '(KZ-\\d{2})', '([^']*)'").matcher(sql);
        List<String> fromSql = new ArrayList<>();
        while (district.find()) {
            fromSql.add(district.group(1) + "|" + district.group(2) + "|" + district.group(3));
        }
        assertThat(fromSql).containsExactlyElementsOf(reference.districts().stream()
                .map(d -> d.id() + "|" + d.regionCode() + "|" + d.nameKk()).toList());

        Matcher region = Pattern.compile("\\('(KZ-\\d{2})', '([^']*)'").matcher(sql);
        List<String> regionsFromSql = new ArrayList<>();
        while (region.find()) {
            regionsFromSql.add(region.group(1) + "|" + region.group(2));
        }
        assertThat(regionsFromSql).containsExactlyElementsOf(reference.regions().stream()
                .map(r -> r.code() + "|" + r.nameKk()).toList());
    }

    @Test
    void csvLineParserHandlesRfc4180Quoting() {
        assertThat(ReferenceRegions.parseLine("a,\"b, c\",,\"say \"\"hi\"\"\",e"))
                .containsExactly("a", "b, c", "", "say \"hi\"", "e");
        assertThat(ReferenceRegions.parseLine("x,")).containsExactly("x", "");
        assertThat(ReferenceRegions.parseLine("")).containsExactly("");
        assertThat(ReferenceRegions.parseLine("\"\"")).containsExactly("");
        assertThatThrownBy(() -> ReferenceRegions.parseLine("a,\"open")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void parsesCrlfBomAndHeaderInAnyOrder() {
        String regions = "\uFEFFpopulation,code,name_kk,name_ru,name_en,kind,center_lat,center_lon\r\n"
                + "100,KZ-01,\"Бір, облысы\",Один,One,region,50.5,70.25\r\n";
        String districts = "region_code,name_kk,name_ru,name_en,kind,center_lat,center_lon,source\n"
                + "KZ-01,Аудан,Район,District,district,50.1,70.1,\"a, b\"\n";
        ReferenceRegions parsed = ReferenceRegions.parse(regions, districts);
        assertThat(parsed.regions()).singleElement().satisfies(r -> {
            assertThat(r.nameKk()).isEqualTo("Бір, облысы");
            assertThat(r.population()).isEqualTo(100);
        });
        assertThat(parsed.districtsOf("KZ-01")).singleElement().extracting(District::id).isEqualTo(1);
    }
}
