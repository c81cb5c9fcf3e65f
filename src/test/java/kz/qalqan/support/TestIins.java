package kz.qalqan.support;

import kz.qalqan.shared.Iin;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

/** Fresh valid synthetic IINs, so tests never collide with each other's data in a shared database. */
public final class TestIins {

    private TestIins() {
    }

    public static String random() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        while (true) {
            LocalDate birth = LocalDate.of(1970, 1, 1).plusDays(r.nextInt(365 * 35));
            boolean male = r.nextBoolean();
            String prefix = String.format("%02d%02d%02d%d%04d", birth.getYear() % 100, birth.getMonthValue(),
                    birth.getDayOfMonth(), male ? 3 : 4, r.nextInt(10_000));
            int check = Iin.checkDigit(prefix);
            if (check >= 0) {
                return prefix + check;
            }
        }
    }
}
