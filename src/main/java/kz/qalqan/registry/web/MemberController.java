package kz.qalqan.registry.web;

import kz.qalqan.platform.ConflictException;
import kz.qalqan.platform.FieldProblem;
import kz.qalqan.platform.InvalidInputException;
import kz.qalqan.registry.Member;
import kz.qalqan.registry.MemberCategory;
import kz.qalqan.registry.MemberCommand;
import kz.qalqan.registry.MemberDirectory;
import kz.qalqan.registry.MemberPage;
import kz.qalqan.registry.MemberSearch;
import kz.qalqan.registry.MemberStatus;
import kz.qalqan.registry.OrgStructure;
import kz.qalqan.registry.Position;
import kz.qalqan.registry.Unit;
import kz.qalqan.registry.UnitNotFoundException;
import kz.qalqan.shared.Language;
import kz.qalqan.shared.Sex;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import java.security.Principal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Member search, the member page, and the forms to register and change a member. */
@Controller
class MemberController {

    static final int PAGE_SIZE = 50;

    /** Form fields named differently from the API fields the registry reports problems under. */
    private static final Map<String, String> FORM_FIELD = Map.of("unitId", "unit");
    /** Said for a refusal without a code (every registry rule gives one). */
    private static final String UNCODED = "platform.form.invalid";
    private static final Set<String> FORM_FIELDS = Set.of("iin", "lastName", "firstName", "middleName", "category",
            "phone", "email", "regionCode", "districtId", "unit", "positionId", "lat", "lon", "language", "skills",
            "birthDate", "sex", "status");

    private final MemberDirectory members;
    private final OrgStructure org;

    MemberController(MemberDirectory members, OrgStructure org) {
        this.members = members;
        this.org = org;
    }

    /** The search filters as they appear in the URL; all text, so a bad value can be shown and corrected. */
    public record MemberFilter(String q, String region, String unit, String sub, String status, String skill,
                               String after) {

        public boolean includeSubunits() {
            return sub != null && Set.of("true", "on", "1", "yes").contains(sub.trim().toLowerCase(Locale.ROOT));
        }

        public boolean any() {
            return present(q) || present(region) || present(unit) || present(status) || present(skill);
        }

        /** This search at the page after {@code cursor}; the first page when the cursor is null. */
        public String link(String cursor) {
            return link("/members", cursor);
        }

        /** The same filters as a CSV download of every match (not just this page). */
        public String exportLink() {
            return link("/members/export.csv", null);
        }

        private String link(String path, String cursor) {
            UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
            param(b, "q", q);
            param(b, "region", region);
            param(b, "unit", unit);
            if (present(unit) && includeSubunits()) {
                b.queryParam("sub", "true");
            }
            param(b, "status", status);
            param(b, "skill", skill);
            param(b, "after", cursor);
            return b.encode().build().toUriString();
        }

        private static void param(UriComponentsBuilder b, String name, String value) {
            if (present(value)) {
                b.queryParam(name, value.trim());
            }
        }
    }

    @GetMapping("/members")
    String search(MemberFilter filter, Model model) {
        List<String> problems = new ArrayList<>();
        Unit unit = null;
        if (present(filter.unit())) {
            unit = findUnit(filter.unit().trim()).orElse(null);
            if (unit == null) {
                problems.add("members.filter.unknownUnit");
            }
        }
        MemberStatus status = null;
        if (present(filter.status())) {
            try {
                status = MemberStatus.valueOf(filter.status().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add("members.filter.unknownStatus");
            }
        }
        MemberPage page = new MemberPage(List.of(), null);
        if (problems.isEmpty()) {
            try {
                page = members.search(new MemberSearch(filter.q(), filter.region(), unit == null ? null : unit.id(),
                        filter.includeSubunits(), status, filter.skill(), PAGE_SIZE, filter.after()));
            } catch (InvalidInputException e) {
                problems.add("after".equals(e.problems().get(0).field()) ? "members.filter.badCursor" : "members.filter.invalid");
            }
        }
        model.addAttribute("filter", filter);
        model.addAttribute("unit", unit);
        model.addAttribute("page", page);
        model.addAttribute("problems", problems);
        model.addAttribute("regions", org.regions());
        model.addAttribute("statuses", MemberStatus.values());
        model.addAttribute("nextLink", page.next() == null ? null : filter.link(page.next()));
        model.addAttribute("firstLink", present(filter.after()) ? filter.link(null) : null);
        model.addAttribute("exportLink", problems.isEmpty() ? filter.exportLink() : null);
        return "registry/members/search";
    }

    /** Every member matching the filters, as the importable member CSV (audited by the registry). */
    @GetMapping("/members/export.csv")
    void export(MemberFilter filter, jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        Unit unit = present(filter.unit()) ? findUnit(filter.unit().trim()).orElseThrow(
                () -> kz.qalqan.registry.UnitNotFoundException.forId(-1)) : null;
        MemberStatus status = present(filter.status())
                ? MemberStatus.valueOf(filter.status().trim().toUpperCase(Locale.ROOT)) : null;
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"qalqan-members.csv\"");
        members.export(new MemberSearch(filter.q(), filter.region(), unit == null ? null : unit.id(),
                filter.includeSubunits(), status, filter.skill(), 0, null), response.getWriter());
    }

    @GetMapping("/members/{id}")
    String detail(@PathVariable long id, Model model) {
        Member member = members.find(id);
        model.addAttribute("member", member);
        model.addAttribute("assignments", members.assignments(id));
        return "registry/members/detail";
    }

    @GetMapping("/members/new")
    String newMember(Model model) {
        return form(model, new MemberForm(), null);
    }

    @PostMapping("/members")
    String register(@ModelAttribute("form") MemberForm form, BindingResult binding, Principal principal, Model model,
                    RedirectAttributes redirect) {
        MemberCommand command = form.toCommand(this::unitIdByCode, false, binding);
        if (binding.hasErrors()) {
            reject(binding, members.problems(command));
        } else {
            try {
                Member saved = members.register(command, principal.getName());
                redirect.addFlashAttribute("saved", true);
                return "redirect:/members/" + saved.id();
            } catch (InvalidInputException e) {
                reject(binding, e.problems());
            } catch (ConflictException e) {
                reject(binding, e);
            }
        }
        return form(model, form, null);
    }

    @GetMapping("/members/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        Member member = members.find(id);
        return form(model, MemberForm.of(member), member);
    }

    @PostMapping("/members/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") MemberForm form, BindingResult binding,
                  Principal principal, Model model, RedirectAttributes redirect) {
        Member current = members.find(id);
        MemberCommand command = form.toCommand(this::unitIdByCode, true, binding);
        if (binding.hasErrors()) {
            reject(binding, members.problems(command));
        } else {
            try {
                members.update(id, command, principal.getName());
                redirect.addFlashAttribute("saved", true);
                return "redirect:/members/" + id;
            } catch (InvalidInputException e) {
                reject(binding, e.problems());
            } catch (ConflictException e) {
                reject(binding, e);
            }
        }
        return form(model, form, current);
    }

    /** The district choices of a region, for the form when the region changes (htmx). */
    @GetMapping("/members/form/districts")
    String districtOptions(@RequestParam(required = false) String regionCode, Model model) {
        MemberForm form = new MemberForm();
        form.setRegionCode(regionCode);
        model.addAttribute("form", form);
        model.addAttribute("districts", form.regionCodeOrNull() == null ? List.of() : org.districts(form.regionCodeOrNull()));
        return "registry/members/options :: districts";
    }

    /** The position choices of a unit, for the form when the unit changes (htmx). */
    @GetMapping("/members/form/positions")
    String positionOptions(@RequestParam(required = false) String unit, Model model) {
        MemberForm form = new MemberForm();
        form.setUnit(unit);
        model.addAttribute("form", form);
        model.addAttribute("positions", positions(form));
        return "registry/members/options :: positions";
    }

    private String form(Model model, MemberForm form, Member existing) {
        model.addAttribute("form", form);
        model.addAttribute("existing", existing);
        model.addAttribute("regions", org.regions());
        model.addAttribute("districts", form.regionCodeOrNull() == null ? List.of() : org.districts(form.regionCodeOrNull()));
        model.addAttribute("positions", positions(form));
        model.addAttribute("categories", MemberCategory.values());
        model.addAttribute("statuses", MemberStatus.values());
        model.addAttribute("languages", Arrays.stream(Language.values()).map(Language::code).toList());
        model.addAttribute("sexes", Sex.values());
        return "registry/members/form";
    }

    private List<Position> positions(MemberForm form) {
        if (!present(form.getUnit())) {
            return List.of();
        }
        return findUnit(form.getUnit().trim()).map(u -> org.positions(u.id())).orElse(List.of());
    }

    private Optional<Unit> findUnit(String idOrCode) {
        if (idOrCode.chars().allMatch(Character::isDigit) && idOrCode.length() < 19) {
            try {
                return Optional.of(org.unit(Long.parseLong(idOrCode)));
            } catch (UnitNotFoundException e) {
                return Optional.empty();
            }
        }
        return org.unitByCode(idOrCode);
    }

    private Optional<Long> unitIdByCode(String code) {
        return org.unitByCode(code).map(Unit::id);
    }

    /**
     * Puts each problem the registry found next to its field, by the rule's code, so the page says it in its own
     * language. A field that already shows a problem of its own (text that is not a number, an unknown unit
     * code) keeps just that one; so does the position when the unit could not be read.
     */
    static void reject(BindingResult binding, List<FieldProblem> problems) {
        boolean unitUnreadable = binding.hasFieldErrors("unit");
        for (FieldProblem p : problems) {
            String field = p.field() == null ? null : FORM_FIELD.getOrDefault(p.field(), p.field());
            if (field != null && (binding.hasFieldErrors(field) || (unitUnreadable && field.equals("positionId")))) {
                continue;
            }
            String code = p.code() == null ? UNCODED : p.code();
            if (field == null || !FORM_FIELDS.contains(field)) {
                binding.reject(code, p.argsArray(), code);
            } else {
                binding.rejectValue(field, code, p.argsArray(), code);
            }
        }
    }

    /** A duplicate IIN stands beside the IIN; a record changed meanwhile above the form. */
    static void reject(BindingResult binding, ConflictException e) {
        String code = e.code() == null ? UNCODED : e.code();
        if ("iin".equals(e.field())) {
            binding.rejectValue("iin", code, e.argsArray(), code);
        } else {
            binding.reject(code, e.argsArray(), code);
        }
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
