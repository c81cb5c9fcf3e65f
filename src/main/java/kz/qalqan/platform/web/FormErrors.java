package kz.qalqan.platform.web;

import kz.qalqan.platform.Coded;
import kz.qalqan.platform.FieldProblem;
import kz.qalqan.platform.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The refusals of a rule as a page shows them: each field's problem said in the page's language from its code and
 * arguments. Pages put the result in the model as {@code errors} (form field → text) and print the texts as they
 * are; they never derive a message key from a refusal's wording.
 */
@Component
public class FormErrors {

    /** Said for a problem that carries no code; every rule is expected to give one. */
    static final String UNCODED = "platform.form.invalid";

    private final MessageSource messages;

    FormErrors(MessageSource messages) {
        this.messages = messages;
    }

    /** Each field's first problem, under the field name the rule gave. */
    public Map<String, String> of(InvalidInputException refusal) {
        return of(refusal.problems(), UnaryOperator.identity());
    }

    /** Each field's first problem, under the form field {@code formField} maps the rule's field name to. */
    public Map<String, String> of(InvalidInputException refusal, UnaryOperator<String> formField) {
        return of(refusal.problems(), formField);
    }

    public Map<String, String> of(List<FieldProblem> problems, UnaryOperator<String> formField) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldProblem problem : problems) {
            String field = problem.field() == null ? "general" : formField.apply(problem.field());
            errors.putIfAbsent(field == null ? "general" : field, text(problem));
        }
        return errors;
    }

    /** A refusal (a field problem, a conflict, a policy) in the page's language. */
    public String text(Coded refusal) {
        String code = refusal.code() == null ? UNCODED : refusal.code();
        return messages.getMessage(code, refusal.argsArray(), LocaleContextHolder.getLocale());
    }

    /** A message of the bundles in the page's language. */
    public String text(String code, Object... args) {
        return messages.getMessage(code, args, LocaleContextHolder.getLocale());
    }
}
