package kz.qalqan.platform.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record component whose value only some callers may see (diagnoses, profile reasons, injury
 * details). Modules declare it on their view records; {@link Confidentiality} is the one place that
 * removes such values for everyone else.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface Sensitive {

    Sensitivity value() default Sensitivity.MEDICAL;
}
