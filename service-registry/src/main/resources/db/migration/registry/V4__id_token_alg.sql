-- The algorithm that signs a registration's ID tokens: RS256 (mandatory for OpenID providers) unless it asks ES256.
alter table web_service add column id_token_alg varchar(8) default 'RS256' not null;
