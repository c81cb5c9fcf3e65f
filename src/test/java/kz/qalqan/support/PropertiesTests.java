package kz.qalqan.support;

import static kz.qalqan.support.Properties.assume;
import static kz.qalqan.support.Properties.forAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class PropertiesTests {

    @Test
    void runsThePropertyOncePerTry() {
        AtomicInteger calls = new AtomicInteger();
        forAll(250, 1L, random -> calls.incrementAndGet());
        assertThat(calls).hasValue(250);

        calls.set(0);
        forAll(random -> calls.incrementAndGet());
        assertThat(calls).hasValue(Properties.DEFAULT_TRIES);
    }

    @Test
    void sameSeedGivesTheSameInputsAndEachTryItsOwn() {
        List<Long> first = new ArrayList<>();
        List<Long> second = new ArrayList<>();
        List<Long> otherSeed = new ArrayList<>();
        forAll(100, 42L, random -> first.add(random.nextLong()));
        forAll(100, 42L, random -> second.add(random.nextLong()));
        forAll(100, 43L, random -> otherSeed.add(random.nextLong()));

        assertThat(second).isEqualTo(first);
        assertThat(new HashSet<>(first)).hasSize(100);
        assertThat(otherSeed).doesNotContainAnyElementsOf(first);
        assertThat(Properties.randomFor(42L, 7).nextLong()).isEqualTo(first.get(6));
    }

    @Test
    void failureReportsTheTryAndTheSeedThatReproduceIt() {
        long seed = -987_654_321L;
        AtomicInteger calls = new AtomicInteger();

        AssertionError failure = catchThrowableOfType(AssertionError.class, () -> forAll(1000, seed, random -> {
            calls.incrementAndGet();
            assertThat(random.nextInt(50)).isNotZero();
        }));

        int failingTry = calls.get();
        assertThat(failingTry).isBetween(1, 1000);
        assertThat(failure)
                .hasMessageContaining("try " + failingTry + " ")
                .hasMessageContaining("seed " + seed)
                .hasMessageContaining("-Dqalqan.seed=" + seed)
                .hasCauseInstanceOf(AssertionError.class);
        // the reported try and seed alone reproduce the failing input
        assertThat(Properties.randomFor(seed, failingTry).nextInt(50)).isZero();
        for (int earlier = 1; earlier < failingTry; earlier++) {
            assertThat(Properties.randomFor(seed, earlier).nextInt(50)).isNotZero();
        }
    }

    @Test
    void failureOfAGeneratedSampleReportsTheSample() {
        assertThatThrownBy(() -> forAll(100, 5L, random -> "n=%d" + random.nextInt(10),
                s -> assertThat(s).doesNotEndWith("7")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("with seed 5;")
                .hasMessageContaining("sample: n=%d7");
    }

    @Test
    void exceptionsOtherThanAssertionsAlsoFailWithTheSeed() {
        assertThatThrownBy(() -> forAll(10, 3L, random -> {
            throw new IllegalStateException("boom");
        }))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("try 1 ")
                .hasMessageContaining("seed 3")
                .hasRootCauseMessage("boom");
    }

    @Test
    void discardedTriesDoNotCountButTooManyFail() {
        AtomicInteger checked = new AtomicInteger();
        forAll(200, 9L, random -> {
            assume(random.nextBoolean());
            checked.incrementAndGet();
        });
        assertThat(checked).hasValue(200);

        assertThatThrownBy(() -> forAll(10, 9L, random -> assume(false)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("discarded 51 of 51 tries")
                .hasMessageContaining("seed 9");
    }

    @Test
    void defaultSeedComesFromTheSystemPropertyElseIsFixed() {
        String saved = System.getProperty(Properties.SEED_PROPERTY);
        try {
            System.clearProperty(Properties.SEED_PROPERTY);
            assertThat(Properties.defaultSeed()).isEqualTo(Properties.FIXED_SEED);
            System.setProperty(Properties.SEED_PROPERTY, "-12345");
            assertThat(Properties.defaultSeed()).isEqualTo(-12345L);
            System.setProperty(Properties.SEED_PROPERTY, "0x10");
            assertThat(Properties.defaultSeed()).isEqualTo(16L);
            System.setProperty(Properties.SEED_PROPERTY, "nonsense");
            assertThatThrownBy(Properties::defaultSeed).hasMessageContaining("qalqan.seed");
        } finally {
            if (saved == null) {
                System.clearProperty(Properties.SEED_PROPERTY);
            } else {
                System.setProperty(Properties.SEED_PROPERTY, saved);
            }
        }
    }

    @Test
    void betweenStaysInRangeAndHitsBothBounds() {
        Set<Integer> seen = new HashSet<>();
        forAll(2000, 11L, random -> {
            int value = Properties.between(random, -3, 3);
            assertThat(value).isBetween(-3, 3);
            seen.add(value);
        });
        assertThat(seen).containsExactlyInAnyOrder(-3, -2, -1, 0, 1, 2, 3);

        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 1000; i++) {
            assertThat(Properties.between(random, Long.MIN_VALUE, Long.MAX_VALUE)).isNotNull();
            assertThat(Properties.between(random, Long.MAX_VALUE - 1, Long.MAX_VALUE)).isGreaterThanOrEqualTo(Long.MAX_VALUE - 1);
            assertThat(Properties.stringOf(random, "ab", 2, 4)).hasSizeBetween(2, 4).matches("[ab]*");
        }
    }
}
