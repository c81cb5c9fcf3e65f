package kz.qalqan.safety;

import kz.qalqan.audit.AuditTrail;
import kz.qalqan.identity.UserAccount;
import kz.qalqan.identity.UserAdministration;
import kz.qalqan.platform.ConflictException;
import kz.qalqan.platform.FieldProblem;
import kz.qalqan.platform.ForbiddenException;
import kz.qalqan.platform.InvalidInputException;
import kz.qalqan.platform.ListLimit;
import kz.qalqan.platform.NotFoundException;
import kz.qalqan.platform.security.CurrentCaller;
import kz.qalqan.registry.OrgStructure;
import kz.qalqan.registry.Unit;
import kz.qalqan.safety.internal.ApprovalPolicy;
import kz.qalqan.safety.internal.AssessedHazard;
import kz.qalqan.safety.internal.RiskAssessment;
import kz.qalqan.safety.internal.RiskAssessmentRepository;
import kz.qalqan.safety.internal.Worksheet;
import kz.qalqan.safety.internal.WorksheetPdf;
import kz.qalqan.shared.ActivityType;
import kz.qalqan.shared.Caller;
import kz.qalqan.shared.Role;
import kz.qalqan.training.TrainingEvent;
import kz.qalqan.training.TrainingEvents;
import kz.qalqan.shared.Scope;
import kz.qalqan.shared.WorkIntensity;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Deliberate risk assessments (DD Form 2977): prepared by a commander, safety, training officer or admin over
 * the unit, approved by a commander whose echelon matches the overall residual risk ({@link ApprovalAuthority}),
 * never by the preparer. Readers see assessments of their subtree; out of scope is 404. Every write and every
 * read of one assessment is audited in the same transaction. {@link #clearance} tells whether an activity may
 * start.
 */
@Service
@Transactional
public class RiskAssessments {

    public static final ZoneId KAZAKHSTAN = ZoneId.of("Asia/Almaty");
    /** Roles that see the assessments of their subtree. */
    public static final Role[] READERS = {Role.ADMIN, Role.COMMANDER, Role.SAFETY_OFFICER, Role.MEDICAL_OFFICER,
            Role.TRAINING_OFFICER, Role.EMERGENCY_COORDINATOR};
    /** Roles that prepare, edit, submit and review assessments of their subtree. */
    public static final Role[] PREPARERS = {Role.ADMIN, Role.COMMANDER, Role.SAFETY_OFFICER, Role.TRAINING_OFFICER};
    private static final int MAX_HAZARDS = 100;
    private static final int MAX_CONTROLS = 50;

    private final RiskAssessmentRepository repository;
    private final HazardLibrary library;
    private final OrgStructure org;
    private final UserAdministration users;
    private final CurrentCaller caller;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final WorksheetPdf printer;
    private final TrainingEvents trainingEvents;

    RiskAssessments(RiskAssessmentRepository repository, HazardLibrary library, OrgStructure org, UserAdministration users,
                    CurrentCaller caller, AuditTrail audit, ApplicationEventPublisher events, Clock clock, WorksheetPdf printer,
                    TrainingEvents trainingEvents) {
        this.printer = printer;
        this.trainingEvents = trainingEvents;
        this.repository = repository;
        this.library = library;
        this.org = org;
        this.users = users;
        this.caller = caller;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** List filters from a query string; blank means any. {@code pendingForMe} keeps only what awaits the caller. */
    public record Filter(String status, String activityType, Long unitId, String q, boolean pendingForMe) {
    }

    public RiskAssessmentView create(RiskAssessmentCommand command) {
        Caller current = caller.get();
        List<FieldProblem> problems = new ArrayList<>();
        Optional<ActivityKind> kind = ActivityKind.parse(command.activityKind());
        if (kind.isEmpty()) {
            problems.add(new FieldProblem("activityKind", command.activityKind() == null ? "is required"
                    : "must be one of TRAINING_EVENT, OTHER"));
        } else if (kind.get() == ActivityKind.TRAINING_EVENT && command.activityId() == null) {
            problems.add(new FieldProblem("activityId", "is required for a TRAINING_EVENT (the training event's id)"));
        } else if (kind.get() == ActivityKind.TRAINING_EVENT && command.activityId() > 0) {
            try {
                TrainingEvent event = trainingEvents.find(command.activityId());
                if (command.unitId() != null && command.unitId() != event.unitId()) {
                    problems.add(new FieldProblem("unitId", "must be the training event's unit (id " + event.unitId() + ")"));
                }
            } catch (NotFoundException e) {
                problems.add(new FieldProblem("activityId", "no training event with id " + command.activityId() + " in your area"));
            }
        }
        if (command.activityId() != null && command.activityId() <= 0) {
            problems.add(new FieldProblem("activityId", "must be a positive id"));
        }
        Unit unit = null;
        if (command.unitId() == null) {
            problems.add(new FieldProblem("unitId", "is required"));
        } else {
            try {
                unit = org.unit(command.unitId());
            } catch (NotFoundException e) {
                problems.add(new FieldProblem("unitId", "no unit with id " + command.unitId() + " in your area"));
            }
        }
        Worksheet worksheet = worksheet(command, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (!current.scopeFor(PREPARERS).covers(unit.orgPath())) {
            throw new ForbiddenException("Risk assessments are prepared by a commander, safety officer, training officer"
                    + " or administrator over the unit");
        }
        if (command.activityId() != null && repository.activityTaken(kind.get(), command.activityId())) {
            throw new ConflictException("activityId", "this activity already has a risk assessment; revise that one");
        }
        RiskAssessment a = RiskAssessment.prepare(kind.get(), command.activityId(), unit.id(), unit.orgPath(), today(),
                current.username(), displayName(current.username()), worksheet);
        long id;
        try {
            id = repository.insert(a, clock.instant());
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw new ConflictException("activityId", "this activity already has a risk assessment; revise that one");
        }
        audit.record("RISK_ASSESSMENT_CREATE", "risk_assessment", Long.toString(id), a.orgPath(), null,
                kind.get() + " " + a.activityId() + ": " + worksheet.title());
        return view(a);
    }

    /** Changes a DRAFT or DISAPPROVED assessment; unit and activity stay as created. */
    public RiskAssessmentView update(long id, RiskAssessmentCommand command) {
        RiskAssessment a = preparable(id);
        List<FieldProblem> problems = new ArrayList<>();
        if (command.unitId() != null && command.unitId() != a.unitId()) {
            problems.add(new FieldProblem("unitId", "cannot change; prepare a new assessment for another unit"));
        }
        if (command.activityKind() != null && ActivityKind.parse(command.activityKind()).orElse(null) != a.activityKind()) {
            problems.add(new FieldProblem("activityKind", "cannot change"));
        }
        if (command.activityId() != null && !command.activityId().equals(a.activityId())) {
            problems.add(new FieldProblem("activityId", "cannot change"));
        }
        Worksheet worksheet = worksheet(command, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        a.revise(worksheet);
        return saved(a, "RISK_ASSESSMENT_UPDATE", null);
    }

    /**
     * The review of ATP 5-19 step 5: replaces the hazards in any state. An APPROVED assessment whose overall
     * residual risk rises above the approved level returns to SUBMITTED and {@link ActivityRiskRaised} is published.
     */
    public RiskAssessmentView reviewHazards(long id, List<RiskAssessmentCommand.HazardCommand> hazards, String overallResidualRisk) {
        RiskAssessment a = preparable(id);
        List<FieldProblem> problems = new ArrayList<>();
        List<AssessedHazard> checked = hazards(hazards == null ? List.of() : hazards, problems);
        RiskLevel declared = declared(overallResidualRisk, checked, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Caller current = caller.get();
        a.review(checked, declared, current.username(), displayName(current.username()), clock.instant());
        return saved(a, "RISK_ASSESSMENT_REVIEW", null);
    }

    public RiskAssessmentView submit(long id) {
        RiskAssessment a = preparable(id);
        Caller current = caller.get();
        a.submit(current.username(), displayName(current.username()), clock.instant());
        return saved(a, "RISK_ASSESSMENT_SUBMIT", "for " + a.requiredAuthority());
    }

    public RiskAssessmentView approve(long id) {
        RiskAssessment a = decidable(id);
        a.approve(approver(a), clock.instant());
        return saved(a, "RISK_ASSESSMENT_APPROVE", "approved at " + a.approvedLevel() + " by " + a.approvedAuthority());
    }

    public RiskAssessmentView disapprove(long id, String reason) {
        RiskAssessment a = decidable(id);
        a.disapprove(approver(a), reason, clock.instant());
        return saved(a, "RISK_ASSESSMENT_DISAPPROVE", reason == null ? null : reason.trim());
    }

    public RiskAssessmentView recordLessons(long id, String lessons) {
        RiskAssessment a = preparable(id);
        a.recordLessons(lessons, today());
        return saved(a, "RISK_ASSESSMENT_LESSONS", null);
    }

    /**
     * Puts an activity's weather hazards into its assessment: the hazards with the given library codes are
     * replaced by {@code hazards} (none: removed), the rest stay. The overall residual risk never drops by
     * this (what the preparer or approver saw stays the floor); a rise above the approved level sends the
     * assessment back for approval, as any review does. Nothing happens when the activity has no
     * assessment yet, or the weather hazards are already as given.
     */
    public ActivityWeather.AssessmentEffect applyEnvironment(ActivityKind kind, long activityId, java.util.Set<String> codes,
                                                             List<RiskAssessmentCommand.HazardCommand> hazards) {
        Optional<RiskAssessment> found = repository.findByActivity(kind, activityId);
        if (found.isEmpty()) {
            return new ActivityWeather.AssessmentEffect(null, null, null, false, null);
        }
        RiskAssessmentView current = find(found.get().id());
        List<RiskAssessmentCommand.HazardCommand> kept = new ArrayList<>();
        List<RiskAssessmentCommand.HazardCommand> before = new ArrayList<>();
        for (RiskAssessmentView.HazardView h : current.hazards()) {
            RiskAssessmentCommand.HazardCommand command = new RiskAssessmentCommand.HazardCommand(h.subTask(), h.hazardCode(),
                    h.hazardCode() != null && codes.contains(h.hazardCode()) ? null : h.hazard(), h.probability().name(),
                    h.severity().name(), h.controls().stream()
                    .map(c -> new RiskAssessmentCommand.ControlCommand(c.control(), c.how(), c.who())).toList(),
                    h.residualProbability().name(), h.residualSeverity().name());
            (h.hazardCode() != null && codes.contains(h.hazardCode()) ? before : kept).add(command);
        }
        if (before.equals(hazards)) {
            return new ActivityWeather.AssessmentEffect(current.id(), current.overallResidualRisk(),
                    current.overallResidualRisk(), false, current.status());
        }
        kept.addAll(hazards);
        RiskLevel floor = current.overallResidualRisk();
        RiskLevel declared = floor;
        for (RiskAssessmentCommand.HazardCommand h : kept) {
            RiskLevel residual = RiskMatrix.level(Probability.valueOf(h.residualProbability()), Severity.valueOf(h.residualSeverity()));
            declared = declared == null ? residual : RiskLevel.max(declared, residual);
        }
        RiskAssessmentView after = reviewHazards(current.id(), kept, declared == null ? null : declared.name());
        boolean back = current.status() == AssessmentStatus.APPROVED && after.status() == AssessmentStatus.SUBMITTED;
        return new ActivityWeather.AssessmentEffect(current.id(), floor, after.overallResidualRisk(), back, after.status());
    }

    /** One assessment the caller may read; the read is audited. */
    public RiskAssessmentView find(long id) {
        RiskAssessment a = readable(id);
        audit.record("RISK_ASSESSMENT_READ", "risk_assessment", Long.toString(id), a.orgPath(), null, null);
        return view(a);
    }

    /** The worksheet as a PDF laid out like DD Form 2977, labelled in {@code locale}; audited as a read. */
    public byte[] pdf(long id, java.util.Locale locale) {
        RiskAssessmentView view = find(id);
        String unitName;
        try {
            Unit unit = org.unit(view.unitId());
            unitName = unit.name() + " (" + unit.code() + ")";
        } catch (NotFoundException e) {
            unitName = "#" + view.unitId();
        }
        return printer.print(view, unitName, locale);
    }

    /** What the caller may do with the assessment now (no audit: the page that asks has read it). */
    @Transactional(readOnly = true)
    public DecisionRights rights(long id) {
        RiskAssessment a = readable(id);
        Caller current = caller.get();
        boolean preparer = current.scopeFor(PREPARERS).covers(a.orgPath());
        RiskLevel overall = a.overallResidualRisk();
        ApprovalPolicy.Verdict verdict = overall == null ? null
                : ApprovalPolicy.check(current, a.preparedBy(), a.orgPath(), overall);
        boolean decide = a.status() == AssessmentStatus.SUBMITTED && verdict != null && verdict.allowed();
        return new DecisionRights(preparer && a.status().editable(), preparer, preparer && a.status().editable(), decide,
                preparer && !today().isBefore(a.worksheet().beginsOn()),
                ApprovalPolicy.echelon(current.grants(), a.orgPath()).orElse(null),
                verdict == null ? null : verdict.reason());
    }

    @Transactional(readOnly = true)
    public List<RiskAssessmentSummary> list(Filter filter) {
        Caller current = caller.get();
        List<FieldProblem> problems = new ArrayList<>();
        AssessmentStatus status = null;
        if (filter.status() != null && !filter.status().isBlank()) {
            try {
                status = AssessmentStatus.valueOf(filter.status().trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("status", "must be one of DRAFT, SUBMITTED, APPROVED, DISAPPROVED"));
            }
        }
        ActivityType type = null;
        if (filter.activityType() != null && !filter.activityType().isBlank()) {
            type = ActivityType.parse(filter.activityType()).orElse(null);
            if (type == null) {
                problems.add(new FieldProblem("activityType", "is not a known activity type"));
            }
        }
        String prefix = null;
        if (filter.unitId() != null) {
            try {
                prefix = org.unit(filter.unitId()).orgPath();
            } catch (NotFoundException e) {
                problems.add(new FieldProblem("unit", "no unit with id " + filter.unitId() + " in your area"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String q = filter.q() == null || filter.q().isBlank() ? null : filter.q().trim();
        if (filter.pendingForMe()) {
            AssessmentStatus s = status;
            ActivityType t = type;
            String p = prefix;
            return pendingAssessments().stream()
                    .filter(a -> s == null || a.status() == s)
                    .filter(a -> t == null || a.worksheet().activityType() == t)
                    .filter(a -> q == null || a.worksheet().title().toLowerCase().contains(q.toLowerCase()))
                    .filter(a -> p == null || a.orgPath().startsWith(p))
                    .map(RiskAssessments::summary)
                    .toList();
        }
        return repository.list(new RiskAssessmentRepository.Filter(status, type, prefix, q, 500), current.scopeFor(READERS));
    }

    /** SUBMITTED assessments in the caller's COMMANDER scope whose required authority the caller holds. */
    @Transactional(readOnly = true)
    public List<RiskAssessmentSummary> pending() {
        return pendingAssessments().stream().map(RiskAssessments::summary).toList();
    }

    private List<RiskAssessment> pendingAssessments() {
        Caller current = caller.get();
        return repository.submittedFor(current.scopeFor(Role.COMMANDER), current.username()).stream()
                .filter(a -> ApprovalPolicy.check(current, a.preparedBy(), a.orgPath(), a.overallResidualRisk()).allowed())
                .toList();
    }

    /**
     * Whether the activity may start: an APPROVED assessment whose approved level covers its current overall
     * residual risk. The answer for an activity without an assessment is "not cleared"; an assessment outside
     * the caller's area is not found. Meant for training (through its start and attendance checks) as well as
     * for the API.
     */
    @Transactional(readOnly = true)
    public Clearance clearance(ActivityKind kind, long activityId) {
        Optional<RiskAssessment> found = repository.findByActivity(kind, activityId);
        if (found.isEmpty()) {
            return Clearance.noAssessment(kind, activityId);
        }
        RiskAssessment a = found.get();
        if (!caller.get().scopeFor(READERS).covers(a.orgPath())) {
            throw new NotFoundException("No risk assessment " + kind + " " + activityId + " in your area");
        }
        RiskLevel overall = a.overallResidualRisk();
        ApprovalAuthority needed = a.requiredAuthority();
        String reason;
        if (a.cleared()) {
            reason = "Approved at " + ApprovalPolicy.words(a.approvedLevel()) + " by " + a.approvedByName() + " ("
                    + a.approvedAuthority().description() + ")";
        } else {
            reason = switch (a.status()) {
                case DRAFT -> "The risk assessment is a draft: it must be submitted and approved"
                        + (needed == null ? "" : " by " + needed.description());
                case SUBMITTED -> "The risk assessment (overall residual risk " + ApprovalPolicy.words(overall)
                        + ") awaits approval by " + needed.description();
                case DISAPPROVED -> "The risk assessment was disapproved; revise and resubmit it";
                case APPROVED -> "Overall residual risk " + ApprovalPolicy.words(overall) + " is above the approved level "
                        + ApprovalPolicy.words(a.approvedLevel()) + "; approval by " + needed.description() + " is required";
            };
        }
        return new Clearance(kind, activityId, a.cleared(), a.id(), a.status(), overall, a.approvedLevel(), needed, reason);
    }

    // --- rules shared by the commands

    private RiskAssessment readable(long id) {
        return repository.find(id, caller.get().scopeFor(READERS))
                .orElseThrow(() -> new NotFoundException("No risk assessment " + id + " in your area"));
    }

    private RiskAssessment preparable(long id) {
        Caller current = caller.get();
        RiskAssessment a = repository.lock(id, current.scopeFor(READERS))
                .orElseThrow(() -> new NotFoundException("No risk assessment " + id + " in your area"));
        if (!current.scopeFor(PREPARERS).covers(a.orgPath())) {
            throw new ForbiddenException("Only a commander, safety officer, training officer or administrator over the unit"
                    + " may change its risk assessment");
        }
        return a;
    }

    private RiskAssessment decidable(long id) {
        return repository.lock(id, caller.get().scopeFor(READERS))
                .orElseThrow(() -> new NotFoundException("No risk assessment " + id + " in your area"));
    }

    private RiskAssessment.Approver approver(RiskAssessment a) {
        Caller current = caller.get();
        if (a.status() != AssessmentStatus.SUBMITTED) {
            // the state is the first thing wrong with approving a draft or replaying an approval
            throw new ConflictException(null, "Only a SUBMITTED assessment can be decided; this one is " + a.status()
                    + (a.status() == AssessmentStatus.APPROVED ? " already" : ""));
        }
        ApprovalPolicy.Verdict verdict = ApprovalPolicy.check(current, a.preparedBy(), a.orgPath(), a.overallResidualRisk());
        if (!verdict.allowed()) {
            throw new ForbiddenException(verdict.reason());
        }
        return new RiskAssessment.Approver(current.username(), displayName(current.username()), verdict.echelon());
    }

    private RiskAssessmentView saved(RiskAssessment a, String action, String details) {
        Instant now = clock.instant();
        if (!repository.update(a, now)) {
            throw new ConflictException(null, "The assessment was changed by someone else meanwhile; reload and try again");
        }
        audit.record(action, "risk_assessment", Long.toString(a.id()), a.orgPath(), null, details);
        a.events().forEach(events::publishEvent);
        return view(repository.find(a.id(), Scope.everything()).orElseThrow());
    }

    private Worksheet worksheet(RiskAssessmentCommand c, List<FieldProblem> problems) {
        String title = text(c.title());
        if (title == null) {
            problems.add(new FieldProblem("title", "is required (the mission or task)"));
        } else if (title.length() > 300) {
            problems.add(new FieldProblem("title", "must be at most 300 characters"));
        }
        Optional<ActivityType> type = ActivityType.parse(c.activityType());
        if (type.isEmpty()) {
            problems.add(new FieldProblem("activityType", c.activityType() == null ? "is required" : "is not a known activity type"));
        }
        Optional<WorkIntensity> intensity = WorkIntensity.parse(c.workIntensity());
        if (intensity.isEmpty()) {
            problems.add(new FieldProblem("workIntensity", c.workIntensity() == null ? "is required" : "must be one of EASY, MODERATE, HARD"));
        }
        if (c.beginsOn() == null) {
            problems.add(new FieldProblem("beginsOn", "is required"));
        }
        if (c.endsOn() == null) {
            problems.add(new FieldProblem("endsOn", "is required"));
        } else if (c.beginsOn() != null && c.endsOn().isBefore(c.beginsOn())) {
            problems.add(new FieldProblem("endsOn", "must not be before beginsOn"));
        }
        List<AssessedHazard> hazards = hazards(c.hazards(), problems);
        RiskLevel declared = declared(c.overallResidualRisk(), hazards, problems);
        return new Worksheet(title, type.orElse(null), intensity.orElse(null), c.beginsOn(), c.endsOn(),
                text(c.preparerDutyTitle()), text(c.supervisionPlan()), declared, hazards);
    }

    private RiskLevel declared(String overall, List<AssessedHazard> hazards, List<FieldProblem> problems) {
        if (overall == null || overall.isBlank()) {
            return null;
        }
        RiskLevel declared;
        try {
            declared = RiskLevel.valueOf(overall.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("overallResidualRisk", "must be one of L, M, H, EH"));
            return null;
        }
        RiskLevel highest = hazards.stream().map(AssessedHazard::residualRisk).reduce(RiskLevel::max).orElse(null);
        if (highest != null && highest.isHigherThan(declared)) {
            problems.add(new FieldProblem("overallResidualRisk", "must not be lower than the highest residual risk ("
                    + highest + ")"));
            return null;
        }
        return declared;
    }

    private List<AssessedHazard> hazards(List<RiskAssessmentCommand.HazardCommand> rows, List<FieldProblem> problems) {
        if (rows.size() > MAX_HAZARDS) {
            problems.add(FieldProblem.of("hazards", ListLimit.CODE, MAX_HAZARDS, rows.size()));
            return List.of();
        }
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i) != null && rows.get(i).controls().size() > MAX_CONTROLS) {
                problems.add(FieldProblem.of("hazards[" + i + "].controls", ListLimit.CODE, MAX_CONTROLS,
                        rows.get(i).controls().size()));
                return List.of();
            }
        }
        String language = LocaleContextHolder.getLocale().getLanguage();
        List<AssessedHazard> hazards = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            RiskAssessmentCommand.HazardCommand h = rows.get(i);
            String at = "hazards[" + i + "].";
            if (h == null) {
                problems.add(new FieldProblem("hazards[" + i + "]", "is empty"));
                continue;
            }
            String code = text(h.hazardCode());
            Optional<HazardTemplate> template = Optional.empty();
            if (code != null) {
                template = library.find(code);
                if (template.isEmpty()) {
                    problems.add(new FieldProblem(at + "hazardCode", "is not in the hazard library"));
                }
            }
            String name = text(h.hazard());
            if (name == null && template.isPresent()) {
                name = template.get().name(language);
            }
            if (name == null && code == null) {
                problems.add(new FieldProblem(at + "hazard", "is required (a library code or a description)"));
            }
            Probability p = parse(h.probability(), Probability::parse, at + "probability", "A, B, C, D, E", problems);
            Severity s = parse(h.severity(), Severity::parse, at + "severity", "I, II, III, IV", problems);
            boolean noResidual = text(h.residualProbability()) == null && text(h.residualSeverity()) == null;
            Probability rp = noResidual ? p : parse(h.residualProbability(), Probability::parse, at + "residualProbability",
                    "A, B, C, D, E", problems);
            Severity rs = noResidual ? s : parse(h.residualSeverity(), Severity::parse, at + "residualSeverity",
                    "I, II, III, IV", problems);
            List<AssessedHazard.Control> controls = new ArrayList<>();
            for (int j = 0; j < h.controls().size(); j++) {
                RiskAssessmentCommand.ControlCommand c = h.controls().get(j);
                if (c == null || text(c.control()) == null) {
                    problems.add(new FieldProblem(at + "controls[" + j + "].control", "is required"));
                    continue;
                }
                controls.add(new AssessedHazard.Control(text(c.control()), text(c.how()), text(c.who())));
            }
            if (p != null && s != null && rp != null && rs != null) {
                if (RiskMatrix.level(rp, rs).isHigherThan(RiskMatrix.level(p, s))) {
                    problems.add(new FieldProblem(at + "residualProbability", "the residual risk cannot be higher than the initial risk"));
                }
                if (name != null) {
                    hazards.add(new AssessedHazard(text(h.subTask()), template.map(HazardTemplate::code).orElse(null), name,
                            p, s, controls, rp, rs));
                }
            }
        }
        return hazards;
    }

    private static <T> T parse(String text, Function<String, Optional<T>> parser, String field, String allowed,
                               List<FieldProblem> problems) {
        Optional<T> value = parser.apply(text);
        if (value.isEmpty()) {
            problems.add(new FieldProblem(field, text == null ? "is required" : "must be one of " + allowed));
            return null;
        }
        return value.get();
    }

    private static String text(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private String displayName(String username) {
        return users.byUsername(username).map(UserAccount::displayName).filter(n -> n != null && !n.isBlank()).orElse(username);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), KAZAKHSTAN);
    }

    private RiskAssessmentView view(RiskAssessment a) {
        Worksheet w = a.worksheet();
        LinkedHashSet<String> subTasks = new LinkedHashSet<>();
        List<RiskAssessmentView.HazardView> hazards = w.hazards().stream().map(h -> {
            if (h.subTask() != null) {
                subTasks.add(h.subTask());
            }
            return new RiskAssessmentView.HazardView(h.subTask(), h.hazardCode(), h.hazard(), h.probability(), h.severity(),
                    h.initialRisk(), h.controls().stream().map(c -> new RiskAssessmentView.ControlView(c.control(), c.how(), c.who())).toList(),
                    h.residualProbability(), h.residualSeverity(), h.residualRisk());
        }).toList();
        return new RiskAssessmentView(a.id(), a.activityKind(), a.activityId(), w.title(), a.unitId(), a.orgPath(),
                w.activityType(), w.workIntensity(), w.beginsOn(), w.endsOn(), a.preparedOn(), a.preparedBy(),
                a.preparerName(), w.preparerDutyTitle(), List.copyOf(subTasks), hazards, a.overallResidualRisk(),
                a.requiredAuthority(), a.status(), a.approvedLevel(), a.approvedByName(), a.approvedAuthority(),
                a.approvedAt(), w.supervisionPlan(), a.lessonsLearned(), repository.decisions(a.id()), a.version());
    }

    private static RiskAssessmentSummary summary(RiskAssessment a) {
        Worksheet w = a.worksheet();
        return new RiskAssessmentSummary(a.id(), a.activityKind(), a.activityId(), w.title(), a.unitId(), w.activityType(),
                w.beginsOn(), w.endsOn(), a.preparerName(), a.overallResidualRisk(), a.requiredAuthority(), a.status(),
                a.approvedLevel());
    }
}
