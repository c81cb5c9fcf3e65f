package kz.qalqan.registry.web;

import kz.qalqan.registry.MemberCommand;
import org.junit.jupiter.api.Test;
import org.springframework.validation.BeanPropertyBindingResult;

import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The member form keeps a birth date exactly as typed or refuses it; it never moves 31.02 to 28.02. */
class MemberFormDateTests {

    private static BeanPropertyBindingResult bind(MemberForm form) {
        return new BeanPropertyBindingResult(form, "form");
    }

    @Test
    void refusesTheThirtyFirstOfFebruaryNamingTheFieldAndTheReason() {
        MemberForm form = new MemberForm();
        form.setBirthDate("31.02.1990");
        BeanPropertyBindingResult errors = bind(form);

        MemberCommand command = form.toCommand(code -> Optional.empty(), false, errors);

        assertThat(errors.getFieldError("birthDate")).isNotNull();
        assertThat(errors.getFieldError("birthDate").getCode()).isEqualTo("date.problem.NO_SUCH_DAY");
        assertThat(command == null || command.birthDate() == null).isTrue();
    }

    @Test
    void keepsARealDateAsTyped() {
        MemberForm form = new MemberForm();
        form.setBirthDate("28.02.1990");
        BeanPropertyBindingResult errors = bind(form);

        MemberCommand command = form.toCommand(code -> Optional.empty(), false, errors);

        assertThat(errors.getFieldError("birthDate")).isNull();
        assertThat(command.birthDate()).isEqualTo(LocalDate.of(1990, 2, 28));
    }
}
