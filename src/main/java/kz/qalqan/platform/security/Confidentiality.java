package kz.qalqan.platform.security;

import kz.qalqan.shared.Caller;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Redacts {@link Sensitive} record components for callers who may not read them: a sensitive value is
 * visible to the caller when a grant of the sensitivity's reader role covers the subject's org path,
 * or when the caller is the member the data is about. Nested records and lists of records are redacted
 * too, all with the same subject. Everything else (classes, dates, derived levels) stays.
 */
public final class Confidentiality {

    private Confidentiality() {
    }

    /** May the caller read data of this sensitivity about the member at {@code orgPath}? */
    public static boolean mayRead(Caller caller, Sensitivity sensitivity, String orgPath, Long subjectMemberId) {
        if (subjectMemberId != null && subjectMemberId.equals(caller.memberId())) {
            return true;
        }
        return caller.scopeFor(sensitivity.reader()).covers(orgPath);
    }

    /** The value as the caller may see it: the same instance when nothing is hidden. */
    public static <T> T redact(T value, Caller caller, String orgPath, Long subjectMemberId) {
        return redactValue(value, caller, orgPath, subjectMemberId);
    }

    @SuppressWarnings("unchecked")
    private static <T> T redactValue(T value, Caller caller, String orgPath, Long subject) {
        if (value instanceof Record record) {
            return (T) redactRecord(record, caller, orgPath, subject);
        }
        if (value instanceof Collection<?> items) {
            List<Object> copy = new ArrayList<>(items.size());
            boolean changed = false;
            for (Object item : items) {
                Object redacted = redactValue(item, caller, orgPath, subject);
                changed |= redacted != item;
                copy.add(redacted);
            }
            return changed ? (T) List.copyOf(copy) : value;
        }
        return value;
    }

    private static Record redactRecord(Record record, Caller caller, String orgPath, Long subject) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        boolean changed = false;
        try {
            for (int i = 0; i < components.length; i++) {
                RecordComponent c = components[i];
                var accessor = c.getAccessor();
                accessor.setAccessible(true);
                Object v = accessor.invoke(record);
                Sensitive sensitive = c.getAnnotation(Sensitive.class);
                if (sensitive != null && v != null && !mayRead(caller, sensitive.value(), orgPath, subject)) {
                    values[i] = null;
                    changed = true;
                } else {
                    Object redacted = redactValue(v, caller, orgPath, subject);
                    changed |= redacted != v;
                    values[i] = redacted;
                }
            }
            if (!changed) {
                return record;
            }
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
            }
            Constructor<? extends Record> constructor = record.getClass().getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot redact " + record.getClass().getName(), e);
        }
    }
}
