-- Refresh tokens of the OpenID Connect door, stored by hash only. A used one is kept, so that its reuse is seen
-- and revokes the whole grant (rotation; OAuth 2.0 Security BCP).
create table refresh_token (
    token_hash char(64)    primary key,
    grant_id   varchar(36) not null references oauth_grant (id),
    expires_at timestamp with time zone not null,
    used_at    timestamp with time zone,
    created_at timestamp with time zone not null
);
create index refresh_token_grant on refresh_token (grant_id);
