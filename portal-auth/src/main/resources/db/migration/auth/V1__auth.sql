-- Portal authentication schema. Portable SQL: runs on H2 2.2 and PostgreSQL 15.
-- Binary values (certificates, sealed keys) are stored as base64 text, the same on both databases.

-- The simulator's test certification authority: one row, created on first start by whichever node wins.
create table test_ca (
    id              integer       primary key,
    certificate     varchar(8000) not null,
    sealed_key      varchar(8000) not null,
    created_at      timestamp with time zone not null
);

-- Token signing keys, per environment; more than one during a rotation.
create table signing_key (
    kid         varchar(64)   primary key,
    environment varchar(16)   not null,
    public_jwk  varchar(4000) not null,
    sealed_key  varchar(8000) not null,
    created_at  timestamp with time zone not null,
    retired_at  timestamp with time zone
);

-- 利用者: the basic four attributes. The individual number (個人番号) is never stored.
create table person (
    id         varchar(36)  primary key,
    name       varchar(100) not null,
    name_kana  varchar(100) not null,
    birthdate  date         not null,
    gender     varchar(16)  not null,
    address    varchar(200) not null,
    created_at timestamp with time zone not null
);

-- マイナンバーカード: certificate from the test CA, the key sealed with the server key, the PIN as a keyed hash.
create table virtual_card (
    serial        varchar(16)   primary key,
    person_id     varchar(36)   not null references person (id),
    owner_api_user varchar(10),
    certificate   varchar(8000) not null,
    sealed_key    varchar(8000) not null,
    pin_hash      varchar(64)   not null,
    failures      integer       not null,
    locked        boolean       not null,
    not_before    timestamp with time zone not null,
    not_after     timestamp with time zone not null,
    revoked_at    timestamp with time zone,
    created_at    timestamp with time zone not null,
    version       integer       not null
);

-- 利用者登録 with the portal, and attribute links to services' own account ids.
create table portal_account (
    person_id     varchar(36) primary key references person (id),
    registered_at timestamp with time zone
);
create table attribute_link (
    person_id           varchar(36)  not null references person (id),
    environment         varchar(16)  not null,
    client_id           varchar(17)  not null,
    external_account_id varchar(200) not null,
    linked_at           timestamp with time zone not null,
    primary key (person_id, environment, client_id)
);

-- 利用同意: every decision, per service; a revoked consent makes its grants' tokens fail.
create table consent (
    id                varchar(36)  primary key,
    person_id         varchar(36)  not null references person (id),
    environment       varchar(16)  not null,
    client_id         varchar(17)  not null,
    apis              varchar(200) not null,
    consent_text_hash char(64)     not null,
    decision          varchar(16)  not null,
    card_skipped      boolean      not null,
    decided_at        timestamp with time zone not null,
    revoked_at        timestamp with time zone
);
create index consent_person on consent (person_id);

-- What a code exchange grants: the tokens carry its id, so revoking it stops them.
create table oauth_grant (
    id            varchar(36)  primary key,
    consent_id    varchar(36)  not null references consent (id),
    environment   varchar(16)  not null,
    client_id     varchar(17)  not null,
    person_id     varchar(36)  not null references person (id),
    apis          varchar(200) not null,
    auth_time     timestamp with time zone not null,
    card_skipped  boolean      not null,
    created_at    timestamp with time zone not null,
    revoked_at    timestamp with time zone,
    revoke_reason varchar(200)
);
