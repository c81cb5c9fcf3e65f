package kz.qalqan.registry.internal;

import kz.qalqan.platform.FieldProblem;
import kz.qalqan.registry.MemberCategory;
import kz.qalqan.registry.MemberCommand;
import kz.qalqan.registry.MemberStatus;
import kz.qalqan.shared.Iin;
import kz.qalqan.shared.IinProblem;
import kz.qalqan.shared.IinWarning;
import kz.qalqan.shared.Language;
import kz.qalqan.shared.PersonName;
import kz.qalqan.shared.PhoneNumber;
import kz.qalqan.shared.Sex;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules a member record must satisfy, shared by the API, the UI and the bulk import so that all three
 * accept and reject exactly the same input. Every problem is reported with its field name.
 */
public final class MemberRules {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
    private static final Pattern SKILL = Pattern.compile("^[\\p{L}\\p{N}][\\p{L}\\p{N}_ .+-]{0,39}$");
    private static final int MAX_SKILLS = 30;

    private MemberRules() {
    }

    public sealed interface Outcome permits Accepted, Rejected {
    }

    public record Accepted(CheckedMember member) implements Outcome {
    }

    public record Rejected(List<FieldProblem> problems) implements Outcome {
    }

    public static Outcome check(MemberCommand c, OrgLookup org) {
        List<FieldProblem> problems = new ArrayList<>();

        String iinText = c.iin() == null ? null : c.iin().trim();
        IinProblem iinProblem = Iin.hardProblem(iinText);
        Iin iin = null;
        if (iinProblem != null) {
            problems.add(new FieldProblem("iin", iinProblem.reason(), iinProblem.messageKey(), List.of()));
        } else {
            iin = new Iin(iinText);
        }

        String lastName = name("lastName", c.lastName(), true, problems);
        String firstName = name("firstName", c.firstName(), true, problems);
        String middleName = name("middleName", c.middleName(), false, problems);

        Optional<MemberCategory> category = MemberCategory.fromCode(c.category());
        if (category.isEmpty()) {
            problems.add(new FieldProblem("category", "must be reservist, volunteer or civil_defense"));
        }

        String phone = null;
        if (present(c.phone())) {
            String reason = PhoneNumber.problem(c.phone());
            if (reason != null) {
                problems.add(new FieldProblem("phone", reason));
            } else {
                phone = PhoneNumber.normalise(c.phone()).orElseThrow().e164();
            }
        }

        String email = null;
        if (present(c.email())) {
            email = c.email().trim();
            if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
                problems.add(new FieldProblem("email", "is not an e-mail address"));
            }
        }

        String region = null;
        if (!present(c.regionCode())) {
            problems.add(new FieldProblem("regionCode", "is required"));
        } else if (!org.regionExists(c.regionCode().trim().toUpperCase(Locale.ROOT))) {
            problems.add(new FieldProblem("regionCode", "is not a known region code: " + c.regionCode().trim()));
        } else {
            region = c.regionCode().trim().toUpperCase(Locale.ROOT);
        }

        if (c.districtId() != null) {
            Optional<String> districtRegion = org.districtRegion(c.districtId());
            if (districtRegion.isEmpty()) {
                problems.add(new FieldProblem("districtId", "is not a known district: " + c.districtId()));
            } else if (region != null && !districtRegion.get().equals(region)) {
                problems.add(new FieldProblem("districtId", "district " + c.districtId() + " is not in region " + region));
            }
        }

        Optional<OrgLookup.UnitRef> unit = Optional.empty();
        if (c.unitId() != null) {
            unit = org.unit(c.unitId());
            if (unit.isEmpty()) {
                problems.add(new FieldProblem("unitId", "is not a known unit: " + c.unitId()));
            }
        }
        if (c.positionId() != null) {
            Optional<Long> positionUnit = org.positionUnit(c.positionId());
            if (positionUnit.isEmpty()) {
                problems.add(new FieldProblem("positionId", "is not a known position: " + c.positionId()));
            } else if (c.unitId() == null || !positionUnit.get().equals(c.unitId())) {
                problems.add(new FieldProblem("positionId", "belongs to unit " + positionUnit.get() + ", not to the member's unit"));
            }
        }

        if ((c.lat() == null) != (c.lon() == null)) {
            problems.add(new FieldProblem(c.lat() == null ? "lat" : "lon", "latitude and longitude go together"));
        }
        if (c.lat() != null && !(c.lat() >= -90 && c.lat() <= 90)) {
            problems.add(new FieldProblem("lat", "must be between -90 and 90"));
        }
        if (c.lon() != null && !(c.lon() >= -180 && c.lon() <= 180)) {
            problems.add(new FieldProblem("lon", "must be between -180 and 180"));
        }

        Language language = Language.DEFAULT;
        if (present(c.language())) {
            Optional<Language> l = Language.fromCode(c.language());
            if (l.isEmpty()) {
                problems.add(new FieldProblem("language", "must be kk, ru or en"));
            } else {
                language = l.get();
            }
        }

        List<String> skills = skills(c.skills(), problems);

        Sex sex = null;
        if (present(c.sex())) {
            String s = c.sex().trim().toUpperCase(Locale.ROOT);
            sex = switch (s) {
                case "M", "MALE" -> Sex.MALE;
                case "F", "FEMALE" -> Sex.FEMALE;
                default -> {
                    problems.add(new FieldProblem("sex", "must be MALE or FEMALE"));
                    yield null;
                }
            };
        }

        MemberStatus status = MemberStatus.ACTIVE;
        if (present(c.status())) {
            try {
                status = MemberStatus.valueOf(c.status().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("status", "must be ACTIVE, INACTIVE or DISCHARGED"));
            }
        }

        if (!problems.isEmpty()) {
            return new Rejected(problems);
        }
        List<String> warnings = iin.warnings(c.birthDate(), sex).stream().map(IinWarning::name).toList();
        String orgPath = unit.map(OrgLookup.UnitRef::orgPath).orElse(OrgPaths.area(region, c.districtId()));
        return new Accepted(new CheckedMember(iin, lastName, firstName, middleName,
                c.birthDate() != null ? c.birthDate() : iin.birthDate().orElse(null),
                sex != null ? sex.name() : iin.sex().map(Enum::name).orElse(null),
                category.get(), phone, email, region, c.districtId(), c.unitId(), c.positionId(), c.lat(), c.lon(),
                language.code(), skills, status, warnings, orgPath));
    }

    private static String name(String field, String value, boolean required, List<FieldProblem> problems) {
        if (!present(value)) {
            if (required) {
                problems.add(new FieldProblem(field, "is required"));
            }
            return null;
        }
        String reason = PersonName.problem(value);
        if (reason != null) {
            problems.add(new FieldProblem(field, reason));
            return null;
        }
        return PersonName.normalise(value);
    }

    private static List<String> skills(List<String> raw, List<FieldProblem> problems) {
        if (raw == null) {
            return List.of();
        }
        Set<String> skills = new LinkedHashSet<>();
        for (String s : raw) {
            if (s == null || s.isBlank()) {
                continue;
            }
            String tag = s.trim().toLowerCase(Locale.ROOT);
            if (!SKILL.matcher(tag).matches()) {
                problems.add(new FieldProblem("skills", "'" + s.trim() + "' is not a skill tag (letters, digits, '_', '-', up to 40 characters)"));
                return List.of();
            }
            skills.add(tag);
        }
        if (skills.size() > MAX_SKILLS) {
            problems.add(new FieldProblem("skills", "at most " + MAX_SKILLS + " skills"));
        }
        return List.copyOf(skills);
    }

    static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
