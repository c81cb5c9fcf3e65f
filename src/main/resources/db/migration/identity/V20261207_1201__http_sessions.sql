-- Browser sessions kept in PostgreSQL by Spring Session JDBC (spring.session.jdbc.table-name =
-- identity.http_session), so that every application node sees the same sessions and identity can end all
-- of an account's sessions in the same transaction as the change that ends them (deleted, disabled, a grant
-- lost, password reset). The columns are Spring Session 4.0's schema-postgresql.sql; Flyway owns them
-- (spring.session.jdbc.initialize-schema=never).
create table identity.http_session (
    primary_id            char(36) not null,
    session_id            char(36) not null,
    creation_time         bigint not null,
    last_access_time      bigint not null,
    max_inactive_interval int not null,
    expiry_time           bigint not null,
    principal_name        varchar(100),
    constraint http_session_pk primary key (primary_id)
);

create unique index http_session_ix1 on identity.http_session (session_id);
create index http_session_ix2 on identity.http_session (expiry_time);
create index http_session_ix3 on identity.http_session (principal_name);

create table identity.http_session_attributes (
    session_primary_id char(36) not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea not null,
    constraint http_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint http_session_attributes_fk foreign key (session_primary_id)
        references identity.http_session (primary_id) on delete cascade
);
