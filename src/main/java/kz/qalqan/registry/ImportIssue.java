package kz.qalqan.registry;

import kz.qalqan.platform.Coded;

import java.util.Arrays;
import java.util.List;

/**
 * One problem found in an import file: the physical line (header = 1), the CSV column, the value as
 * written and the reason. Used for rejections and for review warnings alike. The reason is a message
 * {@code code} with its {@code args}, said in the reader's language; {@code message} is that text once said
 * (reports stored before the codes existed carry only an English message and no code).
 */
public record ImportIssue(long line, String column, String value, String message, String code, List<Object> args)
        implements Coded {

    public ImportIssue {
        args = args == null ? List.of() : List.copyOf(args);
    }

    /** A problem refused by the rule {@code code} (a message key) with these arguments. */
    public static ImportIssue of(long line, String column, String value, String code, Object... args) {
        return new ImportIssue(line, column, value, code, code, Arrays.asList(args));
    }

    /** The same problem with its reason said in a reader's language. */
    public ImportIssue withMessage(String text) {
        return new ImportIssue(line, column, value, text, code, args);
    }
}
