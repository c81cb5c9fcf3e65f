package kz.qalqan.registry.web;

import kz.qalqan.platform.NotFoundException;
import kz.qalqan.registry.District;
import kz.qalqan.registry.Member;
import kz.qalqan.registry.MemberDirectory;
import kz.qalqan.registry.MemberNotFoundException;
import kz.qalqan.registry.OrgStructure;
import kz.qalqan.registry.Position;
import kz.qalqan.registry.Region;
import kz.qalqan.registry.Unit;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The organisation: the 20 regions, the unit tree of a region, and one unit with its positions. */
@Controller
class OrgController {

    private final OrgStructure org;
    private final MemberDirectory members;

    OrgController(OrgStructure org, MemberDirectory members) {
        this.org = org;
        this.members = members;
    }

    public record RegionRow(Region region, int districts, long units, long members) {
    }

    public record UnitBranch(Unit unit, List<UnitBranch> children) {
    }

    public record PositionRow(Position position, Member holder) {
    }

    @GetMapping("/org")
    String regions(Model model) {
        Map<String, Long> units = org.allUnits().stream()
                .collect(Collectors.groupingBy(Unit::regionCode, Collectors.counting()));
        Map<String, Long> counts = members.countsByRegion();
        model.addAttribute("regions", org.regions().stream()
                .map(r -> new RegionRow(r, org.districts(r.code()).size(), units.getOrDefault(r.code(), 0L),
                        counts.getOrDefault(r.code(), 0L)))
                .toList());
        return "registry/org/regions";
    }

    @GetMapping("/org/regions/{code}")
    String region(@PathVariable String code, Model model) {
        Region region = org.region(code).orElseThrow(() -> new NotFoundException("No region " + code));
        List<Unit> units = org.unitsOfRegion(region.code());
        List<District> districts = org.districts(region.code());
        model.addAttribute("region", region);
        model.addAttribute("districts", districts);
        model.addAttribute("unitCount", units.size());
        model.addAttribute("tree", tree(units));
        return "registry/org/region";
    }

    @GetMapping("/org/units/{id}")
    String unit(@PathVariable long id, Model model) {
        Unit unit = org.unit(id);
        model.addAttribute("unit", unit);
        model.addAttribute("parent", unit.parentId() == null ? null : org.unit(unit.parentId()));
        model.addAttribute("children", org.children(id));
        model.addAttribute("positions", org.positions(id).stream()
                .map(p -> new PositionRow(p, holder(p.holderMemberId())))
                .toList());
        return "registry/org/unit";
    }

    private Member holder(Long memberId) {
        if (memberId == null) {
            return null;
        }
        try {
            return members.find(memberId);
        } catch (MemberNotFoundException e) {
            return null; // removed meanwhile: the post shows as vacant
        }
    }

    /** Units in org-path order → a forest; a unit whose parent lies outside the list is a root. */
    static List<UnitBranch> tree(List<Unit> units) {
        Set<Long> present = new HashSet<>();
        units.forEach(u -> present.add(u.id()));
        Map<Long, List<Unit>> byParent = new HashMap<>();
        List<Unit> roots = new ArrayList<>();
        for (Unit u : units) {
            if (u.parentId() == null || !present.contains(u.parentId())) {
                roots.add(u);
            } else {
                byParent.computeIfAbsent(u.parentId(), k -> new ArrayList<>()).add(u);
            }
        }
        return roots.stream().map(u -> branch(u, byParent)).toList();
    }

    private static UnitBranch branch(Unit unit, Map<Long, List<Unit>> byParent) {
        return new UnitBranch(unit, byParent.getOrDefault(unit.id(), List.of()).stream()
                .map(child -> branch(child, byParent)).toList());
    }
}
