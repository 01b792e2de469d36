-- Nothing in the database links an answer to a person, a code, an address or a moment
-- (docs/privacy.md: what each observer can and cannot learn).
--
-- 1. Invitation codes. The issued codes' rows are never written again after they are made:
--    a spent code is recorded only as a "mark", HMAC-SHA256 of the code's hash under a
--    per-survey key derived from a secret that lives outside the database
--    (viche.invitation.code-secret) and this table's salt. Whoever holds only the database
--    cannot tell which issued code a mark belongs to; once the survey closes the salt is
--    deleted, and then nobody can. A mark has no time, no sequence and no seal: its primary
--    key is the mark itself. 'pending' only says that the sealer has not yet rewritten it:
--    the sealer deletes the pending marks and inserts them again sorted by value, in the
--    transaction that seals the responses, so neither their physical order nor their xmin
--    follows the order of the responses any more (V5's pending_seal did the same for code
--    rows, which now stay untouched).
create table invitation_key (
    survey_id bigint primary key references survey (id),
    salt      bytea  not null check (length(salt) >= 32)
);

create table invitation_spent (
    survey_id bigint  not null references survey (id),
    mark      bytea   not null,
    pending   boolean not null default true,
    primary key (survey_id, mark)
);

create index invitation_spent_pending on invitation_spent (survey_id) where pending;

-- Surveys with codes get their salt now (gen_random_uuid draws from the strong random source).
insert into invitation_key (survey_id, salt)
select s.id, decode(replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', ''), 'hex')
  from survey s
 where s.status <> 'CLOSED' and exists (select 1 from invitation i where i.survey_id = s.id);

-- Codes spent before this version cannot be turned into marks (the database never held the
-- secret): they are withdrawn instead, which refuses them exactly as a spent code is refused
-- ("unknown or already used") and leaves no trace of which codes were used.
delete from invitation where used;
drop index invitation_pending_seal;
alter table invitation drop column used, drop column pending_seal;

-- 2. Anonymous idempotency keys were scoped by a keyed hash of the client's address: that
--    scope tied one address's responses together. Anonymous keys are now scoped per survey
--    only; the old scopes are erased (a retry of a submission made before the upgrade is no
--    longer recognised, which only matters for the few minutes a retry is plausible).
update response set idempotency_scope = null, idempotency_key = null, request_hash = null
 where idempotency_scope like 'client:%';

-- 3. The id used in exports (ledger, microdata) is not the id returned at submission, which
--    stays between the submitter and the service. Responses sealed before this version keep
--    their id as export id, because their seals already commit to it (docs/receipts.md).
alter table response add column export_id uuid;
update response set export_id = case when seal_id is null then gen_random_uuid() else id end;
alter table response alter column export_id set default gen_random_uuid(),
                     alter column export_id set not null;
alter table response add constraint response_export_id_unique unique (export_id);

-- 4. The moment of a response is kept to the hour: enough for the field dates (exports give
--    only the UTC date) and for listing held responses, too coarse to pick out someone whose
--    minute of submission is known. Existing rows are coarsened as well.
alter table response alter column submitted_at set default date_trunc('hour', now());
update response set submitted_at = date_trunc('hour', submitted_at)
 where submitted_at <> date_trunc('hour', submitted_at);

-- 5. The "already answered" cookie is gone (the phone keeps nothing): its signing key too.
drop table web_key;
