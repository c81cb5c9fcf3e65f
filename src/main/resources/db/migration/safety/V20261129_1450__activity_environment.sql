-- Weather per activity and day (observed or forecast), with what the heat and cold rules made of it.
-- Heat stress and cold are hazards of any outdoor activity; they sit in the library under OTHER (offered
-- there by hand) and are written into an activity's assessment automatically from its weather readings.
insert into safety.hazard_template (code, activity_type, position, name_kk, name_ru, name_en, probability, severity,
                                    controls_kk, controls_ru, controls_en)
values
('ENV-HEAT', 'OTHER', 90,
 'Ыстықтан зақымдану (жылу соққысы, ыстықтан әлсіреу)', 'Тепловое поражение (тепловой удар, тепловое истощение)',
 'Heat injury (heat stroke, heat exhaustion)', 'C', 'II',
 array['TB MED 507 бойынша жұмыс/демалыс және су нормасы', 'Сусыздану белгілерін бақылау'],
 array['Режим труда/отдыха и норма воды по TB MED 507', 'Наблюдение за признаками перегрева'],
 array['Work/rest and water per TB MED 507', 'Watch for signs of heat illness']),
('ENV-COLD', 'OTHER', 91,
 'Үсік шалу және гипотермия', 'Обморожение и переохлаждение', 'Frostbite and hypothermia', 'C', 'II',
 array['Ашық теріні жабу, жылыну пункті', 'Жұптасып бір-бірін тексеру'],
 array['Закрыть открытую кожу, пункт обогрева', 'Проверка друг друга в парах'],
 array['Cover exposed skin, warming point', 'Buddy checks']);

create table safety.activity_weather (
    id              bigint generated always as identity primary key,
    activity_kind   text not null check (activity_kind in ('TRAINING_EVENT', 'OTHER')),
    activity_id     bigint not null,
    org_path        text not null,
    day             date not null,
    source          text not null check (source in ('OBSERVED', 'FORECAST')),
    wbgt_f          numeric(5, 1),         -- as given, or converted from °C, or estimated from temperature and humidity
    wbgt_estimated  boolean not null,
    air_temp_c      numeric(4, 1),
    humidity_pct    numeric(4, 1),
    wind_kmh        numeric(5, 1),
    body_armour     boolean not null,
    mopp4           boolean not null,
    acclimatised    boolean not null,
    heat_category   int not null check (heat_category between 0 and 5),
    heat_flag       text not null,
    work_minutes    int,
    rest_minutes    int,
    water_qph       numeric(3, 2),
    wind_chill_c    numeric(4, 1),
    frostbite       text,
    recorded_by     text not null,
    recorded_at     timestamptz not null
);

create index activity_weather_activity_idx on safety.activity_weather (activity_kind, activity_id, day, id);
