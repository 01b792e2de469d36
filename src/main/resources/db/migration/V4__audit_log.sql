-- Audit log: what admins did, and who (which token) did it.
--
-- Append-only by construction, not by convention: a trigger refuses every UPDATE, DELETE
-- and TRUNCATE, so not even the service's own database user can rewrite history through
-- SQL. (A superuser can still drop the trigger; that act itself is visible in the schema.)
-- Actions only: never a respondent, an answer, an invitation code or a secret.

create table audit_event (
    id         bigserial   primary key,
    at         timestamptz not null default now(),
    -- The acting token; null when the service itself acted (start-up, bootstrap).
    actor_id   uuid,
    actor_name text        not null,
    action     text        not null,
    subject    text,
    details    jsonb       not null default '{}'
);

create function audit_event_refuse_change() returns trigger
    language plpgsql as $$
begin
    raise exception 'audit_event is append-only: % refused', tg_op
        using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_event_append_only
    before update or delete on audit_event
    for each row execute function audit_event_refuse_change();

create trigger audit_event_no_truncate
    before truncate on audit_event
    for each statement execute function audit_event_refuse_change();
