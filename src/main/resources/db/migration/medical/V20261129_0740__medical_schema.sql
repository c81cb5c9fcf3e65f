-- Medical readiness: periodic exams and limitation profiles. member_id refers to registry.member by id
-- only (no cross-module foreign key). diagnosis and reason are confidential (see docs/SECURITY.md).
create schema if not exists medical;

create table medical.exam (
    id           bigint generated always as identity primary key,
    member_id    bigint not null,
    examined_on  date not null,
    result       text not null check (result in ('FIT', 'FIT_LIMITED', 'TEMPORARILY_UNFIT', 'UNFIT')),
    unfit_until  date, -- the first day the member is fit again; only for TEMPORARILY_UNFIT
    diagnosis    text,
    examiner     text not null,
    recorded_by  text not null,
    recorded_at  timestamptz not null,
    check ((result = 'TEMPORARILY_UNFIT') = (unfit_until is not null)),
    check (unfit_until is null or unfit_until > examined_on)
);

create index exam_member_idx on medical.exam (member_id, examined_on desc);

create table medical.profile (
    id           bigint generated always as identity primary key,
    member_id    bigint not null,
    restrictions text[] not null check (cardinality(restrictions) > 0 and restrictions <@ array['NO_RUNNING',
                     'NO_LOAD_OVER_KG', 'NO_HEAT_EXPOSURE', 'NO_NIGHT_DRIVING', 'NO_WEAPONS', 'NO_HEIGHTS']::text[]),
    max_load_kg  int check (max_load_kg between 1 and 200),
    reason       text not null,
    starts_on    date not null,
    ends_on      date not null, -- the last day the profile applies
    recorded_by  text not null,
    recorded_at  timestamptz not null,
    check (ends_on >= starts_on),
    check (('NO_LOAD_OVER_KG' = any (restrictions)) = (max_load_kg is not null))
);

create index profile_member_idx on medical.profile (member_id, ends_on);
