-- The SQL of one accepted anonymous submission to the demo survey, statement for statement
-- as the service runs it (see ResponseStore, TallyWriter, RateLimiter, SurveyRepository):
-- the rate-limit and burst counters in their own asynchronously committed transactions, then
-- the survey lookup, and the response insert with its counters in one transaction (Viche
-- groups several submissions into that one; pgbench commits each alone). Keep in step.
-- Variable from bench/ingest: :survey (the id of survey 'bench-ingest').
\set region random(1, 27)
\set client random(1, 2000000000)
\set slot random(0, 7)
\set answers random(1, 100000)
BEGIN;
SET LOCAL synchronous_commit = off;
INSERT INTO viche.rate_limit_window (bucket, window_start, count)
SELECT b.bucket, date_trunc('minute', now()), b.cost
  FROM unnest(ARRAY['client:' || :client || ':' || :survey], ARRAY[1]) AS b(bucket, cost) ORDER BY b.bucket
ON CONFLICT (bucket, window_start) DO UPDATE SET count = viche.rate_limit_window.count + excluded.count
RETURNING bucket, count;
END;
-- the quarantine's burst counters: per client, and per identical answer set
BEGIN;
SET LOCAL synchronous_commit = off;
INSERT INTO viche.rate_limit_window (bucket, window_start, count)
SELECT b.bucket, date_trunc('minute', now()), b.cost
  FROM unnest(ARRAY['burst:client:' || :client || ':' || :survey, 'burst:answers:' || :survey || ':' || md5(:answers::text)],
              ARRAY[1, 1]) AS b(bucket, cost) ORDER BY b.bucket
ON CONFLICT (bucket, window_start) DO UPDATE SET count = viche.rate_limit_window.count + excluded.count
RETURNING bucket, count;
END;
BEGIN;
SELECT id, slug, status, definition, demo, created_at, opened_at, closed_at FROM viche.survey WHERE slug = 'bench-ingest';
INSERT INTO viche.response (id, survey_id, region, language, channel, partner_id, answers, receipt,
                            idempotency_scope, idempotency_key, request_hash, text_salt, status, quarantine_reason)
SELECT r.id, r.survey_id, r.region, r.language, r.channel, r.partner_id, r.answers::jsonb, r.receipt,
       r.scope, r.key, decode(r.hash, 'hex'), decode(r.salt, 'hex'), r.status, r.reason
  FROM unnest(ARRAY[gen_random_uuid()], ARRAY[:survey]::bigint[],
              ARRAY[(ARRAY['UA-05','UA-07','UA-09','UA-12','UA-14','UA-18','UA-21','UA-23','UA-26','UA-30','UA-32',
                           'UA-35','UA-40','UA-43','UA-46','UA-48','UA-51','UA-53','UA-56','UA-59','UA-61','UA-63',
                           'UA-65','UA-68','UA-71','UA-74','UA-77'])[:region]],
              ARRAY['uk'], ARRAY['API'], ARRAY[NULL]::uuid[],
              ARRAY['{"arrangement":"dmz","guarantees":["eu","un"],"trust":2,"priorities":["peace","return","justice"],"referendum":"yes","age_group":"30_44"}'],
              ARRAY[upper(substr(md5(random()::text || clock_timestamp()::text), 1, 19))],
              ARRAY[NULL]::text[], ARRAY[NULL]::text[], ARRAY[NULL]::text[], ARRAY[NULL]::text[],
              ARRAY['ACCEPTED'], ARRAY[NULL]::text[])
       AS r(id, survey_id, region, language, channel, partner_id, answers, receipt, scope, key, hash, salt,
            status, reason)
ON CONFLICT ON CONSTRAINT response_idempotency_unique DO NOTHING
RETURNING id;
INSERT INTO viche.tally (survey_id, question, region, bucket, source, slot, count)
SELECT c.survey_id, c.question, c.region, c.bucket, c.source, :slot, c.count
  FROM unnest(array_fill(:survey::bigint, ARRAY[16]),
              ARRAY['','age_group','age_group','arrangement','arrangement','guarantees','guarantees','guarantees',
                    'priorities','priorities','priorities','priorities','referendum','referendum','trust','trust'],
              array_fill((ARRAY['UA-05','UA-07','UA-09','UA-12','UA-14','UA-18','UA-21','UA-23','UA-26','UA-30','UA-32',
                           'UA-35','UA-40','UA-43','UA-46','UA-48','UA-51','UA-53','UA-56','UA-59','UA-61','UA-63',
                           'UA-65','UA-68','UA-71','UA-74','UA-77'])[:region], ARRAY[16]),
              ARRAY['responses','answered','option:30_44','answered','option:dmz','answered','option:eu','option:un',
                    'answered','rank:justice:3','rank:peace:1','rank:return:2','answered','option:yes','answered','value:2'],
              array_fill('API'::text, ARRAY[16]), array_fill(1::bigint, ARRAY[16]))
       AS c(survey_id, question, region, bucket, source, count)
 ORDER BY c.survey_id, c.question, c.region, c.bucket, c.source
ON CONFLICT (survey_id, question, region, bucket, source, slot) DO UPDATE SET count = viche.tally.count + excluded.count;
END;
