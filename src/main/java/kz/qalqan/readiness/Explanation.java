package kz.qalqan.readiness;

import java.util.List;

/**
 * One cause behind a node's level, largest first within its dimension, e.g. "P3: 12 of 40 positions lack a
 * current driver_c".
 *
 * @param cause  what is wrong: VACANT, NO_VALID_EXAM, BELOW_MEDICAL_STANDARD, LACKS_QUALIFICATION (P);
 *               MISSING, EXPIRED (T, per qualification code); SHORT (S, per item type); UNSERVICEABLE,
 *               INSPECTION_OVERDUE (R, per item type); NOTHING_TO_MEASURE
 * @param subject the qualification code or item type the cause is about, else null
 * @param count   how many positions, qualifications or items
 * @param of      out of how many
 * @param key     the message key in {@code messages/readiness}, with {@code args}
 * @param text    the explanation in the request's language
 */
public record Explanation(Dimension dimension, Integer level, String cause, String subject, long count, long of,
                          String key, List<Object> args, String text) {
}
