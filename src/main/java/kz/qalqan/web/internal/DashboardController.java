package kz.qalqan.web.internal;

import kz.qalqan.emergency.Emergencies;
import kz.qalqan.emergency.Emergency;
import kz.qalqan.platform.security.CurrentCaller;
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
    private final Emergencies emergencies;
    private final CurrentCaller caller;

    DashboardController(MemberDirectory members, OrgStructure org, MemberImport imports, ReadinessBoard readiness,
                        Emergencies emergencies, CurrentCaller caller) {
        this.readiness = readiness;
        this.emergencies = emergencies;
        this.caller = caller;
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
        // the open-emergencies tile: only for those who watch emergencies
        List<Emergency> open = caller.get().scopeFor(Emergencies.WATCHERS).isNothing() ? null : emergencies.list(true);
        model.addAttribute("openEmergencies", open);
        return "dashboard";
    }
}
