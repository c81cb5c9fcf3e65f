package kz.qalqan.readiness.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.qalqan.readiness.EquipmentCommand;
import kz.qalqan.readiness.EquipmentStock;
import kz.qalqan.readiness.IndividualReadiness;
import kz.qalqan.readiness.MemberReadiness;
import kz.qalqan.readiness.OverrideCommand;
import kz.qalqan.readiness.ReadinessBoard;
import kz.qalqan.readiness.ReadinessDetail;
import kz.qalqan.readiness.ReadinessOverview;
import kz.qalqan.readiness.TrendPoint;
import kz.qalqan.readiness.UnitEquipment;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;

@RestController
@Tag(name = "Readiness", description = "Unit readiness (P/T/S/R and C-levels) rolled up the hierarchy, equipment, member readiness")
class ReadinessApi {

    private final ReadinessBoard board;
    private final EquipmentStock equipment;
    private final IndividualReadiness individuals;

    ReadinessApi(ReadinessBoard board, EquipmentStock equipment, IndividualReadiness individuals) {
        this.board = board;
        this.equipment = equipment;
        this.individuals = individuals;
    }

    @GetMapping("/api/readiness")
    @Operation(summary = "The top of the caller's area: the nation and its regions, or the nodes of the caller's grants")
    ReadinessOverview overview() {
        return board.overview();
    }

    @GetMapping("/api/readiness/regions/{code}")
    @Operation(summary = "A region's readiness with its districts and region-level units, explanations and what would raise it")
    ReadinessDetail region(@PathVariable String code) {
        return board.region(code);
    }

    @GetMapping("/api/readiness/node")
    @Operation(summary = "Any node's readiness with its children, explanations and what would raise it "
            + "(node = KZ, a region code or an org path such as KZ-75/d12/ or KZ-75/d12/u34/)")
    ReadinessDetail node(@RequestParam(defaultValue = "KZ") String node) {
        return board.detail(ReadinessBoard.nodeKey(node));
    }

    @GetMapping("/api/units/{id}/readiness")
    @Operation(summary = "A unit's readiness (with its sub-units), the causes behind each level and what would raise it")
    ReadinessDetail unit(@PathVariable long id) {
        return board.unit(id);
    }

    @PostMapping("/api/units/{id}/readiness/override")
    @Operation(summary = "Lower a unit's C-level (never raise it) with a reason; ADMIN or COMMANDER over the unit; audited")
    ReadinessDetail override(@PathVariable long id, @RequestBody OverrideCommand command, Principal principal) {
        return board.override(id, command, principal.getName());
    }

    @DeleteMapping("/api/units/{id}/readiness/override")
    @Operation(summary = "Remove a unit's override; audited")
    ResponseEntity<Void> clearOverride(@PathVariable long id, Principal principal) {
        board.clearOverride(id, principal.getName());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/readiness/trend")
    @Operation(summary = "Daily snapshots of a node (node = KZ, a region code or an org path; default the last 90 days)")
    List<TrendPoint> trend(@RequestParam(defaultValue = "KZ") String node,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return board.trend(ReadinessBoard.nodeKey(node), from, to);
    }

    @GetMapping("/api/readiness/export.csv")
    @Operation(summary = "CSV of a node and every node below it that the caller may see; audited")
    void export(@RequestParam(defaultValue = "KZ") String node, HttpServletResponse response) throws IOException {
        String key = ReadinessBoard.nodeKey(node);
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"readiness.csv\"");
        var out = new java.io.OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        board.export(key, out);
        out.flush();
    }

    @GetMapping("/api/members/{id}/readiness")
    @Operation(summary = "A member's individual readiness with reasons; audited; medical class only for medical roles")
    MemberReadiness member(@PathVariable long id) {
        return individuals.of(id);
    }

    @GetMapping("/api/units/{id}/equipment")
    @Operation(summary = "A unit's equipment lines; audited")
    UnitEquipment equipment(@PathVariable long id) {
        return equipment.of(id);
    }

    @PutMapping("/api/units/{id}/equipment")
    @Operation(summary = "Replace a unit's equipment lines (ADMIN or COMMANDER over the unit); audited")
    UnitEquipment replaceEquipment(@PathVariable long id, @RequestBody EquipmentCommand command, Principal principal) {
        return equipment.replace(id, command, principal.getName());
    }
}
