package kz.qalqan.platform;

import java.util.List;

/**
 * A refusal given as a message code and its arguments rather than as a sentence: the code is a key of the
 * kk/ru/en message bundles, so the API and the pages can say it in the reader's language.
 */
public interface Coded {

    /** The message key, or {@code null} for an old-style refusal that carries only an English sentence. */
    String code();

    List<Object> args();

    default Object[] argsArray() {
        return args().toArray();
    }
}
