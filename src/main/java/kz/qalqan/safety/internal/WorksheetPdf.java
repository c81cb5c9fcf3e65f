package kz.qalqan.safety.internal;

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
import kz.qalqan.safety.RiskAssessmentView;
import kz.qalqan.safety.RiskLevel;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Prints an assessment laid out like the blocks of DD Form 2977 (1 mission/task … 15 review), with labels
 * in the reader's language. DejaVu Sans is embedded, so Kazakh letters (ә ғ қ ң ө ұ ү һ і) and Russian print
 * as typed; risk levels carry their colour and always their name.
 */
@Component
public class WorksheetPdf {

    private static final ZoneId ZONE = ZoneId.of("Asia/Almaty");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private final MessageSource messages;
    private final byte[] regular;
    private final byte[] bold;

    public WorksheetPdf(MessageSource messages) {
        this.messages = messages;
        this.regular = resource("safety/fonts/DejaVuSans.ttf");
        this.bold = resource("safety/fonts/DejaVuSans-Bold.ttf");
    }

    public byte[] print(RiskAssessmentView a, String unitName, Locale locale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), 28, 28, 28, 28);
        try {
            PdfWriter.getInstance(document, out);
            BaseFont base = BaseFont.createFont("DejaVuSans.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, regular, null);
            BaseFont baseBold = BaseFont.createFont("DejaVuSans-Bold.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, bold, null);
            Fonts f = new Fonts(new Font(base, 8), new Font(baseBold, 7), new Font(baseBold, 12));
            document.addTitle(a.title());
            document.addCreator("Qalqan");
            document.open();
            Paragraph heading = new Paragraph(t("safety.pdf.heading", locale), f.title);
            heading.setAlignment(Element.ALIGN_CENTER);
            document.add(heading);
            Paragraph sub = new Paragraph(t("safety.pdf.subheading", locale) + " · #" + a.id() + " · "
                    + t("safety.status." + a.status().name(), locale), f.text);
            sub.setAlignment(Element.ALIGN_CENTER);
            sub.setSpacingAfter(6);
            document.add(sub);

            PdfPTable top = new PdfPTable(new float[]{34, 11, 11, 11, 33});
            top.setWidthPercentage(100);
            top.addCell(block(f, t("safety.block.1", locale), a.title() + "\n" + t("safety.activityType." + a.activityType().name(), locale)));
            top.addCell(block(f, t("safety.block.2", locale), date(a.beginsOn())));
            top.addCell(block(f, t("safety.block.3", locale), date(a.endsOn())));
            top.addCell(block(f, t("safety.block.4", locale), date(a.preparedOn())));
            top.addCell(block(f, t("safety.block.5", locale), a.preparerName()
                    + (a.preparerDutyTitle() == null ? "" : "\n" + a.preparerDutyTitle()) + "\n" + unitName));
            document.add(top);

            PdfPTable rows = new PdfPTable(new float[]{13, 20, 8, 25, 24, 8});
            rows.setWidthPercentage(100);
            rows.setHeaderRows(1);
            for (String key : List.of("safety.block.6", "safety.block.7", "safety.block.8", "safety.block.9",
                    "safety.block.10", "safety.block.11")) {
                PdfPCell head = new PdfPCell(new Phrase(t(key, locale), f.label));
                head.setBackgroundColor(new Color(0xE9, 0xEE, 0xF2));
                rows.addCell(head);
            }
            for (RiskAssessmentView.HazardView h : a.hazards()) {
                rows.addCell(cell(f, h.subTask() == null ? "" : h.subTask()));
                rows.addCell(cell(f, h.hazard()));
                rows.addCell(level(f, h.initialRisk(), h.probability().name() + "/" + h.severity().name(), locale));
                rows.addCell(cell(f, numbered(h.controls().stream().map(RiskAssessmentView.ControlView::control).toList())));
                rows.addCell(cell(f, numbered(h.controls().stream().map(c -> (c.how() == null ? "" : c.how())
                        + (c.who() == null ? "" : " — " + c.who())).toList())));
                rows.addCell(level(f, h.residualRisk(), h.residualProbability().name() + "/" + h.residualSeverity().name(), locale));
            }
            if (a.hazards().isEmpty()) {
                PdfPCell none = cell(f, t("safety.pdf.noHazards", locale));
                none.setColspan(6);
                rows.addCell(none);
            }
            document.add(rows);

            PdfPTable bottom = new PdfPTable(new float[]{20, 80});
            bottom.setWidthPercentage(100);
            PdfPCell overall = a.overallResidualRisk() == null ? block(f, t("safety.block.12", locale), "—")
                    : levelBlock(f, t("safety.block.12", locale), a.overallResidualRisk(), locale);
            bottom.addCell(overall);
            bottom.addCell(block(f, t("safety.block.13", locale), a.supervisionPlan() == null ? "" : a.supervisionPlan()));
            PdfPCell approval = block(f, t("safety.block.14", locale), approval(a, locale));
            approval.setColspan(2);
            bottom.addCell(approval);
            PdfPCell review = block(f, t("safety.block.15", locale), review(a, locale));
            review.setColspan(2);
            bottom.addCell(review);
            document.add(bottom);
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private record Fonts(Font text, Font label, Font title) {
    }

    private String approval(RiskAssessmentView a, Locale locale) {
        StringBuilder s = new StringBuilder();
        if (a.requiredAuthority() != null) {
            s.append(t("safety.pdf.requiredAuthority", locale)).append(": ")
                    .append(t("safety.authority." + a.requiredAuthority().name(), locale)).append('\n');
        }
        for (RiskAssessmentView.DecisionView d : a.decisions()) {
            if (d.action().equals("APPROVED") || d.action().equals("DISAPPROVED")) {
                s.append(t("safety.decision." + d.action(), locale)).append(": ").append(d.actorName());
                if (d.authority() != null) {
                    s.append(" (").append(t("safety.authority." + d.authority().name(), locale)).append(')');
                }
                if (d.level() != null) {
                    s.append(", ").append(t("safety.level." + d.level().name(), locale));
                }
                s.append(", ").append(dateTime(d.at()));
                if (d.reason() != null) {
                    s.append(" — ").append(d.reason());
                }
                s.append('\n');
            }
        }
        if (a.status() != kz.qalqan.safety.AssessmentStatus.APPROVED) {
            s.append(t("safety.pdf.notApproved", locale));
        }
        return s.toString().strip();
    }

    private String review(RiskAssessmentView a, Locale locale) {
        StringBuilder s = new StringBuilder();
        for (RiskAssessmentView.DecisionView d : a.decisions()) {
            if (d.action().equals("REVIEWED") || d.action().equals("RISK_RAISED")) {
                s.append(t("safety.decision." + d.action(), locale)).append(": ").append(d.actorName()).append(", ")
                        .append(dateTime(d.at()));
                if (d.level() != null) {
                    s.append(", ").append(t("safety.level." + d.level().name(), locale));
                }
                if (d.reason() != null) {
                    s.append(" — ").append(d.reason());
                }
                s.append('\n');
            }
        }
        if (a.lessonsLearned() != null) {
            s.append(t("safety.lessons", locale)).append(": ").append(a.lessonsLearned());
        }
        return s.toString().strip();
    }

    private PdfPCell block(Fonts f, String label, String value) {
        Phrase p = new Phrase();
        p.add(new Phrase(label + "\n", f.label));
        p.add(new Phrase(value, f.text));
        PdfPCell c = new PdfPCell(p);
        c.setPadding(4);
        c.setMinimumHeight(30);
        return c;
    }

    private PdfPCell levelBlock(Fonts f, String label, RiskLevel level, Locale locale) {
        PdfPCell c = block(f, label, t("safety.level." + level.name(), locale) + " (" + level.name() + ")");
        c.setBackgroundColor(colour(level));
        return c;
    }

    private PdfPCell cell(Fonts f, String value) {
        PdfPCell c = new PdfPCell(new Phrase(value, f.text));
        c.setPadding(3);
        return c;
    }

    private PdfPCell level(Fonts f, RiskLevel level, String cellRef, Locale locale) {
        PdfPCell c = cell(f, level.name() + "\n" + t("safety.level." + level.name(), locale) + "\n" + cellRef);
        c.setBackgroundColor(colour(level));
        return c;
    }

    /** The platform's level colours (C1 green … C4 red), light enough for black text. */
    private static Color colour(RiskLevel level) {
        return switch (level) {
            case L -> new Color(0xC8, 0xE6, 0xC9);
            case M -> new Color(0xFF, 0xF1, 0x9C);
            case H -> new Color(0xFF, 0xCC, 0x80);
            case EH -> new Color(0xEF, 0x9A, 0x9A);
        };
    }

    private static String numbered(List<String> lines) {
        if (lines.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            s.append(i + 1).append(". ").append(lines.get(i)).append('\n');
        }
        return s.toString().strip();
    }

    private String t(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private static String date(LocalDate d) {
        return d == null ? "" : DATE.format(d);
    }

    private static String dateTime(Instant i) {
        return i == null ? "" : DATE_TIME.format(i.atZone(ZONE));
    }

    private static byte[] resource(String path) {
        try (InputStream in = WorksheetPdf.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing font " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String joined(List<String> values) {
        return values.stream().collect(Collectors.joining(", "));
    }
}
