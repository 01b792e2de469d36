-- Viche schema, version 2: the public results snapshot.
--
-- Public readers get results republished at a coarse interval (viche.results.publish-interval)
-- so that two readings cannot be differenced around one person's submission. The snapshot
-- lives here, not in each instance's memory, so every instance serves the same figures;
-- an instance refreshes it with a conditional upsert (only when the stored one is older than
-- the interval), so concurrent instances agree on a single snapshot per interval.

create table published_results (
    survey_id    bigint      primary key references survey (id),
    -- database clock, truncated to the second; equals the body's generatedAt
    published_at timestamptz not null,
    body         jsonb       not null
);
