-- The roll-up leaves the submission path (issue 13): a submission only inserts its response;
-- results/TallyRollup folds new responses into the tally about once a second, in order of
-- `seq`, exactly once: the watermark (the last seq folded) moves in the same transaction as
-- the counters. Readers of current figures add the responses past the watermark themselves.
-- Sealing sets a folded response's seq to null: its order of arrival is not kept (privacy.md).
create sequence response_seq_source;
alter table response add column seq bigint default nextval('response_seq_source');
alter sequence response_seq_source owned by response.seq;
create unique index response_seq on response (seq);

create table tally_watermark (
    singleton boolean primary key default true check (singleton),
    folded    bigint  not null
);
-- Every response stored so far was counted by the submission path that wrote it.
insert into tally_watermark (folded) select coalesce(max(seq), 0) from response;
