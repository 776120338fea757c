-- Failure injection (DESIGN.md 6): rules per service and environment, optionally narrowed to one API and one step,
-- active within an optional time box; and every time one struck. A rule names its service by environment and
-- client_id, as the steps that apply it do; removing the service removes its rules in the application.
create table fault_rule (
    id           varchar(36) primary key,
    environment  varchar(16) not null,
    client_id    varchar(17) not null,
    api          varchar(32),
    step         varchar(16),
    effect       varchar(32) not null,
    parameter    varchar(20),
    active_from  timestamp with time zone,
    active_until timestamp with time zone,
    created_by   varchar(128) not null,
    created_at   timestamp with time zone not null
);
create index fault_rule_service on fault_rule (environment, client_id);

-- Hits are removed with their rule (the audit trail keeps them). No foreign key, so recording a hit never fails
-- because the rule was removed a moment before.
create table fault_hit (
    id          varchar(36)   primary key,
    rule_id     varchar(36)   not null,
    environment varchar(16)   not null,
    client_id   varchar(17)   not null,
    step        varchar(16)   not null,
    subject     varchar(256)  not null,
    detail      varchar(1000),
    hit_at      timestamp with time zone not null
);
create index fault_hit_rule on fault_hit (rule_id, hit_at);
