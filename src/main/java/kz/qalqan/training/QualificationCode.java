package kz.qalqan.training;

import com.fasterxml.jackson.annotation.JsonValue;

import java.io.Serializable;

/**
 * A catalogue code given as an argument of a refusal. The API says the code itself; a page says the
 * qualification's name in its language (the names are catalogue data, not message texts).
 */
public record QualificationCode(@JsonValue String code) implements Serializable {

    @Override
    public String toString() {
        return code;
    }
}
