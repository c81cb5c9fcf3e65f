package kz.qalqan.emergency.sitrep.web;

import kz.qalqan.emergency.Emergencies;
import kz.qalqan.emergency.sitrep.Sitrep;
import kz.qalqan.emergency.sitrep.Sitreps;
import kz.qalqan.emergency.tasking.TaskStatus;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import tools.jackson.databind.json.JsonMapper;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The SITREP page: the figures, a line chart of them over time with the same numbers as a table, the PDF link. */
@Controller
class SitrepPage {

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("dd.MM HH:mm").withZone(ZoneId.of("Asia/Almaty"));

    private final Sitreps sitreps;
    private final Emergencies emergencies;
    private final MessageSource messages;
    private final JsonMapper json;

    SitrepPage(Sitreps sitreps, Emergencies emergencies, MessageSource messages, JsonMapper json) {
        this.sitreps = sitreps;
        this.emergencies = emergencies;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/emergencies/{id}/sitrep")
    String page(@PathVariable long id, Model model) {
        var emergency = emergencies.find(id);
        Sitrep sitrep = sitreps.sitrep(id);
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("labels", sitrep.timeline().stream().map(p -> HOUR.format(p.hour())).toList());
        List<Map<String, Object>> series = new java.util.ArrayList<>();
        series.add(Map.of("label", t("sitrep.activated", locale), "data", sitrep.timeline().stream().map(Sitrep.Point::activated).toList()));
        series.add(Map.of("label", t("sitrep.answered", locale), "data", sitrep.timeline().stream().map(Sitrep.Point::answered).toList()));
        series.add(Map.of("label", t("sitrep.arrived", locale), "data", sitrep.timeline().stream().map(Sitrep.Point::arrived).toList()));
        if (sitrep.accountabilityAvailable()) {
            series.add(Map.of("label", t("sitrep.accounted", locale), "data", sitrep.timeline().stream().map(Sitrep.Point::accounted).toList()));
        }
        chart.put("series", series);
        model.addAttribute("emergency", emergency);
        model.addAttribute("sitrep", sitrep);
        model.addAttribute("statuses", TaskStatus.values());
        List<Row> rows = new java.util.ArrayList<>(sitrep.timeline().stream().map(p -> new Row(HOUR.format(p.hour()), p)).toList());
        java.util.Collections.reverse(rows);
        model.addAttribute("rows", rows);
        model.addAttribute("chartData", json.writeValueAsString(chart));
        return "emergency/sitrep/sitrep";
    }

    @GetMapping("/emergencies/{id}/sitrep.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        byte[] body = sitreps.pdf(id, LocaleContextHolder.getLocale());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("sitrep-" + id + ".pdf").build().toString())
                .body(body);
    }

    /** A row of the table under the chart. */
    record Row(String hour, Sitrep.Point point) {
    }

    private String t(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
