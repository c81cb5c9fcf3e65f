package kz.qalqan.incident.internal;

import kz.qalqan.incident.CorrectiveAction;
import kz.qalqan.incident.IncidentStatus;
import kz.qalqan.platform.ConflictException;
import kz.qalqan.shared.Role;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IncidentWorkflowPolicyTests {

    private static final Instant NOW = Instant.parse("2026-07-10T06:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-07-10");

    private static CorrectiveAction open(long id) {
        return new CorrectiveAction(id, "Shade and water at the halt", "Lt Serikov", TODAY.plusDays(7), null, null);
    }

    @Test
    void anIncidentGoesThroughItsWorkflowInOrder() {
        Incident incident = new Incident(1, IncidentStatus.REPORTED, List.of(), 0);

        incident.startInvestigation("safety", NOW);
        assertThat(incident.status()).isEqualTo(IncidentStatus.UNDER_INVESTIGATION);
        incident.addAction("Shade and water at the halt", "Lt Serikov", TODAY.plusDays(7), "safety", NOW);
        assertThat(incident.status()).isEqualTo(IncidentStatus.CORRECTIVE_ACTIONS);

        Incident reloaded = new Incident(1, IncidentStatus.CORRECTIVE_ACTIONS, List.of(open(5)), 2);
        reloaded.completeAction(5, TODAY, "safety");
        Incident.Closed closed = reloaded.close("  Heat plan followed; halts now shaded.  ", "safety", NOW);
        assertThat(reloaded.status()).isEqualTo(IncidentStatus.CLOSED);
        assertThat(closed.review()).isEqualTo("Heat plan followed; halts now shaded.");
    }

    @Test
    void anIncidentMayCloseAfterItsInvestigationWhenNoActionIsNeeded() {
        Incident incident = new Incident(1, IncidentStatus.UNDER_INVESTIGATION, List.of(), 1);

        incident.close("No cause within our control: a bee sting.", "safety", NOW);

        assertThat(incident.status()).isEqualTo(IncidentStatus.CLOSED);
    }

    @Test
    void rejectsClosingANewReport() {
        Incident incident = new Incident(1, IncidentStatus.REPORTED, List.of(), 0);

        assertThatThrownBy(() -> incident.close("done", "safety", NOW)).isInstanceOf(ConflictException.class)
                .hasFieldOrPropertyWithValue("code", "incident.rejected.notInvestigated");
        assertThat(incident.status()).isEqualTo(IncidentStatus.REPORTED);
    }

    @Test
    void rejectsClosingWhileActionsAreOpen() {
        Incident incident = new Incident(1, IncidentStatus.CORRECTIVE_ACTIONS, List.of(open(5), open(6)), 2);

        assertThatThrownBy(() -> incident.close("done", "safety", NOW))
                .hasFieldOrPropertyWithValue("code", "incident.rejected.openActions").hasFieldOrPropertyWithValue("args", List.of(2L));
        incident.completeAction(5, TODAY, "safety");
        assertThatThrownBy(() -> incident.close("done", "safety", NOW))
                .hasFieldOrPropertyWithValue("code", "incident.rejected.openActions").hasFieldOrPropertyWithValue("args", List.of(1L));
    }

    @Test
    void rejectsClosingWithoutAReview() {
        Incident incident = new Incident(1, IncidentStatus.UNDER_INVESTIGATION, List.of(), 1);

        assertThatThrownBy(() -> incident.close("  ", "safety", NOW))
                .hasFieldOrPropertyWithValue("code", "incident.rejected.reviewNeeded");
    }

    @Test
    void rejectsActionsBeforeTheInvestigationAndAnyChangeAfterClosing() {
        assertThatThrownBy(() -> new Incident(1, IncidentStatus.REPORTED, List.of(), 0)
                .addAction("x", "y", TODAY, "safety", NOW))
                .hasFieldOrPropertyWithValue("code", "incident.rejected.investigateFirst");
        Incident closed = new Incident(1, IncidentStatus.CLOSED, List.of(open(5)), 4);
        assertThatThrownBy(() -> closed.startInvestigation("safety", NOW)).hasFieldOrPropertyWithValue("code", "incident.rejected.closed");
        assertThatThrownBy(() -> closed.addAction("x", "y", TODAY, "safety", NOW)).hasFieldOrPropertyWithValue("code", "incident.rejected.closed");
        assertThatThrownBy(() -> closed.completeAction(5, TODAY, "safety")).hasFieldOrPropertyWithValue("code", "incident.rejected.closed");
        assertThatThrownBy(() -> closed.close("again", "safety", NOW)).hasFieldOrPropertyWithValue("code", "incident.rejected.closed");
    }

    @Test
    void rejectsStartingTheInvestigationTwiceAndCompletingAnActionTwice() {
        assertThatThrownBy(() -> new Incident(1, IncidentStatus.UNDER_INVESTIGATION, List.of(), 1)
                .startInvestigation("safety", NOW)).hasFieldOrPropertyWithValue("code", "incident.rejected.alreadyInvestigating");
        CorrectiveAction done = new CorrectiveAction(5, "x", "y", TODAY, TODAY, "safety");
        assertThatThrownBy(() -> new Incident(1, IncidentStatus.CORRECTIVE_ACTIONS, List.of(done), 2)
                .completeAction(5, TODAY, "safety")).hasFieldOrPropertyWithValue("code", "incident.rejected.actionDone").hasFieldOrPropertyWithValue("args", List.of("10.07.2026"));
    }

    @Test
    void theSafetyChainIsTheUnitCommanderAndTheDistrictAndRegionSafetyOfficers() {
        assertThat(SafetyChain.of("KZ-75/d12/u34/u56/", true)).containsExactly(
                new SafetyChain.Link(Role.COMMANDER, "KZ-75/d12/u34/u56/"),
                new SafetyChain.Link(Role.SAFETY_OFFICER, "KZ-75/d12/"),
                new SafetyChain.Link(Role.SAFETY_OFFICER, "KZ-75/"));
        assertThat(SafetyChain.of("KZ-71/u9/", true)).containsExactly(
                new SafetyChain.Link(Role.COMMANDER, "KZ-71/u9/"),
                new SafetyChain.Link(Role.SAFETY_OFFICER, "KZ-71/"));
        assertThat(SafetyChain.of("KZ-11/", false)).containsExactly(new SafetyChain.Link(Role.SAFETY_OFFICER, "KZ-11/"));
    }
}
