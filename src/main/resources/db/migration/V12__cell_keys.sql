-- Cell-key perturbation (statistics.md, docs/disclosure.md). Every response carries a random
-- record key 0..255, never published; every tally row keeps the sum of its records' keys
-- (taken mod 256 when read) beside its count. Responses stored before this migration get key 0,
-- which is exactly what the existing tally rows (key_sum 0) already hold, so counts and key sums
-- stay consistent without recomputing the roll-up.
alter table response add column record_key smallint not null default 0
    constraint response_record_key_range check (record_key between 0 and 255);
alter table tally add column key_sum bigint not null default 0;

-- The snapshot cadence: a new public snapshot needs minCellSize new counted responses since
-- the last one, so the counted total at publication is kept beside it.
alter table published_results add column counted bigint not null default 0;
