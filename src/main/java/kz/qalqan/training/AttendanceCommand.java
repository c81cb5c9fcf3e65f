package kz.qalqan.training;

/**
 * The attendance of one enrolled member. {@code durationMinutes} defaults to the event's length when
 * present and not given; {@code sessionRpe} is the member's session rating of perceived exertion, 0–10.
 */
public record AttendanceCommand(String attendance, Integer durationMinutes, Integer sessionRpe, String result) {
}
