package kz.qalqan.emergency;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class CapParserTests {

    private static final CapParser PARSER = new CapParser();

    static final String MINIMAL = """
            <?xml version="1.0" encoding="UTF-8"?>
            <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
              <identifier>QQ-TEST-1</identifier>
              <sender>test@qalqan.kz</sender>
              <sent>2026-01-31T10:15:00+05:00</sent>
              <status>Test</status>
              <msgType>Alert</msgType>
              <scope>Public</scope>
              %s
            </alert>
            """;

    private static CapAlert parse(String resource) {
        try (InputStream in = CapParserTests.class.getResourceAsStream("/cap/" + resource)) {
            assertThat(in).as(resource).isNotNull();
            return PARSER.parse(in);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static CapAlert parseText(String xml) {
        return PARSER.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "examples/a1-homeland-security-advisory.xml", "examples/a2-severe-thunderstorm-warning.xml",
            "examples/a3-earthquake-report-update.xml", "examples/a4-amber-alert.xml",
            "real-world/eccc-canada-snowfall-update-signed.xml", "real-world/imo-iceland-wind-warning.xml",
            "real-world/smn-mexico-tropical-storm-update.xml", "real-world/pagasa-philippines-tropical-cyclone-test-signed.xml",
            "real-world/wra-taiwan-reservoir-release.xml", "real-world/nsw-rfs-australia-structure-fire.xml",
            "real-world/usgs-earthquake-iso8859-1-signed.xml", "real-world/ntwc-tsunami-cancellation-update.xml",
            "real-world/ipaws-nevada-cancel-signed.xml", "real-world/ipaws-puerto-rico-required-monthly-test.xml",
            "real-world/ipaws-montgomery-md-local-area-emergency.xml", "real-world/sma-seychelles-strong-winds-signed.xml"})
    void acceptsEveryValidSample(String resource) {
        CapAlert alert = parse(resource);

        assertThat(alert.identifier()).isNotBlank();
        assertThat(alert.sender()).isNotBlank();
        assertThat(alert.sent()).isNotNull();
        alert.infos().forEach(i -> assertThat(i.language()).isNotBlank());
    }

    @Test
    void readsTheSpecExamples() {
        CapAlert a1 = parse("examples/a1-homeland-security-advisory.xml");
        assertThat(a1.infos()).singleElement().satisfies(i -> {
            assertThat(i.language()).isEqualTo("en-US");
            assertThat(i.categories()).containsExactly(CapInfo.Category.Security);
        });

        CapAlert a2 = parse("examples/a2-severe-thunderstorm-warning.xml");
        CapArea area = a2.infos().get(0).areas().get(0);
        assertThat(area.polygons()).singleElement().satisfies(p -> assertThat(p).hasSize(5));
        assertThat(area.polygons().get(0).get(0)).isEqualTo(new CapArea.Point(38.47, -120.14));
        assertThat(area.geocodes()).hasSize(3).allSatisfy(g -> assertThat(g.valueName()).isEqualTo("SAME"));

        CapAlert a3 = parse("examples/a3-earthquake-report-update.xml");
        assertThat(a3.identifier()).isEqualTo("TRI13970876.2");
        assertThat(a3.msgType()).isEqualTo(CapAlert.MsgType.Update);
        assertThat(a3.references()).singleElement().satisfies(r -> {
            assertThat(r.sender()).isEqualTo("trinet@caltech.edu");
            assertThat(r.identifier()).isEqualTo("TRI13970876.1");
            assertThat(r.sent()).isEqualTo("2003-06-11T20:30:00-07:00");
        });
        assertThat(a3.infos().get(0).areas().get(0).circles())
                .containsExactly(new CapArea.Circle(new CapArea.Point(32.9525, -115.5527), 0));

        CapAlert a4 = parse("examples/a4-amber-alert.xml");
        assertThat(a4.identifier()).isEqualTo("KAR0-0306112239-SW");
        assertThat(a4.infos()).extracting(CapInfo::language).containsExactly("en-US", "es-US");
        assertThat(a4.infos().get(1).event()).contains("Abducción de Niño");
    }

    @Test
    void readsRealWorldAlerts() {
        CapAlert canada = parse("real-world/eccc-canada-snowfall-update-signed.xml");
        assertThat(canada.msgType()).isEqualTo(CapAlert.MsgType.Update);
        assertThat(canada.references()).hasSizeGreaterThan(1);
        assertThat(canada.infos()).extracting(CapInfo::language).containsExactly("en-CA", "fr-CA");
        assertThat(canada.infos().get(0).areas().stream().mapToInt(a -> a.polygons().size()).sum()).isEqualTo(2);

        CapAlert iceland = parse("real-world/imo-iceland-wind-warning.xml");
        assertThat(iceland.infos()).extracting(CapInfo::language).containsExactly("is-IS", "en-US");

        CapAlert nevada = parse("real-world/ipaws-nevada-cancel-signed.xml");
        assertThat(nevada.msgType()).isEqualTo(CapAlert.MsgType.Cancel);
        assertThat(nevada.infos()).isEmpty();
        assertThat(nevada.references()).isNotEmpty();

        CapAlert tsunami = parse("real-world/ntwc-tsunami-cancellation-update.xml");
        assertThat(tsunami.references()).extracting(CapAlert.Reference::identifier)
                .containsExactly("PAAQ-1-mg5a94", "PAAQ-2-mg5a94", "PAAQ-3-mg5a94");

        CapAlert australia = parse("real-world/nsw-rfs-australia-structure-fire.xml");
        assertThat(australia.infos().get(0).categories()).contains(CapInfo.Category.Fire, CapInfo.Category.Met);
        assertThat(australia.infos().get(0).areas().get(0).circles().get(0).radiusKm()).isEqualTo(25.0);

        CapAlert montgomery = parse("real-world/ipaws-montgomery-md-local-area-emergency.xml");
        assertThat(montgomery.infos().get(0).areas().get(0).polygons().get(0)).hasSize(41);

        CapAlert taiwan = parse("real-world/wra-taiwan-reservoir-release.xml");
        assertThat(taiwan.infos().get(0).language()).isEqualTo("zh-tw");
        assertThat(taiwan.infos().get(0).areas().get(0).geocodes()).isNotEmpty();

        CapAlert philippines = parse("real-world/pagasa-philippines-tropical-cyclone-test-signed.xml");
        assertThat(philippines.status()).isEqualTo(CapAlert.Status.Test);
        assertThat(philippines.infos().get(0).language()).isEqualTo("en-US");
    }

    @Test
    void decodesIso88591AsDeclared() {
        CapAlert usgs = parse("real-world/usgs-earthquake-iso8859-1-signed.xml");
        assertThat(usgs.infos().get(0).headline()).contains("Usulután");
    }

    @Test
    void refusesTheSwedishVmaWithSenderNameOutOfOrder() {
        assertThatThrownBy(() -> parse("real-world/invalid-krisinformation-sweden-vma.xml"))
                .isInstanceOf(InvalidCapException.class)
                .hasMessageContaining("not valid CAP 1.2 at line 17")
                .hasMessageContaining("senderName")
                // our words, not the validator's: no rule numbers, no namespace URIs
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("cvc-").doesNotContain("urn:oasis")
                        .doesNotContain("One of"));
    }

    @Test
    void refusesTheSmhiAlertsWrapper() {
        assertThatThrownBy(() -> parse("real-world/invalid-smhi-sweden-alerts-wrapper.xml"))
                .isInstanceOf(InvalidCapException.class)
                .hasMessageContaining("root element must be <alert>")
                .hasMessageContaining("found <alerts>");
    }

    @Test
    void refusesAnExternalEntityWithoutReadingTheFile(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-CONTENT");
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE alert [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + MINIMAL.substring(MINIMAL.indexOf("<alert")).replace("QQ-TEST-1", "&xxe;");

        assertThatThrownBy(() -> parseText(xml))
                .isInstanceOf(InvalidCapException.class)
                .hasMessageContaining("DOCTYPE")
                .hasMessageNotContaining("TOP-SECRET");
    }

    @Test
    void refusesAParameterEntity(@TempDir Path dir) throws IOException {
        Path dtd = Files.writeString(dir.resolve("evil.dtd"), "<!ENTITY leak 'LEAKED'>");
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE alert [<!ENTITY % ext SYSTEM \"" + dtd.toUri() + "\"> %ext;]>\n"
                + MINIMAL.substring(MINIMAL.indexOf("<alert")).replace("QQ-TEST-1", "&leak;");

        assertThatThrownBy(() -> parseText(xml))
                .isInstanceOf(InvalidCapException.class)
                .hasMessageContaining("DOCTYPE")
                .hasMessageNotContaining("LEAKED");
    }

    @Test
    void refusesABillionLaughsQuickly() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE alert [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 10; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"")
                    .append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>\n");
        String xml = "<?xml version=\"1.0\"?>\n" + dtd + MINIMAL.substring(MINIMAL.indexOf("<alert")).replace("QQ-TEST-1", "&lol10;");

        assertTimeoutPreemptively(Duration.ofSeconds(5), () ->
                assertThatThrownBy(() -> parseText(xml))
                        .isInstanceOf(InvalidCapException.class)
                        .hasMessageContaining("DOCTYPE"));
    }

    @Test
    void refusesOversizedInputBeforeParsing() {
        byte[] big = new byte[CapParser.MAX_BYTES + 1];
        java.util.Arrays.fill(big, (byte) ' ');

        assertThatThrownBy(() -> PARSER.parse(new ByteArrayInputStream(big)))
                .isInstanceOf(InvalidCapException.class)
                .hasMessageContaining("larger than 1048576 bytes");
    }

    @Test
    void refusesTheWrongNamespace() {
        String cap11 = String.format(MINIMAL, "").replace("cap:1.2", "cap:1.1");

        assertThatThrownBy(() -> parseText(cap11))
                .isInstanceOf(InvalidCapException.class)
                .hasMessageContaining("root element must be <alert> in namespace urn:oasis:names:tc:emergency:cap:1.2")
                .hasMessageContaining("urn:oasis:names:tc:emergency:cap:1.1");
        assertThatThrownBy(() -> parseText(String.format(MINIMAL, "").replace(" xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"", "")))
                .hasMessageContaining("no namespace");
    }

    @Test
    void acceptsAMinimalAlertAndRefusesSemanticErrors() {
        CapAlert ok = parseText(String.format(MINIMAL, ""));
        assertThat(ok.identifier()).isEqualTo("QQ-TEST-1");
        assertThat(ok.status()).isEqualTo(CapAlert.Status.Test);

        String info = """
                <info><category>Safety</category><event>e</event><urgency>Immediate</urgency><severity>Severe</severity>
                <certainty>Observed</certainty><area><areaDesc>Almaty</areaDesc><polygon>%s</polygon></area></info>""";
        assertThatThrownBy(() -> parseText(String.format(MINIMAL, String.format(info, "43.2,76.9 43.3,76.9 43.3,77.0 43.2,77.1"))))
                .hasMessageContaining("polygon: first and last points must be the same");
        assertThatThrownBy(() -> parseText(String.format(MINIMAL, String.format(info, "93.2,76.9 43.3,76.9 43.3,77.0 93.2,76.9"))))
                .hasMessageContaining("polygon: point '93.2,76.9' is outside");
        assertThatThrownBy(() -> parseText(String.format(MINIMAL, "").replace("Test</status>", "Testing</status>")))
                .hasMessageContaining("not valid CAP 1.2 at line").hasMessageContaining("Testing");
    }
}
