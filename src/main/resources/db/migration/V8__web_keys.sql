-- Keys the web pages sign with, shared by every instance: the "already answered" cookie is
-- signed with the key named 'answered-cookie', drawn at random by the first instance that
-- needs it (insert ... on conflict do nothing, then read back, so concurrent instances agree).
-- Deleting the row invalidates every such cookie at once: they are a courtesy, not a record.
create table web_key (
    name       text        primary key,
    secret     bytea       not null check (length(secret) >= 32),
    created_at timestamptz not null default now()
);
