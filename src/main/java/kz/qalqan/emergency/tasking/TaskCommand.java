package kz.qalqan.emergency.tasking;

/** What a coordinator gives to plan a task. */
public record TaskCommand(TaskType type, String title, String description, Integer priority, Double lat, Double lon,
                          String location, String stagingPoint) {
}
