-- OpenID Connect certification (TEST only): a registration may let a standing consent of the same person for the
-- same APIs and attributes stand in for the consent screen, so prompt=none and id_token_hint runs can pass.
alter table web_service add column remember_consent boolean default false not null;
