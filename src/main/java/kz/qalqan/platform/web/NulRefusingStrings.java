package kz.qalqan.platform.web;

import org.springframework.stereotype.Component;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Text in JSON bodies may not carry a NUL character: PostgreSQL cannot store one, so it would fail deep in a
 * repository as a 500. Refused where it is read, the answer names the field (400, {@code input.nul}).
 */
@Component
class NulRefusingStrings extends SimpleModule {

    NulRefusingStrings() {
        super("qalqan-nul-refusing-strings");
        addDeserializer(String.class, new StringDeserializer() {
            @Override
            public String deserialize(JsonParser p, DeserializationContext ctxt) {
                String value = super.deserialize(p, ctxt);
                if (value != null && value.indexOf('\u0000') >= 0) {
                    return (String) ctxt.handleWeirdStringValue(String.class, value, "contains a NUL character");
                }
                return value;
            }
        });
    }
}
