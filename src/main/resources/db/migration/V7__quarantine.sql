-- Quarantine: responses of an OPEN survey that arrive in a suspicious burst are stored but
-- not counted until an admin releases them. The response row says only that it is held and
-- why (a burst from one client, or too many identical answers) — never who sent it: the
-- client is counted in rate_limit_window under a keyed hash that rotates daily and whose
-- windows are deleted within the hour.
alter table response
    add column status text not null default 'ACCEPTED'
        check (status in ('ACCEPTED', 'QUARANTINED', 'REJECTED')),
    add column quarantine_reason text
        check (quarantine_reason in ('CLIENT_BURST', 'IDENTICAL_ANSWERS'));

create index response_quarantined on response (survey_id, submitted_at, id) where status = 'QUARANTINED';
