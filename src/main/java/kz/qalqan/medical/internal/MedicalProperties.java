package kz.qalqan.medical.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param examValidityMonths how long a periodic exam counts (default 12) */
@ConfigurationProperties("qalqan.medical")
public record MedicalProperties(Integer examValidityMonths) {

    public MedicalProperties {
        if (examValidityMonths == null) {
            examValidityMonths = 12;
        }
        if (examValidityMonths < 1) {
            throw new IllegalArgumentException("qalqan.medical.exam-validity-months must be positive");
        }
    }
}
