package kz.qalqan.registry.web;

import kz.qalqan.registry.Member;
import kz.qalqan.registry.MemberCategory;
import kz.qalqan.registry.MemberCommand;
import kz.qalqan.registry.MemberStatus;
import kz.qalqan.shared.CalendarDate;
import org.springframework.validation.Errors;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The member form exactly as typed: every field is text, so a page shown again after an error keeps
 * what the user wrote, even where it is not a number or a date. {@link #toCommand} turns the text into a
 * {@link MemberCommand}; the rules themselves are the registry's.
 */
public class MemberForm {

    private static final DateTimeFormatter DOTTED = DateTimeFormatter.ofPattern("dd.MM.uuuu");

    private String iin = "";
    private String lastName = "";
    private String firstName = "";
    private String middleName = "";
    private String category = MemberCategory.RESERVIST.code();
    private String phone = "";
    private String email = "";
    private String regionCode = "";
    private String districtId = "";
    private String unit = "";
    private String positionId = "";
    private String lat = "";
    private String lon = "";
    private String language = "kk";
    private String skills = "";
    private String birthDate = "";
    private String sex = "";
    private String status = MemberStatus.ACTIVE.name();

    static MemberForm of(Member m) {
        MemberForm f = new MemberForm();
        f.iin = m.iin();
        f.lastName = m.lastName();
        f.firstName = m.firstName();
        f.middleName = text(m.middleName());
        f.category = m.category().code();
        f.phone = text(m.phone());
        f.email = text(m.email());
        f.regionCode = text(m.regionCode());
        f.districtId = m.districtId() == null ? "" : m.districtId().toString();
        f.unit = m.unitCode() != null ? m.unitCode() : m.unitId() == null ? "" : m.unitId().toString();
        f.positionId = m.positionId() == null ? "" : m.positionId().toString();
        f.lat = m.lat() == null ? "" : m.lat().toString();
        f.lon = m.lon() == null ? "" : m.lon().toString();
        f.language = text(m.language());
        f.skills = String.join(", ", m.skills());
        f.birthDate = m.birthDate() == null ? "" : DOTTED.format(m.birthDate());
        f.sex = text(m.sex());
        f.status = m.status().name();
        return f;
    }

    /**
     * The command for the registry. Text that is not even of the right kind (a letter in a number, an
     * impossible date, an unknown unit code) is recorded in {@code errors} under the form's field names,
     * with message codes from the bundles, and left out of the command.
     *
     * @param unitIdByCode finds a unit's id by its code
     */
    MemberCommand toCommand(Function<String, Optional<Long>> unitIdByCode, boolean withStatus, Errors errors) {
        Integer district = integer("districtId", districtId, errors);
        Long unitId = null;
        if (present(unit)) {
            String u = unit.trim();
            if (u.chars().allMatch(Character::isDigit)) {
                unitId = longValue("unit", u, errors);
            } else {
                unitId = unitIdByCode.apply(u).orElse(null);
                if (unitId == null) {
                    errors.rejectValue("unit", "error.unknownUnit", new Object[]{u}, "no unit with code " + u);
                }
            }
        }
        Long position = longValue("positionId", positionId, errors);
        Double latitude = decimal("lat", lat, errors);
        Double longitude = decimal("lon", lon, errors);
        LocalDate birth = date("birthDate", birthDate, errors);
        List<String> skillList = present(skills)
                ? Arrays.stream(skills.split("[,|]")).map(String::trim).filter(s -> !s.isEmpty()).toList()
                : List.of();
        return new MemberCommand(trim(iin), trim(lastName), trim(firstName), trim(middleName), trim(category),
                trim(phone), trim(email), trim(regionCode), district, unitId, position, latitude, longitude,
                trim(language), skillList, birth, trim(sex), withStatus ? trim(status) : null);
    }

    private static Integer integer(String field, String value, Errors errors) {
        Long l = longValue(field, value, errors);
        if (l != null && (l > Integer.MAX_VALUE || l < Integer.MIN_VALUE)) {
            errors.rejectValue(field, "error.number", "must be a whole number");
            return null;
        }
        return l == null ? null : l.intValue();
    }

    private static Long longValue(String field, String value, Errors errors) {
        if (!present(value)) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            errors.rejectValue(field, "error.number", "must be a whole number");
            return null;
        }
    }

    private static Double decimal(String field, String value, Errors errors) {
        if (!present(value)) {
            return null;
        }
        try {
            double d = Double.parseDouble(value.trim().replace(',', '.'));
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.rejectValue(field, "error.decimal", "must be a decimal number such as 43.25");
        return null;
    }

    private static LocalDate date(String field, String value, Errors errors) {
        if (!present(value)) {
            return null;
        }
        CalendarDate.Problem problem = CalendarDate.problem(value);
        if (problem == CalendarDate.Problem.NO_SUCH_DAY) {
            errors.rejectValue(field, problem.messageKey(), new Object[]{value.strip()}, problem.reason());
            return null;
        }
        if (problem != null) {
            errors.rejectValue(field, "error.date", "must be a date written dd.mm.yyyy");
            return null;
        }
        return CalendarDate.parse(value).orElseThrow();
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static String trim(String s) {
        return present(s) ? s.trim() : null;
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    /** The region code, upper-cased, for choosing districts; null when none is chosen. */
    String regionCodeOrNull() {
        return present(regionCode) ? regionCode.trim().toUpperCase(Locale.ROOT) : null;
    }

    public String getIin() { return iin; }
    public void setIin(String iin) { this.iin = iin; }
    public String getLastName() { return lastName; }
    public void setLastName(String lastName) { this.lastName = lastName; }
    public String getFirstName() { return firstName; }
    public void setFirstName(String firstName) { this.firstName = firstName; }
    public String getMiddleName() { return middleName; }
    public void setMiddleName(String middleName) { this.middleName = middleName; }
    public String getCategory() { return category; }
    public void setCategory(String category) { this.category = category; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getRegionCode() { return regionCode; }
    public void setRegionCode(String regionCode) { this.regionCode = regionCode; }
    public String getDistrictId() { return districtId; }
    public void setDistrictId(String districtId) { this.districtId = districtId; }
    public String getUnit() { return unit; }
    public void setUnit(String unit) { this.unit = unit; }
    public String getPositionId() { return positionId; }
    public void setPositionId(String positionId) { this.positionId = positionId; }
    public String getLat() { return lat; }
    public void setLat(String lat) { this.lat = lat; }
    public String getLon() { return lon; }
    public void setLon(String lon) { this.lon = lon; }
    public String getLanguage() { return language; }
    public void setLanguage(String language) { this.language = language; }
    public String getSkills() { return skills; }
    public void setSkills(String skills) { this.skills = skills; }
    public String getBirthDate() { return birthDate; }
    public void setBirthDate(String birthDate) { this.birthDate = birthDate; }
    public String getSex() { return sex; }
    public void setSex(String sex) { this.sex = sex; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
}
