package kz.qalqan.platform;

import java.util.List;

/** Input that breaks a rule, with every field that is wrong; answered as 400 with an {@code errors} array. */
public class InvalidInputException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidInputException(List<FieldProblem> problems) {
        super(problems.isEmpty() ? "invalid input" : problems.get(0).field() + ": " + problems.get(0).message()
                + (problems.get(0).args().isEmpty() ? "" : " " + problems.get(0).args()));
        this.problems = List.copyOf(problems);
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(List.of(new FieldProblem(field, message)));
    }

    /** One field refused by the rule {@code code} (a message key) with these arguments. */
    public static InvalidInputException coded(String field, String code, Object... args) {
        return new InvalidInputException(List.of(FieldProblem.of(field, code, args)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
