-- Seals: responses sealed in batches into RFC 6962 Merkle trees, chained per survey
-- (docs/receipts.md defines every byte that is hashed).
--
-- Only the sealer writes here and into response.seal_id / leaf_index; submissions never
-- wait for it. The partial index keeps "what is left to seal" small however many
-- responses are already sealed.

create table seal (
    id        bigserial   primary key,
    survey_id bigint      not null references survey (id),
    root      bytea       not null,
    size      integer     not null check (size > 0),
    sealed_at timestamptz not null,
    -- hash of the survey's previous seal; 32 zero bytes for its first
    previous  bytea       not null,
    -- SHA-256 of this seal's canonical text, which the next seal names as previous
    hash      bytea       not null unique,
    -- a chain cannot fork: no two seals of a survey follow the same one
    constraint seal_chain_unique unique (survey_id, previous)
);

create index seal_survey on seal (survey_id, id);

-- The leaf hashes in tree order, so a receipt's inclusion proof needs no recomputation
-- of other responses. (The receipt's own leaf is recomputed from its response.)
create table seal_leaf (
    seal_id    bigint  not null references seal (id),
    leaf_index integer not null,
    hash       bytea   not null,
    primary key (seal_id, leaf_index)
);

alter table response
    add column seal_id    bigint references seal (id),
    add column leaf_index integer,
    -- random salt of the commitments that stand for free-text answers in the canonical
    -- form (docs/receipts.md): set only when the response answered a TEXT question
    add column text_salt  bytea;

create index response_unsealed on response (survey_id, submitted_at, id) where seal_id is null;
-- a leaf position holds one response; also the ledger's reading order
create unique index response_sealed on response (seal_id, leaf_index) where seal_id is not null;
