-- The integrators' request log (README: Request log): one row per request of a Web service (or an API user's admin
-- call), redacted, with its diagnosis. Bounded per service_key (environment/client or environment/api user):
-- the writer drops the oldest rows beyond mynasim.request-log.max-per-service.
-- ids come from a sequence, one per entry (the writer is off the request path): newest first is highest id first
create sequence request_log_seq start with 1 increment by 1;
create table request_log (
    id                bigint        primary key,
    at                timestamp with time zone not null,
    environment       varchar(16)   not null,
    service_key       varchar(64)   not null,
    client_id         varchar(17),
    api_user          varchar(10),
    endpoint          varchar(128)  not null,
    method            varchar(8)    not null,
    request_view      varchar(4000) not null,
    status            integer       not null,
    error             varchar(64),
    error_description varchar(1000),
    result            varchar(8)    not null,
    diagnosis_code    varchar(64)   not null,
    diagnosis_ja      varchar(1000) not null,
    diagnosis_en      varchar(1000) not null,
    duration_ms       integer       not null
);
create index request_log_service on request_log (service_key, id);
create index request_log_api_user on request_log (api_user, id);
