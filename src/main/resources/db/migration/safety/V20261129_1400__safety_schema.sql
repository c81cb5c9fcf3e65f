-- Safety: deliberate risk assessments (DD Form 2977) and the hazard library they draw on.
-- unit_id refers to registry.unit by id only (no cross-module foreign key); org_path is copied from the
-- unit when the assessment is written, so that scope filters run in this schema.
create schema if not exists safety;

create table safety.hazard_template (
    code          text primary key,
    activity_type text not null,
    position      int not null,
    name_kk       text not null,
    name_ru       text not null,
    name_en       text not null,
    probability   text not null check (probability in ('A', 'B', 'C', 'D', 'E')),
    severity      text not null check (severity in ('I', 'II', 'III', 'IV')),
    controls_kk   text[] not null,
    controls_ru   text[] not null,
    controls_en   text[] not null,
    check (cardinality(controls_kk) = cardinality(controls_en) and cardinality(controls_ru) = cardinality(controls_en))
);

create index hazard_template_type_idx on safety.hazard_template (activity_type, position);

create table safety.risk_assessment (
    id                  bigint generated always as identity primary key,
    activity_kind       text not null check (activity_kind in ('TRAINING_EVENT', 'OTHER')),
    activity_id         bigint not null,
    title               text not null,
    unit_id             bigint not null,
    org_path            text not null,
    activity_type       text not null,
    work_intensity      text not null check (work_intensity in ('EASY', 'MODERATE', 'HARD')),
    begins_on           date not null,
    ends_on             date not null,
    prepared_on         date not null,
    prepared_by         text not null,             -- username of the preparer
    preparer_name       text not null,
    preparer_duty_title text,
    supervision_plan    text,
    lessons_learned     text,
    declared_level      text check (declared_level in ('L', 'M', 'H', 'EH')), -- an overall risk set above the highest residual
    overall_level       text check (overall_level in ('L', 'M', 'H', 'EH')),  -- null while there is no hazard
    status              text not null check (status in ('DRAFT', 'SUBMITTED', 'APPROVED', 'DISAPPROVED')),
    approved_level      text check (approved_level in ('L', 'M', 'H', 'EH')),
    approved_by         text,
    approved_by_name    text,
    approved_authority  text,
    approved_at         timestamptz,
    version             int not null default 0,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    check (ends_on >= begins_on),
    check ((status = 'APPROVED') = (approved_level is not null)),
    unique (activity_kind, activity_id)
);

create index risk_assessment_path_idx on safety.risk_assessment (org_path text_pattern_ops);
create index risk_assessment_status_idx on safety.risk_assessment (status, org_path text_pattern_ops);

-- One row per hazard of the worksheet (blocks 6-11), in the order the preparer gave them.
create table safety.assessed_hazard (
    assessment_id        bigint not null references safety.risk_assessment (id) on delete cascade,
    position             int not null,
    sub_task             text,
    hazard_code          text,
    hazard               text not null,
    probability          text not null check (probability in ('A', 'B', 'C', 'D', 'E')),
    severity             text not null check (severity in ('I', 'II', 'III', 'IV')),
    initial_level        text not null,
    residual_probability text not null check (residual_probability in ('A', 'B', 'C', 'D', 'E')),
    residual_severity    text not null check (residual_severity in ('I', 'II', 'III', 'IV')),
    residual_level       text not null,
    primary key (assessment_id, position)
);

create table safety.hazard_control (
    assessment_id   bigint not null,
    hazard_position int not null,
    position        int not null,
    control         text not null,
    how             text,
    who             text,
    primary key (assessment_id, hazard_position, position),
    foreign key (assessment_id, hazard_position) references safety.assessed_hazard (assessment_id, position) on delete cascade
);

-- Append-only history: submissions, approvals, disapprovals and reviews (block 14-15).
create table safety.risk_decision (
    id            bigint generated always as identity primary key,
    assessment_id bigint not null references safety.risk_assessment (id),
    action        text not null check (action in ('SUBMITTED', 'APPROVED', 'DISAPPROVED', 'REVIEWED', 'RISK_RAISED')),
    level         text,
    authority     text,
    actor         text not null,
    actor_name    text not null,
    reason        text,
    at            timestamptz not null
);

create index risk_decision_assessment_idx on safety.risk_decision (assessment_id, id);
