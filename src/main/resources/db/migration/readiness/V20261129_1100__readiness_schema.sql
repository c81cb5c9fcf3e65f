-- Readiness: equipment per unit, a read model of the inputs (fed by registry, training and medical events,
-- rebuilt from their APIs by `readiness recompute`), the computed counts and levels per node, overrides and
-- daily snapshots. Ids refer to other modules by value only (no cross-module foreign keys).
create schema if not exists readiness;

-- Equipment (owned here): one line per unit and item type.
create table readiness.equipment (
    unit_id             bigint not null,
    item_type           text not null check (item_type in ('HELMET', 'BODY_ARMOUR', 'RADIO', 'VEHICLE', 'MEDICAL_KIT', 'RESCUE_KIT')),
    authorised          int not null check (authorised >= 0),
    on_hand             int not null check (on_hand >= 0),
    serviceable         int not null check (serviceable >= 0 and serviceable <= on_hand),
    next_inspection_due date,
    updated_by          text not null,
    updated_at          timestamptz not null,
    primary key (unit_id, item_type)
);

-- Read model: the unit tree and positions (registry), members' placement and fitness window (registry,
-- medical), profiles (medical) and held qualifications (training).
create table readiness.unit (
    id          bigint primary key,
    parent_id   bigint,
    org_path    text not null,
    region_code text not null,
    district_id int,
    code        text not null,
    name        text not null
);
create index readiness_unit_path_idx on readiness.unit (org_path text_pattern_ops);

create table readiness.position (
    id               bigint primary key,
    unit_id          bigint not null,
    required         text[] not null,
    medical_standard text not null
);
create index readiness_position_unit_idx on readiness.position (unit_id);

create table readiness.member (
    id          bigint primary key,
    unit_id     bigint,
    position_id bigint,
    active      boolean not null,
    org_path    text not null,
    fit_from    date,            -- null: not fit under the latest exam (or no exam)
    fit_until   date,            -- first day no longer fit
    limited     boolean not null default false
);
create index readiness_member_position_idx on readiness.member (position_id) where active;
create index readiness_member_unit_idx on readiness.member (unit_id);

create table readiness.limitation (
    member_id bigint not null,
    starts_on date not null,
    ends_on   date not null
);
create index readiness_limitation_member_idx on readiness.limitation (member_id);

create table readiness.qualification (
    member_id  bigint not null,
    code       text not null,
    expires_on date,             -- first day no longer valid; null never expires
    primary key (member_id, code)
);

-- Computed counts of a unit's own positions and equipment on the day of computation.
create table readiness.unit_count (
    unit_id      bigint primary key,
    authorised   bigint not null,  -- positions (authorised strength)
    ready        bigint not null,  -- positions held by an active member qualified and fit for them
    t_required   bigint not null,  -- required qualifications of held positions
    t_current    bigint not null,  -- of those, current
    s_authorised bigint not null,  -- equipment items authorised
    s_on_hand    bigint not null,  -- items on hand, at most the authorised number per line
    r_on_hand    bigint not null,  -- items on hand
    r_ready      bigint not null   -- items serviceable with the inspection in date
);

-- Every node: national (''), region ('KZ-75/'), district ('KZ-75/d12/') and unit subtree (its org path).
create table readiness.node_status (
    node         text primary key,
    kind         text not null check (kind in ('NATIONAL', 'REGION', 'DISTRICT', 'UNIT')),
    unit_id      bigint,
    authorised   bigint not null,
    ready        bigint not null,
    t_required   bigint not null,
    t_current    bigint not null,
    s_authorised bigint not null,
    s_on_hand    bigint not null,
    r_on_hand    bigint not null,
    r_ready      bigint not null,
    p_level      int,
    t_level      int,
    s_level      int,
    r_level      int,
    c_level      int,
    computed_on  date not null,
    computed_at  timestamptz not null
);

create table readiness.override (
    unit_id bigint primary key,
    level   int not null check (level between 1 and 4),
    reason  text not null check (length(reason) between 1 and 1000),
    set_by  text not null,
    set_at  timestamptz not null
);

create table readiness.snapshot (
    day          date not null,
    node         text not null,
    authorised   bigint not null,
    ready        bigint not null,
    t_required   bigint not null,
    t_current    bigint not null,
    s_authorised bigint not null,
    s_on_hand    bigint not null,
    r_on_hand    bigint not null,
    r_ready      bigint not null,
    p_level      int,
    t_level      int,
    s_level      int,
    r_level      int,
    c_level      int,
    override_level int,
    primary key (node, day)
);

-- The level of a share against thresholds t1 > t2 > t3 in whole percent; exact in integers
-- (num/den >= t/100 <=> 100*num >= t*den); null without a denominator.
create function readiness.level(num bigint, den bigint, t1 int, t2 int, t3 int) returns int
    language sql immutable parallel safe as $$
    select case when den <= 0 then null
                when 100 * num >= t1::bigint * den then 1
                when 100 * num >= t2::bigint * den then 2
                when 100 * num >= t3::bigint * den then 3
                else 4 end
$$;
