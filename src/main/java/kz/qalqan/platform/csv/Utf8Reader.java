package kz.qalqan.platform.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Strict UTF-8 decoding. Unlike {@link java.io.InputStreamReader} it hands out every character decoded
 * before a malformed byte sequence and fails only on the next read, so {@link CsvReader} can name the
 * exact line of the bad bytes; and it never silently substitutes U+FFFD, which would corrupt names.
 */
final class Utf8Reader extends Reader {

    private static final int BUFFER_SIZE = 64 * 1024;

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER_SIZE).flip();
    private boolean endOfInput;
    private boolean finished;
    private CharacterCodingException failure;
    /** The second of two characters decoded for a one-character read, or -1. */
    private int pendingChar = -1;

    Utf8Reader(InputStream in) {
        this.in = Objects.requireNonNull(in, "in");
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, target.length);
        if (length == 0) {
            return 0;
        }
        if (pendingChar >= 0) {
            target[offset] = (char) pendingChar;
            pendingChar = -1;
            return 1;
        }
        if (failure != null) {
            throw failure;
        }
        if (finished) {
            return -1;
        }
        if (length == 1) {
            return readOne(target, offset);
        }
        CharBuffer out = CharBuffer.wrap(target, offset, length);
        for (;;) {
            CoderResult result = decoder.decode(bytes, out, endOfInput);
            if (result.isError()) {
                failure = new MalformedInputException(result.length());
                if (out.position() > offset) {
                    return out.position() - offset;
                }
                throw failure;
            }
            if (result.isOverflow() || out.position() > offset) {
                return out.position() - offset;
            }
            if (endOfInput) {
                decoder.flush(out);
                finished = true;
                return out.position() > offset ? out.position() - offset : -1;
            }
            readBytes();
        }
    }

    /** A supplementary character needs two chars, so a one-char read decodes two and keeps the second. */
    private int readOne(char[] target, int offset) throws IOException {
        char[] pair = new char[2];
        int n = read(pair, 0, 2);
        if (n <= 0) {
            return n;
        }
        target[offset] = pair[0];
        if (n == 2) {
            pendingChar = pair[1];
        }
        return 1;
    }

    private void readBytes() throws IOException {
        bytes.compact();
        try {
            int n = in.read(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
            if (n < 0) {
                endOfInput = true;
            } else {
                bytes.position(bytes.position() + n);
            }
        } finally {
            bytes.flip();
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
