-- Viche schema, version 1.
--
-- Storage layout, and why:
-- * response: ONE ROW PER RESPONSE, answers as jsonb. A submission is a single insert
--   (plus the tally upsert below) so the write path stays cheap at tens of thousands of
--   inserts per minute; no row-per-answer fan-out, no ORM graph.
-- * tally: running counts per survey x question x region x bucket, maintained in the
--   same transaction as the response insert, so results are exact, committed together
--   with the response, and read without scanning responses. Each counter is spread over
--   a few "slots" (chosen per transaction) so that concurrent submissions choosing the
--   same option do not all queue on one row lock; readers sum the slots.

create table api_token (
    id          uuid        primary key,
    name        text        not null,
    role        text        not null check (role in ('admin', 'researcher', 'partner')),
    -- SHA-256 of the secret. Secrets are 256-bit random values, so a fast hash is
    -- enough: there is nothing to brute-force, and lookups stay a single index probe.
    secret_hash bytea       not null unique,
    surveys     text[]      not null default '{}',
    expires_at  timestamptz,
    created_at  timestamptz not null default now(),
    revoked_at  timestamptz
);

create table survey (
    id         bigserial   primary key,
    slug       text        not null unique,
    status     text        not null check (status in ('DRAFT', 'OPEN', 'CLOSED')),
    definition jsonb       not null,
    demo       boolean     not null default false,
    created_at timestamptz not null default now(),
    opened_at  timestamptz,
    closed_at  timestamptz
);

create table response (
    id                uuid        primary key,
    survey_id         bigint      not null references survey (id),
    region            text        not null,
    language          text        not null,
    channel           text        not null check (channel in ('WEB', 'API')),
    partner_id        uuid        references api_token (id),
    answers           jsonb       not null,
    receipt           text        not null unique,
    submitted_at      timestamptz not null default now(),
    -- Idempotency: a retry with the same key in the same scope finds the first row.
    -- The scope is the partner token, or "public" for anonymous API clients.
    idempotency_scope text,
    idempotency_key   text,
    request_hash      bytea,
    constraint response_idempotency_unique unique (survey_id, idempotency_scope, idempotency_key)
);

create index response_survey_submitted on response (survey_id, submitted_at);

create table tally (
    survey_id bigint   not null references survey (id),
    -- '' for survey-level counters (responses per region)
    question  text     not null,
    region    text     not null,
    -- 'responses' | 'answered' | 'option:<key>' | 'value:<n>' | 'rank:<key>:<position>'
    bucket    text     not null,
    slot      smallint not null,
    count     bigint   not null,
    primary key (survey_id, question, region, bucket, slot)
);
