-- The basic four attributes a grant may release (OpenID Connect door scopes name, address, birthdate, gender).
alter table oauth_grant add column attributes varchar(100) default '' not null;
