-- Deterministic ids on request (README: Deterministic ids): a TEST service's seed and how many ids of each kind it
-- has derived since the seed was set; setting the seed again starts the counts at zero.
create table id_seed (
    client_id     varchar(17)  primary key,
    seed          varchar(64)  not null,
    codes         bigint       not null,
    process_ids   bigint       not null,
    set_at        timestamp with time zone not null
);
