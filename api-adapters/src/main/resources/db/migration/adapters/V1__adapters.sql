-- api-adapters: person records by layout, and the asynchronous request / notice / result exchange.

-- One record of one person for one API resource (a layout of the data files), as a JSON object.
create table person_record (
    id          varchar(36)    primary key,
    person_id   varchar(36)    not null,
    api         varchar(32)    not null,
    resource    varchar(64)    not null,
    position    integer        not null,
    record_date date           not null,
    body        varchar(100000) not null
);
create index person_record_lookup on person_record (person_id, api, resource, record_date);

-- An accepted request of the Mynaportal-compatible exchange, and the state of its completion notice.
create table data_request (
    process_id     varchar(36)   primary key,
    telegram_id    varchar(40)   not null unique,
    environment    varchar(16)   not null,
    client_id      varchar(17)   not null,
    api            varchar(32)   not null,
    person_id      varchar(36)   not null,
    grant_id       varchar(36)   not null,
    mode           varchar(40),
    accepted       varchar(4000) not null,
    callback_url   varchar(2000),
    notice_state   varchar(16)   not null,
    ready_at       timestamp with time zone not null,
    notice_due_at  timestamp with time zone not null,
    notice_copies  integer       not null,
    attempts       integer       not null,
    lease_until    timestamp with time zone,
    created_at     timestamp with time zone not null
);
create index data_request_due on data_request (notice_state, notice_due_at);
create index data_request_client on data_request (environment, client_id, created_at);

-- Every attempt to deliver a completion notice, with what the service answered.
create table notice_attempt (
    id           varchar(36)  primary key,
    process_id   varchar(36)  not null references data_request (process_id),
    attempt      integer      not null,
    attempted_at timestamp with time zone not null,
    http_status  integer,
    outcome      varchar(500) not null
);
create index notice_attempt_process on notice_attempt (process_id, attempt);
