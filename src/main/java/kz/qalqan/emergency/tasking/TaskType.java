package kz.qalqan.emergency.tasking;

/** What a task is for (issue 6 scope 5). */
public enum TaskType { EVACUATION, SANDBAGGING, SEARCH_AND_RESCUE, FIRST_AID, LOGISTICS, SHELTER_SUPPORT, OTHER }
