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
import org.springframework.context.MessageSource;
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
    private static final String PROBABILITY_REQUIRED = "safety.probability.required";
    private static final String PROBABILITY_UNKNOWN = "safety.probability.unknown";
    private static final String SEVERITY_REQUIRED = "safety.severity.required";
    private static final String SEVERITY_UNKNOWN = "safety.severity.unknown";

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
    private final MessageSource messages;

    RiskAssessments(RiskAssessmentRepository repository, HazardLibrary library, OrgStructure org, UserAdministration users,
                    CurrentCaller caller, AuditTrail audit, ApplicationEventPublisher events, Clock clock, WorksheetPdf printer,
                    TrainingEvents trainingEvents, MessageSource messages) {
        this.messages = messages;
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
            problems.add(command.activityKind() == null
                    ? FieldProblem.of("activityKind", "safety.activityKind.required")
                    : FieldProblem.of("activityKind", "safety.activityKind.unknown"));
        } else if (kind.get() == ActivityKind.TRAINING_EVENT && command.activityId() == null) {
            problems.add(FieldProblem.of("activityId", "safety.activityId.requiredForEvent"));
        } else if (kind.get() == ActivityKind.TRAINING_EVENT && command.activityId() > 0) {
            try {
                TrainingEvent event = trainingEvents.find(command.activityId());
                if (command.unitId() != null && command.unitId() != event.unitId()) {
                    problems.add(FieldProblem.of("unitId", "safety.unit.notTheEventsUnit", unitLabel(event.unitId())));
                }
            } catch (NotFoundException e) {
                problems.add(FieldProblem.of("activityId", "safety.activityId.noSuchEvent", String.valueOf(command.activityId())));
            }
        }
        if (command.activityId() != null && command.activityId() <= 0) {
            problems.add(FieldProblem.of("activityId", "safety.activityId.notPositive"));
        }
        Unit unit = null;
        if (command.unitId() == null) {
            problems.add(FieldProblem.of("unitId", "safety.unit.required"));
        } else {
            try {
                unit = org.unit(command.unitId());
            } catch (NotFoundException e) {
                problems.add(FieldProblem.of("unitId", "safety.unit.notFound", String.valueOf(command.unitId())));
            }
        }
        Worksheet worksheet = worksheet(command, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (!current.scopeFor(PREPARERS).covers(unit.orgPath())) {
            throw ForbiddenException.coded("safety.assessment.preparersOnly");
        }
        if (command.activityId() != null && repository.activityTaken(kind.get(), command.activityId())) {
            throw ConflictException.coded("activityId", "safety.assessment.activityTaken");
        }
        RiskAssessment a = RiskAssessment.prepare(kind.get(), command.activityId(), unit.id(), unit.orgPath(), today(),
                current.username(), displayName(current.username()), worksheet);
        long id;
        try {
            id = repository.insert(a, clock.instant());
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw ConflictException.coded("activityId", "safety.assessment.activityTaken");
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
            problems.add(FieldProblem.of("unitId", "safety.assessment.unitFixed"));
        }
        if (command.activityKind() != null && ActivityKind.parse(command.activityKind()).orElse(null) != a.activityKind()) {
            problems.add(FieldProblem.of("activityKind", "safety.assessment.activityFixed"));
        }
        if (command.activityId() != null && !command.activityId().equals(a.activityId())) {
            problems.add(FieldProblem.of("activityId", "safety.assessment.activityFixed"));
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
                verdict == null || verdict.code() == null ? null : text(verdict.code(), List.of()));
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
                problems.add(FieldProblem.of("status", "safety.status.unknown"));
            }
        }
        ActivityType type = null;
        if (filter.activityType() != null && !filter.activityType().isBlank()) {
            type = ActivityType.parse(filter.activityType()).orElse(null);
            if (type == null) {
                problems.add(FieldProblem.of("activityType", "safety.activityType.unknown"));
            }
        }
        String prefix = null;
        if (filter.unitId() != null) {
            try {
                prefix = org.unit(filter.unitId()).orgPath();
            } catch (NotFoundException e) {
                problems.add(FieldProblem.of("unit", "safety.unit.notFound", String.valueOf(filter.unitId())));
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
            return new Clearance(kind, activityId, false, null, null, null, null, null, Clearance.NO_ASSESSMENT, List.of(),
                    text(Clearance.NO_ASSESSMENT, List.of()));
        }
        RiskAssessment a = found.get();
        if (!caller.get().scopeFor(READERS).covers(a.orgPath())) {
            throw new NotFoundException("No risk assessment " + kind + " " + activityId + " in your area");
        }
        RiskLevel overall = a.overallResidualRisk();
        ApprovalAuthority needed = a.requiredAuthority();
        String code;
        List<Object> args = List.of();
        if (a.cleared()) {
            code = "safety.clearance.approved";
            args = List.of(a.approvedByName());
        } else {
            code = switch (a.status()) {
                case DRAFT -> "safety.clearance.draft";
                case SUBMITTED -> "safety.clearance.awaits." + overall.name();
                case DISAPPROVED -> "safety.clearance.disapproved";
                case APPROVED -> "safety.clearance.raised." + overall.name();
            };
        }
        return new Clearance(kind, activityId, a.cleared(), a.id(), a.status(), overall, a.approvedLevel(), needed, code,
                args, text(code, args));
    }

    /** A refusal's or a clearance's words in the caller's language. */
    private String text(String code, List<Object> args) {
        return messages.getMessage(code, args.toArray(), LocaleContextHolder.getLocale());
    }

    private String unitLabel(long unitId) {
        try {
            Unit unit = org.unit(unitId);
            return unit.name() + " (" + unit.code() + ")";
        } catch (NotFoundException e) {
            return "#" + unitId;
        }
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
            throw ForbiddenException.coded("safety.assessment.changersOnly");
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
            throw a.status() == AssessmentStatus.APPROVED
                    ? ConflictException.coded(null, "safety.decision.alreadyApproved")
                    : ConflictException.coded(null, "safety.decision.notSubmitted");
        }
        ApprovalPolicy.Verdict verdict = ApprovalPolicy.check(current, a.preparedBy(), a.orgPath(), a.overallResidualRisk());
        if (!verdict.allowed()) {
            throw ForbiddenException.coded(verdict.code());
        }
        return new RiskAssessment.Approver(current.username(), displayName(current.username()), verdict.echelon());
    }

    private RiskAssessmentView saved(RiskAssessment a, String action, String details) {
        Instant now = clock.instant();
        if (!repository.update(a, now)) {
            throw ConflictException.coded(null, "safety.assessment.changedMeanwhile");
        }
        audit.record(action, "risk_assessment", Long.toString(a.id()), a.orgPath(), null, details);
        a.events().forEach(events::publishEvent);
        return view(repository.find(a.id(), Scope.everything()).orElseThrow());
    }

    private Worksheet worksheet(RiskAssessmentCommand c, List<FieldProblem> problems) {
        String title = text(c.title());
        if (title == null) {
            problems.add(FieldProblem.of("title", "safety.title.required"));
        } else if (title.length() > 300) {
            problems.add(FieldProblem.of("title", "safety.title.tooLong", 300));
        }
        Optional<ActivityType> type = ActivityType.parse(c.activityType());
        if (type.isEmpty()) {
            problems.add(c.activityType() == null ? FieldProblem.of("activityType", "safety.activityType.required")
                    : FieldProblem.of("activityType", "safety.activityType.unknown"));
        }
        Optional<WorkIntensity> intensity = WorkIntensity.parse(c.workIntensity());
        if (intensity.isEmpty()) {
            problems.add(c.workIntensity() == null ? FieldProblem.of("workIntensity", "safety.workIntensity.required")
                    : FieldProblem.of("workIntensity", "safety.workIntensity.unknown"));
        }
        if (c.beginsOn() == null) {
            problems.add(FieldProblem.of("beginsOn", "safety.dates.beginsOnRequired"));
        }
        if (c.endsOn() == null) {
            problems.add(FieldProblem.of("endsOn", "safety.dates.endsOnRequired"));
        } else if (c.beginsOn() != null && c.endsOn().isBefore(c.beginsOn())) {
            problems.add(FieldProblem.of("endsOn", "safety.dates.endsBeforeBegins"));
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
            problems.add(FieldProblem.of("overallResidualRisk", "safety.overall.unknown"));
            return null;
        }
        RiskLevel highest = hazards.stream().map(AssessedHazard::residualRisk).reduce(RiskLevel::max).orElse(null);
        if (highest != null && highest.isHigherThan(declared)) {
            problems.add(FieldProblem.of("overallResidualRisk", "safety.overall.belowHighest", highest.name()));
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
                problems.add(FieldProblem.of("hazards[" + i + "]", "safety.hazard.empty", i + 1));
                continue;
            }
            String code = text(h.hazardCode());
            Optional<HazardTemplate> template = Optional.empty();
            if (code != null) {
                template = library.find(code);
                if (template.isEmpty()) {
                    problems.add(FieldProblem.of(at + "hazardCode", "safety.hazard.notInLibrary", code));
                }
            }
            String name = text(h.hazard());
            if (name == null && template.isPresent()) {
                name = template.get().name(language);
            }
            if (name == null && code == null) {
                problems.add(FieldProblem.of(at + "hazard", "safety.hazard.required"));
            }
            Probability p = parse(h.probability(), Probability::parse, at + "probability", "probability", problems);
            Severity s = parse(h.severity(), Severity::parse, at + "severity", "severity", problems);
            boolean noResidual = text(h.residualProbability()) == null && text(h.residualSeverity()) == null;
            Probability rp = noResidual ? p : parse(h.residualProbability(), Probability::parse, at + "residualProbability",
                    "probability", problems);
            Severity rs = noResidual ? s : parse(h.residualSeverity(), Severity::parse, at + "residualSeverity",
                    "severity", problems);
            List<AssessedHazard.Control> controls = new ArrayList<>();
            for (int j = 0; j < h.controls().size(); j++) {
                RiskAssessmentCommand.ControlCommand c = h.controls().get(j);
                if (c == null || text(c.control()) == null) {
                    problems.add(FieldProblem.of(at + "controls[" + j + "].control", "safety.control.required", j + 1));
                    continue;
                }
                controls.add(new AssessedHazard.Control(text(c.control()), text(c.how()), text(c.who())));
            }
            if (p != null && s != null && rp != null && rs != null) {
                if (RiskMatrix.level(rp, rs).isHigherThan(RiskMatrix.level(p, s))) {
                    problems.add(FieldProblem.of(at + "residualProbability", "safety.hazard.residualHigher"));
                }
                if (name != null) {
                    hazards.add(new AssessedHazard(text(h.subTask()), template.map(HazardTemplate::code).orElse(null), name,
                            p, s, controls, rp, rs));
                }
            }
        }
        return hazards;
    }

    /** {@code subject} names the rule's codes: {@code safety.<subject>.required} and {@code safety.<subject>.unknown}. */
    private static <T> T parse(String text, Function<String, Optional<T>> parser, String field, String subject,
                               List<FieldProblem> problems) {
        Optional<T> value = parser.apply(text);
        if (value.isEmpty()) {
            problems.add(text == null || text.isBlank()
                    ? FieldProblem.of(field, subject.equals("probability") ? PROBABILITY_REQUIRED : SEVERITY_REQUIRED)
                    : FieldProblem.of(field, subject.equals("probability") ? PROBABILITY_UNKNOWN : SEVERITY_UNKNOWN));
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
        String language = LocaleContextHolder.getLocale().getLanguage();
        java.util.Map<String, Optional<HazardTemplate>> templates = new java.util.HashMap<>();
        List<RiskAssessmentView.HazardView> hazards = w.hazards().stream().map(h -> {
            if (h.subTask() != null) {
                subTasks.add(h.subTask());
            }
            Optional<HazardTemplate> template = h.hazardCode() == null ? Optional.empty()
                    : templates.computeIfAbsent(h.hazardCode(), library::find);
            return new RiskAssessmentView.HazardView(h.subTask(), h.hazardCode(),
                    template.map(t -> LibraryWords.name(t, h.hazard(), language)).orElse(h.hazard()),
                    h.probability(), h.severity(), h.initialRisk(), h.controls().stream()
                    .map(c -> new RiskAssessmentView.ControlView(template.map(t -> LibraryWords.control(t, c.control(), language))
                            .orElse(c.control()), c.how(), c.who())).toList(),
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
