-- The baseline of bench/ingest, independent of Viche's design: what PostgreSQL alone does when
-- each response is one INSERT of a response-shaped row in its own transaction (synchronous
-- commit). Created in a scratch database; bench/ingest adds pgbench scripts that insert one
-- row each, with demo-survey answers and a random unique receipt.
create table response (
    id           bigserial primary key,
    survey_id    bigint not null,
    region       text not null,
    language     text,
    channel      text,
    submitted_at timestamptz not null default now(),
    answers      jsonb not null,
    receipt      text not null unique
);
create index response_survey_id on response (survey_id, id);
