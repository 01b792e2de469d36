-- Invitation codes for TOKEN surveys: one person, one voice.
--
-- A row holds the SHA-256 of a code and whether it was used: no reference to the response
-- it admitted, no time of use, no creation batch. A code is spent by
--   update invitation set used = true ... where ... and not used
-- in the same transaction that stores the response, so a code admits exactly one response
-- however many arrive at once, and a refused response leaves the code unused.
--
-- pending_seal: PostgreSQL stamps every row a transaction writes with that transaction's
-- id (xmin). Until something rewrites them, the spent code, the response row and the tally
-- rows of one submission all carry the same xmin — a hidden link from a code (which the
-- person who distributed it may tie to a name) to an answer. The sealer rewrites the
-- response rows it seals and, in the same transaction, every code still pending_seal, so
-- afterwards a code can be placed no closer than "somewhere in this seal".
create table invitation (
    survey_id    bigint  not null references survey (id),
    code_hash    bytea   not null,
    used         boolean not null default false,
    pending_seal boolean not null default false,
    primary key (survey_id, code_hash)
);

create index invitation_pending_seal on invitation (survey_id) where pending_seal;
