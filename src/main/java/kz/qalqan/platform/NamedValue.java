package kz.qalqan.platform;

import com.fasterxml.jackson.annotation.JsonValue;
import org.springframework.context.MessageSourceResolvable;

/**
 * An argument of a coded refusal that a reader should see by name: the API gives {@code value} (a code such as
 * {@code ROAD_MARCH}), while a text in kk/ru/en says the name under {@code key} in the same language.
 */
public record NamedValue(String key, @JsonValue String value) implements MessageSourceResolvable {

    @Override
    public String[] getCodes() {
        return new String[]{key};
    }

    @Override
    public String getDefaultMessage() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
