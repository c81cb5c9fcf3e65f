package kz.qalqan.training.web;

import kz.qalqan.platform.Coded;
import kz.qalqan.platform.InvalidInputException;
import kz.qalqan.training.QualificationCode;
import kz.qalqan.training.Qualifications;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Training's words for the pages, reachable from templates as {@code @trainingNames}: a qualification's name in
 * the page's language instead of its catalogue code (the names are catalogue data), and a refusal of a training
 * rule said in the page's language with the qualifications in its arguments named.
 */
@Component("trainingNames")
public class TrainingNames {

    private final Qualifications qualifications;
    private final MessageSource messages;

    TrainingNames(Qualifications qualifications, MessageSource messages) {
        this.qualifications = qualifications;
        this.messages = messages;
    }

    /** The qualification's name in the page's language; an unknown code stays as it is. */
    public String qualification(String code) {
        return names().apply(code);
    }

    /** The qualifications' names, joined with commas, in the page's language. */
    public String qualifications(Collection<String> codes) {
        Function<String, String> names = names();
        return codes.stream().map(names).collect(Collectors.joining(", "));
    }

    /** A coded refusal in the page's language. */
    public String text(Coded refusal) {
        return messages.getMessage(refusal.code() == null ? "platform.form.invalid" : refusal.code(), args(refusal),
                locale());
    }

    /** The refusal's arguments with each qualification named in the page's language. */
    Object[] args(Coded refusal) {
        if (refusal.args().stream().noneMatch(QualificationCode.class::isInstance)) {
            return refusal.argsArray();
        }
        Function<String, String> names = names();
        return refusal.args().stream().map(a -> a instanceof QualificationCode q ? names.apply(q.code()) : a).toArray();
    }

    /** Several refusals, each in the page's language, one after the other. */
    public String texts(Collection<? extends Coded> refusals) {
        return refusals.stream().map(this::text).collect(Collectors.joining("; "));
    }

    /** Every problem of a refused input, in the page's language. */
    public String texts(InvalidInputException refusal) {
        return texts(refusal.problems());
    }

    private Function<String, String> names() {
        return qualifications.names(locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
