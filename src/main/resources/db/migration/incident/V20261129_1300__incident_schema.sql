-- Incident: reports, their investigation workflow and corrective actions, the safety-chain notifications of
-- serious outcomes, and the exposure read model fed by training's AttendanceRecorded events. Members and
-- units are referred to by id only; org_path is copied in so that scope filters run in SQL.
create schema if not exists incident;

create table incident.incident (
    id                bigint generated always as identity primary key,
    kind              text not null check (kind in ('INJURY', 'ILLNESS', 'NEAR_MISS', 'VEHICLE_ACCIDENT', 'HEAT_INJURY',
                                                    'COLD_INJURY', 'PROPERTY_DAMAGE')),
    occurred_at       timestamptz not null,
    occurred_on       date not null,            -- the Kazakhstan (Asia/Almaty) day of occurred_at
    unit_id           bigint,
    unit_code         text,
    unit_name         text,
    org_path          text not null,            -- the unit's path, else the region's (KZ-75/)
    region_code       text not null,
    place             text,
    lat               double precision check (lat between -90 and 90),
    lon               double precision check (lon between -180 and 180),
    description       text not null,
    mechanism         text check (mechanism in ('ACUTE_TRAUMA', 'OVERUSE')),
    body_region       text,                     -- medical-sensitive
    cause             text,
    activity_type     text,
    outcome           text check (outcome in ('NONE', 'FIRST_AID', 'MEDICAL_TREATMENT', 'RESTRICTED_DUTY', 'LOST_DUTY',
                                              'HOSPITALISATION', 'PERMANENT_DISABILITY', 'FATALITY')),
    restricted_days   int check (restricted_days >= 0),
    lost_days         int check (lost_days >= 0),
    diagnosis         text,                     -- medical-sensitive
    outcome_narrative text,                     -- medical-sensitive
    serious           boolean not null,
    anonymous         boolean not null,
    reported_by       text check (not anonymous or reported_by is null),
    reported_at       timestamptz not null,
    status            text not null check (status in ('REPORTED', 'UNDER_INVESTIGATION', 'CORRECTIVE_ACTIONS', 'CLOSED')),
    investigator      text,
    investigation_started_at timestamptz,
    review            text,
    closed_by         text,
    closed_at         timestamptz,
    version           int not null default 0
);

create index incident_org_path_idx on incident.incident (org_path text_pattern_ops);
create index incident_occurred_on_idx on incident.incident (occurred_on);

create table incident.person (
    incident_id bigint not null references incident.incident (id) on delete cascade,
    member_id   bigint not null,
    primary key (incident_id, member_id)
);

create index incident_person_member_idx on incident.person (member_id);

create table incident.corrective_action (
    id          bigint generated always as identity primary key,
    incident_id bigint not null references incident.incident (id) on delete cascade,
    description text not null,
    owner       text not null,
    due_on      date not null,
    done_on     date,
    done_by     text,
    created_by  text not null,
    created_at  timestamptz not null
);

create index corrective_action_incident_idx on incident.corrective_action (incident_id);

-- Who in the safety chain must hear of a serious incident: a role over an org path. The notification
-- module (when it exists) delivers them to the users holding that role over that path.
create table incident.safety_chain_notice (
    id          bigint generated always as identity primary key,
    incident_id bigint not null references incident.incident (id) on delete cascade,
    role        text not null,
    org_path    text not null,
    recorded_at timestamptz not null,
    unique (incident_id, role, org_path)
);

-- Exposure read model: one row per (training event, member), the latest AttendanceRecorded wins.
create table incident.exposure (
    event_id      bigint not null,
    member_id     bigint not null,
    unit_id       bigint not null,
    unit_code     text not null,
    org_path      text not null,
    region_code   text not null,
    activity_type text not null,
    day           date not null,
    person_days   int not null check (person_days >= 0),
    updated_at    timestamptz not null,
    primary key (event_id, member_id)
);

create index exposure_org_path_idx on incident.exposure (org_path text_pattern_ops);
create index exposure_day_idx on incident.exposure (day);
