package kz.qalqan.training.web;

import kz.qalqan.training.EventCommand;
import kz.qalqan.training.Qualifications;
import kz.qalqan.training.TrainingEvent;
import org.springframework.validation.BindingResult;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** The event form as typed: all text, so that a bad value is shown back with its error. Times are Almaty local. */
public class TrainingEventForm {

    private String unitId;
    private String title;
    private String activityType;
    private String intensity = "MODERATE";
    private String startsAt;
    private String endsAt;
    private String regionCode;
    private String lat;
    private String lon;
    private String placeName;
    private String instructorId;
    private String capacity = "20";
    private List<String> awards = new ArrayList<>();

    static TrainingEventForm of(TrainingEvent e) {
        TrainingEventForm f = new TrainingEventForm();
        f.unitId = Long.toString(e.unitId());
        f.title = e.title();
        f.activityType = e.activityType().name();
        f.intensity = e.intensity().name();
        f.startsAt = LocalDateTime.ofInstant(e.startsAt(), Qualifications.KAZAKHSTAN).truncatedTo(ChronoUnit.MINUTES).toString();
        f.endsAt = LocalDateTime.ofInstant(e.endsAt(), Qualifications.KAZAKHSTAN).truncatedTo(ChronoUnit.MINUTES).toString();
        f.regionCode = e.regionCode();
        f.lat = e.lat() == null ? null : e.lat().toString();
        f.lon = e.lon() == null ? null : e.lon().toString();
        f.placeName = e.placeName();
        f.instructorId = e.instructorId() == null ? null : e.instructorId().toString();
        f.capacity = Integer.toString(e.capacity());
        f.awards = new ArrayList<>(e.awards());
        return f;
    }

    EventCommand toCommand(BindingResult binding) {
        return new EventCommand(number(unitId, "unitId", binding), title, activityType, intensity,
                time(startsAt, "startsAt", binding), time(endsAt, "endsAt", binding), regionCode,
                decimal(lat, "lat", binding), decimal(lon, "lon", binding), placeName,
                number(instructorId, "instructorId", binding),
                number(capacity, "capacity", binding) == null ? null : number(capacity, "capacity", null).intValue(),
                awards == null ? List.of() : awards.stream().filter(a -> a != null && !a.isBlank()).toList());
    }

    private static Long number(String text, String field, BindingResult binding) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            if (binding != null && !binding.hasFieldErrors(field)) {
                binding.rejectValue(field, "training.error.number");
            }
            return null;
        }
    }

    private static Double decimal(String text, String field, BindingResult binding) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Double.parseDouble(text.trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            binding.rejectValue(field, "training.error.number");
            return null;
        }
    }

    private static java.time.Instant time(String text, String field, BindingResult binding) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.trim()).atZone(Qualifications.KAZAKHSTAN).toInstant();
        } catch (DateTimeParseException e) {
            binding.rejectValue(field, "training.error.dateTime");
            return null;
        }
    }

    public String getUnitId() { return unitId; }
    public void setUnitId(String unitId) { this.unitId = unitId; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getActivityType() { return activityType; }
    public void setActivityType(String activityType) { this.activityType = activityType; }
    public String getIntensity() { return intensity; }
    public void setIntensity(String intensity) { this.intensity = intensity; }
    public String getStartsAt() { return startsAt; }
    public void setStartsAt(String startsAt) { this.startsAt = startsAt; }
    public String getEndsAt() { return endsAt; }
    public void setEndsAt(String endsAt) { this.endsAt = endsAt; }
    public String getRegionCode() { return regionCode; }
    public void setRegionCode(String regionCode) { this.regionCode = regionCode; }
    public String getLat() { return lat; }
    public void setLat(String lat) { this.lat = lat; }
    public String getLon() { return lon; }
    public void setLon(String lon) { this.lon = lon; }
    public String getPlaceName() { return placeName; }
    public void setPlaceName(String placeName) { this.placeName = placeName; }
    public String getInstructorId() { return instructorId; }
    public void setInstructorId(String instructorId) { this.instructorId = instructorId; }
    public String getCapacity() { return capacity; }
    public void setCapacity(String capacity) { this.capacity = capacity; }
    public List<String> getAwards() { return awards; }
    public void setAwards(List<String> awards) { this.awards = awards; }
}
