-- Training: the qualification catalogue and the qualifications members hold. member_id refers to
-- registry.member by id only (no cross-module foreign key): the registry is asked, not joined.
create schema if not exists training;

create table training.qualification (
    code            text primary key check (code ~ '^[a-z0-9_]{1,40}$'),
    name_kk         text not null,
    name_ru         text not null,
    name_en         text not null,
    category        text not null check (category in ('MEDICAL', 'DRIVING', 'COMMUNICATIONS', 'RESCUE', 'CBRN',
                                                       'COMBAT', 'ENGINEERING', 'NAVIGATION', 'FITNESS', 'TEACHING')),
    validity_months int check (validity_months > 0), -- null: never expires
    prerequisites   text[] not null default '{}'
);

create table training.member_qualification (
    id                 bigint generated always as identity primary key,
    member_id          bigint not null,
    qualification_code text not null references training.qualification (code),
    awarded_on         date not null,
    expires_on         date check (expires_on > awarded_on), -- the first day it is no longer valid
    evidence           text not null,
    awarding_event     text,
    recorded_by        text not null,
    recorded_at        timestamptz not null,
    revoked_at         timestamptz,
    revoked_by         text
);

create index member_qualification_member_idx on training.member_qualification (member_id) where revoked_at is null;
create index member_qualification_expiry_idx on training.member_qualification (qualification_code, expires_on)
    where revoked_at is null;

-- The territorial-defense set; demo positions require these codes.
insert into training.qualification (code, name_kk, name_ru, name_en, category, validity_months, prerequisites) values
('first_aid',        'Алғашқы медициналық көмек',                     'Первая помощь',                                 'First aid',                    'MEDICAL',        24,  '{}'),
('combat_lifesaver', 'Ұрыс жағдайындағы тактикалық медицина',         'Тактическая медицина (санитар-стрелок)',        'Combat lifesaver',             'MEDICAL',        24,  '{first_aid}'),
('driver_c',         'C санатты көлік жүргізушісі',                   'Водитель категории C',                          'Driver, category C',           'DRIVING',        120, '{}'),
('driver_d',         'D санатты көлік жүргізушісі',                   'Водитель категории D',                          'Driver, category D',           'DRIVING',        120, '{driver_c}'),
('driver_ce',        'CE санатты көлік жүргізушісі',                  'Водитель категории CE',                         'Driver, category CE',          'DRIVING',        120, '{driver_c}'),
('radio_operator',   'Радиобайланысшы',                               'Радиотелефонист',                               'Radio operator',               'COMMUNICATIONS', 36,  '{}'),
('rescuer',          'Құтқарушы',                                     'Спасатель',                                     'Rescuer',                      'RESCUE',         36,  '{first_aid}'),
('cbrn_defense',     'Радиациялық, химиялық және биологиялық қорғау', 'Радиационная, химическая и биологическая защита', 'CBRN defence',               'CBRN',           24,  '{}'),
('weapons_handling', 'Қарумен жұмыс істеу',                           'Обращение с оружием',                           'Weapons handling',             'COMBAT',         12,  '{}'),
('sapper',           'Сапёр (жерді минадан тазарту)',                 'Сапёр (разминирование)',                        'Sapper (mine clearance)',      'ENGINEERING',    36,  '{}'),
('land_navigation',  'Жергілікті жерде бағдарлау',                    'Ориентирование на местности',                   'Land navigation',              'NAVIGATION',     36,  '{}'),
('water_rescue',     'Судағы құтқару',                                'Спасение на воде',                              'Water rescue',                 'RESCUE',         24,  '{rescuer}'),
('mountain_rescue',  'Таудағы құтқару',                               'Горноспасательная подготовка',                  'Mountain rescue',              'RESCUE',         24,  '{rescuer}'),
('fitness_test',     'Дене шынықтыру нормативтері',                   'Нормативы по физической подготовке',            'Physical fitness test',        'FITNESS',        12,  '{}'),
('instructor',       'Нұсқаушы',                                      'Инструктор',                                    'Instructor',                   'TEACHING',       60,  '{}');
