-- OpenID Connect registrations: a client secret (TEST only; SHA-256 of 256 random bits, shown once) and the
-- switches that relax PKCE and nonce to what OpenID Connect Core allows, for certification tooling.
alter table web_service add column client_secret_hash varchar(64);
alter table web_service add column require_pkce boolean default true not null;
alter table web_service add column require_nonce boolean default true not null;
