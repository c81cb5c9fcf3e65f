package kz.qalqan.identity.web;

import kz.qalqan.platform.Coded;
import kz.qalqan.platform.FieldProblem;
import org.springframework.validation.BindingResult;

import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A rule's coded refusals on a form's binding: each problem next to its form field, or above the form when it
 * is about no field of it. The binding resolves the code with its arguments in the page's language; nothing is
 * read from a refusal's wording.
 */
final class Refusals {

    /** Said for an old-style refusal without a code, so that no English sentence reaches the page. */
    static final String UNCODED = "platform.form.invalid";

    private Refusals() {
    }

    /**
     * @param fields    the form's fields
     * @param formField the form field a rule's field name is shown at (identity when they are the same)
     */
    static void reject(BindingResult binding, List<FieldProblem> problems, Set<String> fields,
                       UnaryOperator<String> formField) {
        for (FieldProblem problem : problems) {
            String field = problem.field() == null ? null : formField.apply(problem.field());
            if (field != null && (fields.contains(field) || field.startsWith("grants["))) {
                rejectField(binding, field, problem);
            } else {
                rejectForm(binding, problem);
            }
        }
    }

    static void rejectField(BindingResult binding, String field, Coded refusal) {
        binding.rejectValue(field, code(refusal), refusal.argsArray(), null);
    }

    static void rejectForm(BindingResult binding, Coded refusal) {
        binding.reject(code(refusal), refusal.argsArray(), null);
    }

    private static String code(Coded refusal) {
        return refusal.code() == null ? UNCODED : refusal.code();
    }
}
