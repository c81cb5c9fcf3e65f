package kz.qalqan.readiness.web;

import kz.qalqan.platform.InvalidInputException;
import kz.qalqan.platform.NotFoundException;
import kz.qalqan.platform.security.CurrentCaller;
import kz.qalqan.platform.web.FormErrors;
import kz.qalqan.readiness.EquipmentCommand;
import kz.qalqan.readiness.EquipmentLine;
import kz.qalqan.readiness.EquipmentStock;
import kz.qalqan.readiness.IndividualReadiness;
import kz.qalqan.readiness.ItemType;
import kz.qalqan.readiness.NodeKind;
import kz.qalqan.readiness.NodeReadiness;
import kz.qalqan.readiness.OverrideCommand;
import kz.qalqan.readiness.ReadinessBoard;
import kz.qalqan.readiness.ReadinessDetail;
import kz.qalqan.readiness.ReadinessOverview;
import kz.qalqan.readiness.TrendPoint;
import kz.qalqan.readiness.UnitEquipment;
import kz.qalqan.shared.Role;
import kz.qalqan.shared.Scope;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The readiness pages: the board (the nation with its regions and a map, drill-down through districts to
 * units), the unit page (levels with their causes, equipment with its form, the commander's override, the
 * trend) and the member page's readiness panel. Every rule lives in {@link ReadinessBoard},
 * {@link EquipmentStock} and {@link IndividualReadiness}; this class only turns their answers and refusals
 * into pages in the user's language.
 */
@Controller
class ReadinessController {

    private static final Role[] READERS = {Role.ADMIN, Role.COMMANDER, Role.SAFETY_OFFICER, Role.MEDICAL_OFFICER,
            Role.TRAINING_OFFICER, Role.EMERGENCY_COORDINATOR};
    private static final Pattern UNIT_KEY = Pattern.compile(".*/u([0-9]+)/$");
    private static final Pattern LINE_FIELD = Pattern.compile("lines\\[(\\d+)]\\.(\\w+)");

    private final ReadinessBoard board;
    private final EquipmentStock equipment;
    private final IndividualReadiness individuals;
    private final CurrentCaller caller;
    private final JsonMapper json;
    private final FormErrors texts;

    ReadinessController(ReadinessBoard board, EquipmentStock equipment, IndividualReadiness individuals,
                        CurrentCaller caller, JsonMapper json, FormErrors texts) {
        this.texts = texts;
        this.board = board;
        this.equipment = equipment;
        this.individuals = individuals;
        this.caller = caller;
        this.json = json;
    }

    /** One row of the equipment form as typed: text, so that a wrong entry comes back as it was. */
    public record EquipmentRow(ItemType type, String authorised, String onHand, String serviceable,
                               String nextInspectionDue) {
        boolean blank() {
            return empty(authorised) && empty(onHand) && empty(serviceable) && empty(nextInspectionDue);
        }
    }

    public record OverrideForm(String level, String reason) {
    }

    // ---- the board

    @GetMapping("/readiness")
    String board(@RequestParam(required = false) String node, @RequestParam(required = false) Integer level,
                 Model model) {
        ReadinessDetail detail;
        List<NodeReadiness> roots = null;
        if (node == null || node.isBlank()) {
            ReadinessOverview overview = board.overview();
            if (overview.national() != null) {
                detail = board.detail("");
            } else if (overview.roots().size() == 1) {
                detail = board.detail(overview.roots().get(0).node());
            } else {
                detail = null;
                roots = overview.roots();
            }
        } else {
            String key;
            try {
                key = ReadinessBoard.nodeKey(node);
            } catch (InvalidInputException e) {
                throw new NotFoundException("No node " + node);
            }
            Matcher unit = UNIT_KEY.matcher(key);
            if (unit.matches()) {
                return "redirect:/readiness/units/" + unit.group(1);
            }
            detail = board.detail(key);
        }
        List<NodeReadiness> rows = detail == null ? roots : detail.children();
        Integer worst = level == null || level < 1 || level > 4 ? null : level;
        List<NodeReadiness> shown = rows.stream()
                .filter(r -> worst == null || (r.effectiveLevel() != null && r.effectiveLevel() >= worst))
                .toList();
        model.addAttribute("detail", detail);
        model.addAttribute("rows", shown);
        model.addAttribute("level", worst);
        model.addAttribute("nodeKey", detail == null ? null : detail.node().node());
        model.addAttribute("up", detail == null ? null : parentLink(detail.node()));
        model.addAttribute("exportKey", detail == null ? null : (detail.node().node().isEmpty() ? "KZ" : detail.node().node()));
        boolean national = detail != null && detail.node().kind() == NodeKind.NATIONAL;
        model.addAttribute("national", national);
        if (national) {
            model.addAttribute("mapValues", mapValues(detail.children()));
        }
        return "readiness/board";
    }

    /** A node's causes and what would raise it, for the board's "why" panels (htmx). */
    @GetMapping("/readiness/why")
    String why(@RequestParam(required = false) String node, Model model) {
        String key;
        try {
            key = ReadinessBoard.nodeKey(node);
        } catch (InvalidInputException e) {
            throw new NotFoundException("No node " + node);
        }
        model.addAttribute("detail", board.detail(key));
        return "readiness/why :: why(detail=${detail})";
    }

    /** The link one level up, when the caller may see that level. */
    private String parentLink(NodeReadiness node) {
        if (node.kind() == NodeKind.NATIONAL) {
            return null;
        }
        String key = node.node();
        int cut = key.lastIndexOf('/', key.length() - 2);
        String parent = cut < 0 ? "" : key.substring(0, cut + 1);
        Scope scope = caller.get().scopeFor(READERS);
        if (!scope.covers(parent)) {
            return null;
        }
        return parent.isEmpty() ? "/readiness" : "/readiness?node=" + URLEncoder.encode(parent, StandardCharsets.UTF_8);
    }

    private String mapValues(List<NodeReadiness> regions) {
        Map<String, Map<String, String>> values = new LinkedHashMap<>();
        for (NodeReadiness r : regions) {
            if (r.kind() != NodeKind.REGION) {
                continue;
            }
            Integer l = r.effectiveLevel();
            Map<String, String> value = new LinkedHashMap<>();
            value.put("band", l == null ? "none" : "c" + l);
            value.put("label", l == null ? "—" : "C" + l);
            value.put("href", "/readiness?node=" + URLEncoder.encode(r.node(), StandardCharsets.UTF_8));
            values.put(r.code(), value);
        }
        return json.writeValueAsString(values);
    }

    // ---- the unit page

    @GetMapping("/readiness/units/{id}")
    String unit(@PathVariable long id, @RequestParam(required = false) String saved, Model model) {
        return unitPage(id, model, null, null, Map.of(), "equipment".equals(saved) ? "readiness.saved.equipment"
                : "override".equals(saved) ? "readiness.saved.override" : "cleared".equals(saved) ? "readiness.saved.cleared" : null);
    }

    @PostMapping("/readiness/units/{id}/equipment")
    String saveEquipment(@PathVariable long id, @RequestParam Map<String, String> params, Principal principal, Model model) {
        List<EquipmentRow> rows = new ArrayList<>();
        for (ItemType type : ItemType.values()) {
            rows.add(new EquipmentRow(type, params.get(type + ".authorised"), params.get(type + ".onHand"),
                    params.get(type + ".serviceable"), params.get(type + ".nextInspectionDue")));
        }
        Map<String, String> errors = new LinkedHashMap<>();
        List<EquipmentLine> lines = new ArrayList<>();
        List<ItemType> order = new ArrayList<>();
        for (EquipmentRow row : rows) {
            if (row.blank()) {
                continue; // an empty row removes the item type
            }
            String at = row.type() + ".";
            int authorised = number(row.authorised(), at + "authorised", errors);
            int onHand = number(row.onHand(), at + "onHand", errors);
            int serviceable = number(row.serviceable(), at + "serviceable", errors);
            LocalDate due = null;
            if (!empty(row.nextInspectionDue())) {
                try {
                    due = LocalDate.parse(row.nextInspectionDue().trim());
                } catch (DateTimeParseException e) {
                    errors.put(at + "nextInspectionDue", texts.text("readiness.error.date"));
                }
            }
            lines.add(new EquipmentLine(row.type(), authorised, onHand, serviceable, due));
            order.add(row.type());
        }
        if (errors.isEmpty()) {
            try {
                equipment.replace(id, new EquipmentCommand(lines), principal.getName());
                return "redirect:/readiness/units/" + id + "?saved=equipment#equipment";
            } catch (InvalidInputException e) {
                // the rule names lines by their index; the form names them by item type
                errors.putAll(texts.of(e, field -> {
                    Matcher m = LINE_FIELD.matcher(field);
                    return m.matches() && Integer.parseInt(m.group(1)) < order.size()
                            ? order.get(Integer.parseInt(m.group(1))) + "." + m.group(2) : "general";
                }));
            }
        }
        return unitPage(id, model, rows, null, errors, null);
    }

    @PostMapping("/readiness/units/{id}/override")
    String override(@PathVariable long id, OverrideForm form, Principal principal, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        Integer level = null;
        if (!empty(form.level())) {
            try {
                level = Integer.valueOf(form.level().trim());
            } catch (NumberFormatException e) {
                errors.put("level", texts.text("readiness.error.level"));
            }
        }
        if (errors.isEmpty()) {
            try {
                board.override(id, new OverrideCommand(level, form.reason()), principal.getName());
                return "redirect:/readiness/units/" + id + "?saved=override#override";
            } catch (InvalidInputException e) {
                errors.putAll(texts.of(e));
            }
        }
        return unitPage(id, model, null, form, errors, null);
    }

    @PostMapping("/readiness/units/{id}/override/clear")
    String clearOverride(@PathVariable long id, Principal principal) {
        board.clearOverride(id, principal.getName());
        return "redirect:/readiness/units/" + id + "?saved=cleared#override";
    }

    private String unitPage(long id, Model model, List<EquipmentRow> rows, OverrideForm form, Map<String, String> errors,
                            String notice) {
        ReadinessDetail detail = board.unit(id);
        NodeReadiness node = detail.node();
        UnitEquipment stock = equipment.of(id);
        List<TrendPoint> trend = board.trend(node.node(), null, null);
        if (rows == null) {
            rows = new ArrayList<>();
            for (ItemType type : ItemType.values()) {
                var line = stock.lines().stream().filter(l -> l.type() == type).findFirst();
                rows.add(line.map(l -> new EquipmentRow(type, Integer.toString(l.authorised()), Integer.toString(l.onHand()),
                                Integer.toString(l.serviceable()), l.nextInspectionDue() == null ? "" : l.nextInspectionDue().toString()))
                        .orElseGet(() -> new EquipmentRow(type, "", "", "", "")));
            }
        }
        model.addAttribute("detail", detail);
        model.addAttribute("node", node);
        model.addAttribute("up", parentLink(node));
        model.addAttribute("stock", stock);
        model.addAttribute("rows", rows);
        model.addAttribute("overrideForm", form == null ? new OverrideForm(null, null) : form);
        model.addAttribute("errors", errors);
        model.addAttribute("notice", notice);
        model.addAttribute("mayCommand", caller.get().scopeFor(Role.ADMIN, Role.COMMANDER).covers(node.node()));
        model.addAttribute("trend", trend);
        model.addAttribute("trendData", json.writeValueAsString(trendData(trend)));
        return "readiness/unit";
    }

    private static Map<String, Object> trendData(List<TrendPoint> trend) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("days", trend.stream().map(t -> t.day().toString()).toList());
        data.put("p", trend.stream().map(t -> t.p().percent()).toList());
        data.put("t", trend.stream().map(t -> t.t().percent()).toList());
        data.put("s", trend.stream().map(t -> t.s().percent()).toList());
        data.put("r", trend.stream().map(t -> t.r().percent()).toList());
        data.put("c", trend.stream().map(TrendPoint::computedLevel).toList());
        return data;
    }

    // ---- the member panel

    @GetMapping("/members/{id}/readiness")
    String memberPanel(@PathVariable long id, Model model) {
        model.addAttribute("memberId", id);
        model.addAttribute("readiness", individuals.of(id));
        return "readiness/member :: panel";
    }

    // ---- helpers

    private static boolean empty(String s) {
        return s == null || s.isBlank();
    }

    private int number(String text, String field, Map<String, String> errors) {
        if (empty(text)) {
            return 0;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            errors.put(field, texts.text("readiness.error.number"));
            return 0;
        }
    }
}
