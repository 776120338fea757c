-- The TLS client certificate a tls_client_auth registration is pinned to (RFC 8705 §2): its SHA-256 thumbprint
-- (base64url, as x5t#S256) decides; subject, issuer and validity end are kept for people reading the registration.
alter table web_service add column tls_cert_sha256 varchar(43);
alter table web_service add column tls_cert_subject varchar(500);
alter table web_service add column tls_cert_issuer varchar(500);
alter table web_service add column tls_cert_not_after timestamp with time zone;
alter table web_service add column tls_cert_pinned_at timestamp with time zone;
