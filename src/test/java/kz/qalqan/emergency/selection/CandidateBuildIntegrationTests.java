package kz.qalqan.emergency.selection;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** A start builds the candidate index only if it was never built, even when it is empty. */
@SpringBootTest
class CandidateBuildIntegrationTests {

    @Autowired
    Candidates candidates;

    @Autowired
    CandidateListeners listeners;

    @Autowired
    JdbcClient jdbc;

    OffsetDateTime builtAt() {
        return jdbc.sql("select built_at from emergency.candidate_build").query(OffsetDateTime.class).optional().orElse(null);
    }

    @Test
    void aRestartReadsTheBuiltIndexAsItIsAndOnlyANeverBuiltIndexIsBuiltAtStart() {
        long members = candidates.rebuild();
        OffsetDateTime built = builtAt();
        assertThat(candidates.built()).isTrue();
        assertThat(jdbc.sql("select members from emergency.candidate_build").query(Long.class).single()).isEqualTo(members);

        listeners.onStart();
        assertThat(builtAt()).as("nothing rebuilt at start").isEqualTo(built);

        jdbc.sql("delete from emergency.candidate_build").update();
        assertThat(candidates.built()).isFalse();
        listeners.onStart();
        assertThat(candidates.built()).as("built at start when it never was").isTrue();
        assertThat(builtAt()).isAfter(built);
    }
}
