package kz.qalqan.safety;

/** What a risk flag does to an enrolment: FORBIDS refuses it; WARNS needs the trainer's confirmation (audited). */
public enum FlagEffect {
    FORBIDS, WARNS
}
