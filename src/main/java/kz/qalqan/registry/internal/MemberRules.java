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
import kz.qalqan.shared.Refusal;
import kz.qalqan.shared.GeoPoint;
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
    /** Said of an empty required field (the platform's text, shared by every form). */
    static final String REQUIRED = "error.required";

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
            problems.add(FieldProblem.of("iin", iinProblem.messageKey()));
        } else {
            iin = new Iin(iinText);
        }

        String lastName = name("lastName", c.lastName(), true, problems);
        String firstName = name("firstName", c.firstName(), true, problems);
        String middleName = name("middleName", c.middleName(), false, problems);

        Optional<MemberCategory> category = MemberCategory.fromCode(c.category());
        if (category.isEmpty()) {
            problems.add(FieldProblem.of("category", "registry.member.category"));
        }

        String phone = null;
        if (present(c.phone())) {
            Refusal reason = PhoneNumber.problem(c.phone());
            if (reason != null) {
                problems.add(FieldProblem.of("phone", reason.code(), reason.argsArray()));
            } else {
                phone = PhoneNumber.normalise(c.phone()).orElseThrow().e164();
            }
        }

        String email = null;
        if (present(c.email())) {
            email = c.email().trim();
            if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
                problems.add(FieldProblem.of("email", "registry.member.email"));
            }
        }

        String region = null;
        if (!present(c.regionCode())) {
            problems.add(FieldProblem.of("regionCode", REQUIRED));
        } else if (!org.regionExists(c.regionCode().trim().toUpperCase(Locale.ROOT))) {
            problems.add(FieldProblem.of("regionCode", "registry.region.unknown", c.regionCode().trim()));
        } else {
            region = c.regionCode().trim().toUpperCase(Locale.ROOT);
        }

        if (c.districtId() != null) {
            Optional<String> districtRegion = org.districtRegion(c.districtId());
            if (districtRegion.isEmpty()) {
                problems.add(FieldProblem.of("districtId", "registry.district.unknown", c.districtId().toString()));
            } else if (region != null && !districtRegion.get().equals(region)) {
                problems.add(FieldProblem.of("districtId", "registry.district.notInRegion", c.districtId().toString(), region));
            }
        }

        Optional<OrgLookup.UnitRef> unit = Optional.empty();
        if (c.unitId() != null) {
            unit = org.unit(c.unitId());
            if (unit.isEmpty()) {
                problems.add(FieldProblem.of("unitId", "registry.unit.unknown", c.unitId().toString()));
            }
        }
        if (c.positionId() != null) {
            Optional<Long> positionUnit = org.positionUnit(c.positionId());
            if (positionUnit.isEmpty()) {
                problems.add(FieldProblem.of("positionId", "registry.position.unknown", c.positionId().toString()));
            } else if (c.unitId() == null || !positionUnit.get().equals(c.unitId())) {
                problems.add(FieldProblem.of("positionId", "registry.position.otherUnit", positionUnit.get().toString()));
            }
        }

        if ((c.lat() == null) != (c.lon() == null)) {
            problems.add(FieldProblem.of(c.lat() == null ? "lat" : "lon", "registry.member.coordinatesTogether"));
        }
        Refusal lat = GeoPoint.latitudeProblem(c.lat());
        if (lat != null) {
            problems.add(FieldProblem.of("lat", lat.code(), lat.argsArray()));
        }
        Refusal lon = GeoPoint.longitudeProblem(c.lon());
        if (lon != null) {
            problems.add(FieldProblem.of("lon", lon.code(), lon.argsArray()));
        }

        Language language = Language.DEFAULT;
        if (present(c.language())) {
            Optional<Language> l = Language.fromCode(c.language());
            if (l.isEmpty()) {
                problems.add(FieldProblem.of("language", "registry.member.language"));
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
                    problems.add(FieldProblem.of("sex", "registry.member.sex"));
                    yield null;
                }
            };
        }

        MemberStatus status = MemberStatus.ACTIVE;
        if (present(c.status())) {
            try {
                status = MemberStatus.valueOf(c.status().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(FieldProblem.of("status", "registry.member.status"));
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
                problems.add(FieldProblem.of(field, REQUIRED));
            }
            return null;
        }
        Refusal reason = PersonName.problem(value);
        if (reason != null) {
            problems.add(FieldProblem.of(field, reason.code(), reason.argsArray()));
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
                problems.add(FieldProblem.of("skills", "registry.member.skillTag", s.trim()));
                return List.of();
            }
            skills.add(tag);
        }
        if (skills.size() > MAX_SKILLS) {
            problems.add(FieldProblem.of("skills", "registry.member.tooManySkills", MAX_SKILLS));
        }
        return List.copyOf(skills);
    }

    static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
