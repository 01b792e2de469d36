-- Review rules that tell a crowd from a flood (issue 9): a response is now held for an answer
-- surge — its answer set, within its region, arriving far faster than its share so far — instead
-- of for being one of "too many identical answers". Rows held under the old rule keep their reason.
alter table response drop constraint response_quarantine_reason_check;
alter table response add constraint response_quarantine_reason_check
    check (quarantine_reason in ('CLIENT_BURST', 'IDENTICAL_ANSWERS', 'ANSWER_SURGE'));
