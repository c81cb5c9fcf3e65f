package kz.qalqan.web.internal;

import kz.qalqan.registry.MemberDirectory;
import kz.qalqan.registry.MemberImport;
import kz.qalqan.registry.OrgStructure;
import kz.qalqan.registry.Region;
import kz.qalqan.readiness.ReadinessBoard;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.List;
import java.util.Map;

/** The start page: how big the force is, where its members are, and the latest imports. */
@Controller
class DashboardController {

    static final int RECENT_IMPORTS = 5;

    private final MemberDirectory members;
    private final OrgStructure org;
    private final MemberImport imports;
    private final ReadinessBoard readiness;

    DashboardController(MemberDirectory members, OrgStructure org, MemberImport imports, ReadinessBoard readiness) {
        this.readiness = readiness;
        this.members = members;
        this.org = org;
        this.imports = imports;
    }

    public record RegionCount(Region region, long members) {
    }

    @GetMapping("/")
    String dashboard(Model model) {
        Map<String, Long> counts = members.countsByRegion();
        List<RegionCount> byRegion = org.regions().stream()
                .map(r -> new RegionCount(r, counts.getOrDefault(r.code(), 0L)))
                .toList();
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        model.addAttribute("memberCount", members.count());
        model.addAttribute("unitCount", org.visibleUnitCount());
        model.addAttribute("regionCount", org.regions().size());
        model.addAttribute("byRegion", byRegion);
        model.addAttribute("maxRegion", Math.max(1, byRegion.stream().mapToLong(RegionCount::members).max().orElse(1)));
        model.addAttribute("regionTotal", total);
        model.addAttribute("recentImports", imports.recentJobs(RECENT_IMPORTS));
        model.addAttribute("nationalReadiness", readiness.overview().national());
        return "dashboard";
    }
}
