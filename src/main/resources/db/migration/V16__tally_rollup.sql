-- The roll-up leaves the submission path (issue 13): a submission only inserts its response;
-- results/TallyRollup folds new responses into the tally about once a second, in order of
-- `seq`, exactly once: the watermark (the last seq folded) moves in the same transaction as
-- the counters. Readers of current figures add the responses past the watermark themselves.
--
-- `seq` has no default, so adding it rewrites nothing, and a null seq means "counted by the
-- path that wrote it": every response stored before this migration, and any written during a
-- rolling deploy by an instance of the previous version (which still writes the tally itself).
-- Only this version's inserts draw a seq (ResponseStore). Sealing sets a folded response's seq
-- to null again: its order of arrival is not kept (privacy.md).
create sequence response_seq_source;
alter table response add column seq bigint;
alter sequence response_seq_source owned by response.seq;
create unique index response_seq on response (seq);

create table tally_watermark (
    singleton boolean primary key default true check (singleton),
    folded    bigint  not null
);
insert into tally_watermark (folded) values (0);
