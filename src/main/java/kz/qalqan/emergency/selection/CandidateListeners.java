package kz.qalqan.emergency.selection;

import kz.qalqan.medical.MedicalRecordChanged;
import kz.qalqan.registry.MemberChanged;
import kz.qalqan.registry.MemberRegistered;
import kz.qalqan.registry.MembersImported;
import kz.qalqan.training.QualificationAwarded;
import kz.qalqan.training.QualificationRevoked;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the candidate index. Changes to one member are applied synchronously, inside the transaction that made
 * them, so the very next selection sees them (issue 6: "a change to a member is seen by the next selection") and
 * a failure here rolls the change back rather than leaving the index silently stale. A bulk import rebuilds the
 * whole index after its commit (its members are new, not changed); until then they are not yet candidates.
 * {@code MemberChanged} and {@code MedicalRecordChanged} come with every member update and every exam or profile
 * (assignment, status and class changes included), so the narrower events of those writes need no listener here.
 * Time-based facts (a qualification or an exam running out, a profile starting or ending) are dated in the row
 * and judged at selection time with the clock, so they need no event.
 */
@Component
class CandidateListeners {

    private final Candidates candidates;

    CandidateListeners(Candidates candidates) {
        this.candidates = candidates;
    }

    @EventListener
    void on(MemberRegistered event) {
        candidates.refresh(event.memberId());
    }

    @EventListener
    void on(MemberChanged event) {
        candidates.refresh(event.memberId());
    }

    @EventListener
    void on(QualificationAwarded event) {
        candidates.refresh(event.memberId());
    }

    @EventListener
    void on(QualificationRevoked event) {
        candidates.refresh(event.memberId());
    }

    @EventListener
    void on(MedicalRecordChanged event) {
        candidates.refresh(event.memberId());
    }

    /**
     * A register that predates the index gets it built once, at start; after that the index is kept by events and
     * read as it is, even when it is empty (no member has a home), so a restart rebuilds nothing.
     */
    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        if (!candidates.built()) {
            candidates.rebuild();
        }
    }

    @ApplicationModuleListener
    void on(MembersImported event) {
        if (event.accepted() > 0) {
            candidates.rebuild();
        }
    }
}
