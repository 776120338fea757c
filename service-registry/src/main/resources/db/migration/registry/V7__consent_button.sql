-- The word on the consent screen's approve button (guideline 2.2 ③/⑥ show データ取得): link (連携) or fetch-data.
alter table web_service add column consent_button varchar(16) default 'link' not null;
