-- When a card's private key was exported as PKCS#12 (TEST tooling): from then on the card is refused in PRODUCTION
-- flows, since its key is no longer the simulator's alone.
alter table virtual_card add column exported_at timestamp with time zone;
