-- What the serving code noted of a request (README: Request log, Facts): the card step's outcome on an
-- authorization, the API and processId of an exchange or notice. Never a secret; the connection-test report reads
-- them. Entries written before this version have none.
alter table request_log add column facts varchar(1000);
