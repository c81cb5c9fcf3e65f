package kz.qalqan.emergency.sitrep;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import kz.qalqan.emergency.tasking.TaskStatus;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Prints a SITREP in the reader's language: header, figures, tasks by status, the nobody-left-behind count (red
 * when anyone is still out) and the hourly table. DejaVu Sans (the font the safety worksheet embeds) prints Kazakh
 * and Russian letters as typed.
 */
@Component
class SitrepPdf {

    private static final ZoneId ZONE = ZoneId.of("Asia/Almaty");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    private static final int TIMELINE_ROWS = 48;

    private final MessageSource messages;
    private final byte[] regular;
    private final byte[] bold;

    SitrepPdf(MessageSource messages) {
        this.messages = messages;
        this.regular = resource("safety/fonts/DejaVuSans.ttf");
        this.bold = resource("safety/fonts/DejaVuSans-Bold.ttf");
    }

    byte[] print(Sitrep s, Locale locale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 36, 36, 36, 36);
        try {
            PdfWriter.getInstance(document, out);
            BaseFont base = BaseFont.createFont("DejaVuSans.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, regular, null);
            BaseFont baseBold = BaseFont.createFont("DejaVuSans-Bold.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, bold, null);
            Font text = new Font(base, 9);
            Font label = new Font(baseBold, 9);
            Font heading = new Font(baseBold, 14);
            document.addTitle("SITREP: " + s.title());
            document.addSubject(t("sitrep.title", locale) + " " + s.title());
            document.addCreator("Qalqan");
            document.open();

            Paragraph title = new Paragraph(t("sitrep.title", locale) + " — " + s.title(), heading);
            title.setAlignment(Element.ALIGN_CENTER);
            document.add(title);
            Paragraph sub = new Paragraph(t("emergency.type." + s.type().name(), locale) + " · "
                    + t("emergency.severity." + s.severity().name(), locale) + " · "
                    + t("emergency.status." + s.status().name(), locale)
                    + (s.exercise() ? " · " + t("emergency.exercise", locale) : ""), text);
            sub.setAlignment(Element.ALIGN_CENTER);
            document.add(sub);
            Paragraph when = new Paragraph(t("sitrep.declaredAt", locale) + ": " + time(s.declaredAt()) + "    "
                    + t("sitrep.generatedAt", locale) + ": " + time(s.generatedAt()), text);
            when.setAlignment(Element.ALIGN_CENTER);
            when.setSpacingAfter(10);
            document.add(when);

            Sitrep.Figures f = s.figures();
            PdfPTable figures = new PdfPTable(new float[]{60, 40});
            figures.setWidthPercentage(60);
            row(figures, label, text, t("sitrep.activated", locale), Long.toString(f.activated()));
            row(figures, label, text, t("sitrep.answered", locale), f.answered() + " (" + t("sitrep.accepted", locale) + " "
                    + f.accepted() + ", " + t("sitrep.declined", locale) + " " + f.declined() + ", "
                    + t("sitrep.unable", locale) + " " + f.unable() + ")");
            row(figures, label, text, t("sitrep.arrived", locale), Long.toString(f.arrived()));
            row(figures, label, text, t("sitrep.accounted", locale),
                    s.accountabilityAvailable() ? Long.toString(f.accounted()) : t("sitrep.notRecorded", locale));
            row(figures, label, text, t("sitrep.injured", locale),
                    s.accountabilityAvailable() ? Long.toString(f.injured()) : t("sitrep.notRecorded", locale));
            PdfPCell lb = cell(t("sitrep.leftBehind", locale), label);
            PdfPCell lbValue = cell(Integer.toString(s.leftBehind()), label);
            if (s.leftBehind() > 0) {
                lb.setBackgroundColor(new Color(0xEF, 0x9A, 0x9A));
                lbValue.setBackgroundColor(new Color(0xEF, 0x9A, 0x9A));
            }
            figures.addCell(lb);
            figures.addCell(lbValue);
            figures.setSpacingAfter(10);
            document.add(figures);

            document.add(new Paragraph(t("sitrep.tasks", locale), label));
            PdfPTable tasks = new PdfPTable(TaskStatus.values().length);
            tasks.setWidthPercentage(100);
            for (TaskStatus st : TaskStatus.values()) {
                PdfPCell c = cell(t("tasking.status." + st.name(), locale), label);
                c.setBackgroundColor(new Color(0xE9, 0xEE, 0xF2));
                tasks.addCell(c);
            }
            for (TaskStatus st : TaskStatus.values()) {
                tasks.addCell(cell(Long.toString(s.tasksByStatus().getOrDefault(st, 0L)), text));
            }
            tasks.setSpacingBefore(4);
            tasks.setSpacingAfter(10);
            document.add(tasks);

            document.add(new Paragraph(t("sitrep.overTime", locale), label));
            PdfPTable timeline = new PdfPTable(new float[]{30, 17, 17, 17, 19});
            timeline.setWidthPercentage(100);
            timeline.setHeaderRows(1);
            timeline.setSpacingBefore(4);
            for (String key : List.of("sitrep.hour", "sitrep.activated", "sitrep.answered", "sitrep.arrived", "sitrep.accounted")) {
                PdfPCell c = cell(t(key, locale), label);
                c.setBackgroundColor(new Color(0xE9, 0xEE, 0xF2));
                timeline.addCell(c);
            }
            List<Sitrep.Point> points = s.timeline();
            List<Sitrep.Point> shown = points.size() > TIMELINE_ROWS ? points.subList(points.size() - TIMELINE_ROWS, points.size()) : points;
            for (Sitrep.Point p : shown) {
                timeline.addCell(cell(time(p.hour()), text));
                timeline.addCell(cell(Long.toString(p.activated()), text));
                timeline.addCell(cell(Long.toString(p.answered()), text));
                timeline.addCell(cell(Long.toString(p.arrived()), text));
                timeline.addCell(cell(s.accountabilityAvailable() ? Long.toString(p.accounted()) : "—", text));
            }
            document.add(timeline);
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void row(PdfPTable table, Font label, Font text, String name, String value) {
        table.addCell(cell(name, label));
        table.addCell(cell(value, text));
    }

    private static PdfPCell cell(String value, Font font) {
        PdfPCell c = new PdfPCell(new Phrase(value, font));
        c.setPadding(3);
        return c;
    }

    private static String time(Instant at) {
        return at == null ? "" : DATE_TIME.format(at.atZone(ZONE));
    }

    private String t(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private static byte[] resource(String path) {
        try (InputStream in = SitrepPdf.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing font " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
