-- Training events, enrolment with attendance, and calendar subscription links. unit_id, member_id and
-- instructor_id refer to the registry by id only; org_path is copied from the registry when the row is
-- written so that scope filters run in SQL without reading the registry's tables.
create table training.event (
    id            bigint generated always as identity primary key,
    unit_id       bigint not null,
    unit_code     text not null,
    org_path      text not null,
    title         text not null check (length(title) between 1 and 200),
    activity_type text not null,
    intensity     text not null check (intensity in ('EASY', 'MODERATE', 'HARD')),
    starts_at     timestamptz not null,
    ends_at       timestamptz not null,
    region_code   text not null,
    lat           double precision check (lat between -90 and 90),
    lon           double precision check (lon between -180 and 180),
    place_name    text,
    instructor_id bigint,
    capacity      int not null check (capacity between 1 and 10000),
    awards        text[] not null default '{}',
    status        text not null default 'PLANNED' check (status in ('PLANNED', 'STARTED', 'COMPLETED', 'CANCELLED')),
    sequence      int not null default 0, -- iCalendar SEQUENCE: raised on every change people should see
    created_by    text not null,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    check (ends_at > starts_at),
    check ((lat is null) = (lon is null))
);

create index event_org_path_idx on training.event (org_path text_pattern_ops, starts_at);
create index event_starts_idx on training.event (starts_at);

create table training.enrolment (
    event_id         bigint not null references training.event (id),
    member_id        bigint not null,
    member_name      text not null,
    org_path         text not null, -- the member's, for scope filters
    enrolled_by      text not null,
    enrolled_at      timestamptz not null,
    attendance       text check (attendance in ('PRESENT', 'ABSENT', 'EXCUSED')),
    duration_minutes int check (duration_minutes between 0 and 1440),
    session_rpe      int check (session_rpe between 0 and 10),
    result           text check (result in ('PASS', 'FAIL', 'NONE')),
    recorded_by      text,
    recorded_at      timestamptz,
    primary key (event_id, member_id)
);

create index enrolment_member_idx on training.enrolment (member_id);

create table training.calendar_link (
    id          bigint generated always as identity primary key,
    username    text not null,
    feed_kind   text not null check (feed_kind in ('UNIT', 'MEMBER')),
    target_id   bigint not null,
    target_path text not null,
    token_hash  text not null unique, -- SHA-256 of the secret; the secret itself is shown once
    created_at  timestamptz not null,
    revoked_at  timestamptz
);

create index calendar_link_user_idx on training.calendar_link (username) where revoked_at is null;
