package kz.qalqan.registry.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import kz.qalqan.registry.District;
import kz.qalqan.registry.OrgStructure;
import kz.qalqan.registry.Position;
import kz.qalqan.registry.Region;
import kz.qalqan.registry.Unit;
import kz.qalqan.registry.UnitCommand;
import kz.qalqan.registry.UnitNode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.List;

@RestController
@RequestMapping("/api")
@Tag(name = "Organisation", description = "Regions, districts, units and positions")
class OrgApi {

    private final OrgStructure org;

    OrgApi(OrgStructure org) {
        this.org = org;
    }

    @GetMapping("/regions")
    @Operation(summary = "Kazakhstan's 20 first-level divisions")
    List<Region> regions() {
        return org.regions();
    }

    @GetMapping("/regions/{code}/districts")
    @Operation(summary = "Districts of a region known to the reference data")
    List<District> districts(@PathVariable String code) {
        return org.districts(org.region(code).orElseThrow(() -> new kz.qalqan.platform.NotFoundException("No region " + code)).code());
    }

    @GetMapping("/units")
    @Operation(summary = "Units, optionally of one region")
    List<Unit> units(@RequestParam(required = false) String region) {
        return region == null ? org.allUnits() : org.unitsOfRegion(region.toUpperCase(java.util.Locale.ROOT));
    }

    @GetMapping("/units/{id}")
    Unit unit(@PathVariable long id) {
        return org.unit(id);
    }

    @GetMapping("/units/{id}/tree")
    @Operation(summary = "A unit with its positions and all sub-units")
    UnitNode tree(@PathVariable long id) {
        return org.tree(id);
    }

    @PostMapping("/units")
    ResponseEntity<Unit> create(@Valid @RequestBody UnitCommand command) {
        Unit unit = org.createUnit(command);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(unit.id()).toUri())
                .body(unit);
    }

    @PutMapping("/units/{id}")
    Unit update(@PathVariable long id, @Valid @RequestBody UnitCommand command) {
        return org.updateUnit(id, command);
    }

    @DeleteMapping("/units/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        org.deleteUnit(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/units/{id}/positions")
    List<Position> positions(@PathVariable long id) {
        org.unit(id);
        return org.positions(id);
    }

    @PostMapping("/units/{id}/positions")
    ResponseEntity<Position> addPosition(@PathVariable long id, @Valid @RequestBody UnitCommand.PositionCommand command) {
        Position position = org.addPosition(id, command);
        return ResponseEntity.status(201).body(position);
    }
}
