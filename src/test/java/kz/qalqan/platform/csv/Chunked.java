package kz.qalqan.platform.csv;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;

/** Sources that hand out at most a few characters or bytes per read, to push every boundary through the parser. */
final class Chunked {

    private Chunked() {
    }

    static Reader reader(String text, int chunk) {
        return new Reader() {
            private final StringReader in = new StringReader(text);

            @Override
            public int read(char[] target, int offset, int length) throws java.io.IOException {
                return in.read(target, offset, Math.min(length, chunk));
            }

            @Override
            public void close() {
                in.close();
            }
        };
    }

    static InputStream bytes(byte[] bytes, int chunk) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] target, int offset, int length) {
                return super.read(target, offset, Math.min(length, chunk));
            }
        };
    }
}
