package kz.qalqan.platform.csv;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import org.junit.jupiter.api.Test;

class Utf8ReaderTests {

    @Test
    void readsASupplementaryCharacterOneCharAtATime() throws IOException {
        String text = "😀Қ🇰🇿";
        Utf8Reader reader = new Utf8Reader(Chunked.bytes(text.getBytes(UTF_8), 1));
        StringBuilder read = new StringBuilder();
        char[] one = new char[1];

        for (int n = reader.read(one, 0, 1); n != -1; n = reader.read(one, 0, 1)) {
            assertThat(n).isEqualTo(1);
            read.append(one[0]);
        }

        assertThat(read).hasToString(text);
    }

    @Test
    void handsOutTheCharactersBeforeMalformedBytesThenFails() throws IOException {
        byte[] bytes = {'a', 'b', (byte) 0xC3, '(', 'c'};
        Utf8Reader reader = new Utf8Reader(new ByteArrayInputStream(bytes));
        char[] chars = new char[10];

        assertThat(reader.read(chars, 0, 10)).isEqualTo(2);
        assertThat(new String(chars, 0, 2)).isEqualTo("ab");
        assertThatThrownBy(() -> reader.read(chars, 0, 10)).isInstanceOf(MalformedInputException.class);
        assertThatThrownBy(() -> reader.read(chars, 0, 10)).isInstanceOf(MalformedInputException.class);
    }

    @Test
    void keepsTheByteOrderMarkForTheCsvReaderToSkip() throws IOException {
        Utf8Reader reader = new Utf8Reader(new ByteArrayInputStream(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'x'}));
        char[] chars = new char[4];

        assertThat(reader.read(chars, 0, 4)).isEqualTo(2);
        assertThat(chars[0]).isEqualTo('\uFEFF');
        assertThat(reader.read(chars, 0, 4)).isEqualTo(-1);
    }
}
