package kz.qalqan.shared;

public class InvalidIinException extends IllegalArgumentException {
    private final IinProblem problem;

    public InvalidIinException(IinProblem problem) {
        super(problem.reason());
        this.problem = problem;
    }

    public IinProblem problem() {
        return problem;
    }
}
