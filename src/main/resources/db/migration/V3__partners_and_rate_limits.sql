-- Partners issue: results broken down by channel and partner, and rate limits that hold
-- across instances.

-- Counters now also carry their source ('WEB', 'API', or 'API:<partner token id>') so that
-- admins and researchers can see results per channel and partner. Published figures sum
-- over sources, exactly as before.
alter table tally add column source text not null default 'WEB';
alter table tally drop constraint tally_pkey;
alter table tally add primary key (survey_id, question, region, bucket, source, slot);

-- Fixed-window request counters, shared by every instance. The bucket names who is limited:
-- 'partner:<token id>' or 'client:<keyed hash of the address>:<survey>' — never a raw address.
create table rate_limit_window (
    bucket       text        not null,
    window_start timestamptz not null,
    count        integer     not null,
    primary key (bucket, window_start)
);

-- The keys that hash client addresses: a new random key every day, the same on every
-- instance, deleted after two days so that old hashes can no longer be linked to anything.
create table client_hash_key (
    day date  primary key,
    key bytea not null
);
