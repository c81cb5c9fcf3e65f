package kz.qalqan.incident;

/**
 * The outcome scale of DOMAIN.md §7, from least to most severe ({@code NONE} for near misses and property
 * damage). Hospitalisation or worse is serious and notifies the safety chain at once.
 */
public enum Outcome {
    NONE, FIRST_AID, MEDICAL_TREATMENT, RESTRICTED_DUTY, LOST_DUTY, HOSPITALISATION, PERMANENT_DISABILITY, FATALITY;

    public boolean serious() {
        return compareTo(HOSPITALISATION) >= 0;
    }
}
