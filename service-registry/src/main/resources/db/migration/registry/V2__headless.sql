-- Headless mode (TEST only): a service may let its CI complete the card step and consent without a page.
alter table web_service add column headless boolean default false not null;
