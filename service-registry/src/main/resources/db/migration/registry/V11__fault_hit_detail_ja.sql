-- What a hit did, in Japanese beside the English detail, so the Japanese console speaks one language (issue 17).
alter table fault_hit add column detail_ja varchar(1000);
