-- Service registry schema. Portable SQL: runs on H2 2.2 and PostgreSQL 15.

create table api_user (
    id               varchar(10)  primary key,
    name             varchar(200) not null,
    corporate_number char(13)     not null,
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null,
    version          integer      not null
);

create table web_service (
    id            varchar(36)   primary key,
    environment   varchar(16)   not null,
    api_user_id   varchar(10)   not null references api_user (id),
    service_id    varchar(6)    not null,
    display_name  varchar(100)  not null,
    consent_text  varchar(2000) not null,
    callback_url  varchar(2000),
    skip_feature  boolean       not null,
    client_auth   varchar(32)   not null,
    jwks          varchar(16384),
    group_id      varchar(5),
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null,
    version       integer       not null,
    constraint web_service_client_unique unique (environment, api_user_id, service_id)
);

create table web_service_redirect_uri (
    web_service_id varchar(36)   not null references web_service (id) on delete cascade,
    position       integer       not null,
    uri            varchar(2000) not null,
    primary key (web_service_id, position)
);

create table web_service_api (
    web_service_id varchar(36) not null references web_service (id) on delete cascade,
    api            varchar(32) not null,
    primary key (web_service_id, api)
);

create table service_group (
    id           varchar(36)  primary key,
    environment  varchar(16)  not null,
    api_user_id  varchar(10)  not null references api_user (id),
    group_id     varchar(5)   not null,
    display_name varchar(100) not null,
    created_at   timestamp with time zone not null,
    updated_at   timestamp with time zone not null,
    version      integer      not null,
    constraint service_group_unique unique (environment, api_user_id, group_id)
);

create table usage_application (
    api_user_id                  varchar(10) primary key references api_user (id),
    step                         integer     not null,
    skip_feature_declared        boolean     not null,
    production_grouping_declared boolean     not null,
    version                      integer     not null
);

create table usage_application_transition (
    api_user_id varchar(10)  not null references usage_application (api_user_id) on delete cascade,
    position    integer      not null,
    action      varchar(40)  not null,
    step        integer      not null,
    actor       varchar(64)  not null,
    happened_at timestamp with time zone not null,
    note        varchar(500),
    primary key (api_user_id, position)
);

create table console_account (
    username      varchar(64)  primary key,
    password_hash varchar(512) not null,
    role          varchar(16)  not null,
    api_user_id   varchar(10)  references api_user (id),
    created_at    timestamp with time zone not null,
    version       integer      not null
);

-- The audit trail is append-only: the application never updates or deletes a record.
create table audit_record (
    seq         bigint        primary key,
    recorded_at timestamp with time zone not null,
    actor       varchar(128)  not null,
    action      varchar(64)   not null,
    subject_id  varchar(256)  not null,
    detail      varchar(4000),
    prev_hash   char(64)      not null,
    hash        char(64)      not null
);
create index audit_record_subject on audit_record (subject_id);
create index audit_record_actor on audit_record (actor);
create index audit_record_at on audit_record (recorded_at);

create table audit_head (
    id        integer  primary key,
    last_seq  bigint   not null,
    last_hash char(64) not null
);
insert into audit_head (id, last_seq, last_hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
