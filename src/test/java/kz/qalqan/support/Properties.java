package kz.qalqan.support;

import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A tiny, seeded property-testing helper for plain JUnit tests: runs a property against many random
 * inputs and, when one fails, reports the try and the seed that reproduce it.
 *
 * <p>Every try gets its own random generator derived from the seed and the try number only
 * ({@link #randomFor(long, int)}), so a failure reproduces with the same seed regardless of what other
 * tries did. The seed is the system property {@value #SEED_PROPERTY} when set (a number, or
 * {@code random} for a fresh one), else {@link #FIXED_SEED}, so ordinary runs are reproducible:
 * {@code mvn test -Dtest=IinPropertyTests -Dqalqan.seed=-4242}.
 *
 * <p>{@link #assume(boolean)} discards a try; discarded tries do not count toward {@code tries}, but a
 * property that discards more than {@value #MAX_DISCARD_RATIO} times as many tries as it checks fails.
 * There is no shrinking: generators should favour small and boundary values themselves, as
 * {@link #between(SplittableRandom, int, int)} does.
 */
public final class Properties {

    public static final String SEED_PROPERTY = "qalqan.seed";
    public static final long FIXED_SEED = 0x51A1_0A11_2024_0001L;
    public static final int DEFAULT_TRIES = 1000;
    public static final int MAX_DISCARD_RATIO = 5;

    /** One in this many calls of {@code between} returns a bound instead of a uniform value. */
    private static final int EDGE_ODDS = 16;

    private Properties() {
    }

    /** {@value #DEFAULT_TRIES} tries of the property with the {@linkplain #defaultSeed() default seed}. */
    public static void forAll(Consumer<SplittableRandom> property) {
        forAll(DEFAULT_TRIES, defaultSeed(), property);
    }

    public static void forAll(int tries, Consumer<SplittableRandom> property) {
        forAll(tries, defaultSeed(), property);
    }

    /** Runs the property until {@code tries} tries pass without being discarded, each with its own generator. */
    public static void forAll(int tries, long seed, Consumer<SplittableRandom> property) {
        run(tries, seed, random -> random, property, false);
    }

    /** Like {@link #forAll(Consumer)}, and a failure also reports the generated sample. */
    public static <T> void forAll(Function<SplittableRandom, T> generator, Consumer<T> property) {
        forAll(DEFAULT_TRIES, defaultSeed(), generator, property);
    }

    public static <T> void forAll(int tries, long seed, Function<SplittableRandom, T> generator, Consumer<T> property) {
        run(tries, seed, generator, property, true);
    }

    /** Discards the current try when the condition does not hold: the input is outside the property's premise. */
    public static void assume(boolean condition) {
        if (!condition) {
            throw Discarded.INSTANCE;
        }
    }

    public static long defaultSeed() {
        String value = System.getProperty(SEED_PROPERTY);
        if (value == null || value.isBlank()) {
            return FIXED_SEED;
        }
        if (value.strip().equalsIgnoreCase("random")) {
            return new SplittableRandom().nextLong();
        }
        try {
            return Long.decode(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + SEED_PROPERTY + " must be a long or 'random', not '" + value + "'", e);
        }
    }

    /** The generator of one try: depends on the seed and the try number only. */
    public static SplittableRandom randomFor(long seed, int attempt) {
        return new SplittableRandom(mix(seed ^ mix(attempt)));
    }

    // ---- generators ---------------------------------------------------------------------------

    /** A value in [min, max], either bound with odds 1 in {@value #EDGE_ODDS}, otherwise uniform. */
    public static int between(SplittableRandom random, int min, int max) {
        return (int) between(random, (long) min, (long) max);
    }

    public static long between(SplittableRandom random, long min, long max) {
        if (min > max) {
            throw new IllegalArgumentException(min + " > " + max);
        }
        if (random.nextInt(EDGE_ODDS) == 0) {
            return random.nextBoolean() ? min : max;
        }
        if (max < Long.MAX_VALUE) {
            return random.nextLong(min, max + 1);
        }
        return min > Long.MIN_VALUE ? random.nextLong(min - 1, max) + 1 : random.nextLong();
    }

    /** A string of length in [minLength, maxLength] (boundaries favoured) made of the given characters. */
    public static String stringOf(SplittableRandom random, String chars, int minLength, int maxLength) {
        int length = between(random, minLength, maxLength);
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(chars.charAt(random.nextInt(chars.length())));
        }
        return s.toString();
    }

    public static String digits(SplittableRandom random, int minLength, int maxLength) {
        return stringOf(random, "0123456789", minLength, maxLength);
    }

    @SafeVarargs
    public static <T> T oneOf(SplittableRandom random, T... values) {
        return values[random.nextInt(values.length)];
    }

    // ---- runner ---------------------------------------------------------------------------------

    private static <T> void run(int tries, long seed, Function<SplittableRandom, T> generator, Consumer<T> property,
            boolean reportSample) {
        if (tries < 1) {
            throw new IllegalArgumentException("tries must be positive: " + tries);
        }
        int checks = 0;
        int discarded = 0;
        for (int attempt = 1; checks < tries; attempt++) {
            T sample = null;
            boolean generated = false;
            try {
                sample = generator.apply(randomFor(seed, attempt));
                generated = true;
                property.accept(sample);
                checks++;
            } catch (Discarded d) {
                discarded++;
                if (discarded > (long) MAX_DISCARD_RATIO * tries) {
                    throw new AssertionError(String.format(
                            "Property discarded %d of %d tries (only %d checked of %d wanted); seed %d (-D%s=%d)",
                            discarded, attempt, checks, tries, seed, SEED_PROPERTY, seed));
                }
            } catch (RuntimeException | AssertionError e) {
                String message = String.format("Property failed on try %d (after %d passed) with seed %d;"
                        + " reproduce with -D%s=%d", attempt, checks, seed, SEED_PROPERTY, seed);
                if (!generated) {
                    message += System.lineSeparator() + "(while generating the sample)";
                } else if (reportSample) {
                    message += System.lineSeparator() + "sample: " + sample;
                }
                throw new AssertionError(message + System.lineSeparator() + e, e);
            }
        }
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static final class Discarded extends RuntimeException {
        static final Discarded INSTANCE = new Discarded();

        private Discarded() {
            super("try discarded by Properties.assume", null, false, false);
        }
    }
}
