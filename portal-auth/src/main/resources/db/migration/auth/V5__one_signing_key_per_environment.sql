-- One signing key per environment and kind, whatever the order in which the nodes of a cluster start: each key gets
-- its kind (rsa signs access tokens, ec ES256 ID tokens) and its generation (0 the first, a rotation the next one),
-- and the pair is unique, so the node that loses the insert race on first start reads the winner's key instead of
-- publishing a second one. Keys stored before this version are numbered in the order they were made.
alter table signing_key add column kind varchar(8);
alter table signing_key add column generation integer;
update signing_key set kind = case when kid like '%-ec-%' then 'ec' else 'rsa' end;
update signing_key set generation = (
    select count(*) from signing_key older
    where older.environment = signing_key.environment and older.kind = signing_key.kind
      and (older.created_at < signing_key.created_at
           or (older.created_at = signing_key.created_at and older.kid < signing_key.kid)));
alter table signing_key alter column kind set not null;
alter table signing_key alter column generation set not null;
alter table signing_key add constraint signing_key_one_per_generation unique (environment, kind, generation);
