# For the benchmarks that load responses by SQL (results.sh, microdata-memory.sh), on top of
# lib.sh (database, service start and stop, admin token): a 15-minute bound, a free port, a
# survey with one question of every type, and responses loaded by SQL together with the
# matching roll-up (tally) counters. Sourced, not run.

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

JAR="$BENCH_ROOT/target/quarkus-app/quarkus-run.jar"
WORK=$(mktemp -d)
ADMIN_TOKEN="$BENCH_ADMIN_TOKEN"
SERVICE_PID=
PORT=
BASE=
SURVEY_ID=
SLUG=bench-survey
REGIONS=(UA-14 UA-09 UA-23 UA-65 UA-48)

log() { bench_log "$@"; }

psql_db() { psql -X -v ON_ERROR_STOP=1 -qAt -d "$DB" "$@"; }

# bench_begin "$@": bounds the whole run to 15 minutes (re-running the script under timeout),
# checks the jar is built, and makes sure the service and the database go away at the end.
bench_begin() {
    if [ -z "${BENCH_BOUNDED:-}" ]; then
        exec env BENCH_BOUNDED=1 timeout 900 "$0" "$@"
    fi
    if [ ! -f "$JAR" ]; then
        echo "No $JAR: build it first with 'mvn -B -q package -DskipTests'." >&2
        exit 1
    fi
    trap cleanup EXIT
    trap 'exit 1' INT TERM
}

free_port() {
    local port
    for port in $(shuf -i 20000-45000 -n 100); do
        if ! (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return
        fi
    done
    echo "no free port found" >&2
    return 1
}

# Stops the service and drops the database, whatever happened before.
cleanup() {
    bench_stop "$DB"
    rm -rf "$WORK"
}

# start_service [extra JVM options...]: a fresh database and the service on a free port.
start_service() {
    PORT=$(free_port)
    BASE="http://127.0.0.1:$PORT"
    bench_start "$DB" "$PORT" "$@" || { tail -n 40 "/tmp/viche-bench-$PORT.log" >&2; exit 1; }
}

admin() { curl -sf --max-time 120 -H "Authorization: Bearer $ADMIN_TOKEN" "$@"; }

# One question of every type, in the five regions above.
create_survey() {
    local regions
    regions=$(printf '"%s",' "${REGIONS[@]}")
    admin -H 'Content-Type: application/json' -o /dev/null -X POST "$BASE/api/v1/surveys" -d @- <<JSON
{"slug": "$SLUG", "title": {"en": "Benchmark"}, "regionScheme": "UA", "regions": [${regions%,}],
 "questions": [
  {"key": "arrangement", "type": "SINGLE_CHOICE", "required": true, "text": {"en": "Arrangement?"},
   "options": [{"key": "sez", "text": {"en": "SEZ"}}, {"key": "dmz", "text": {"en": "DMZ"}}, {"key": "return", "text": {"en": "Return"}}]},
  {"key": "guarantees", "type": "MULTIPLE_CHOICE", "maxChoices": 2, "text": {"en": "Guarantees?"},
   "options": [{"key": "us", "text": {"en": "US"}}, {"key": "eu", "text": {"en": "EU"}}, {"key": "un", "text": {"en": "UN"}}]},
  {"key": "trust", "type": "SCALE", "min": 1, "max": 5, "text": {"en": "Trust?"}},
  {"key": "priorities", "type": "RANKING", "text": {"en": "Priorities?"},
   "options": [{"key": "peace", "text": {"en": "Peace"}}, {"key": "integrity", "text": {"en": "Integrity"}}, {"key": "return", "text": {"en": "Return"}}]},
  {"key": "comment", "type": "TEXT", "maxLength": 2000, "text": {"en": "Comment?"}}
 ],
 "results": {"visibility": "LIVE", "minCellSize": 10}}
JSON
    admin -o /dev/null -X POST "$BASE/api/v1/surveys/$SLUG/open"
    SURVEY_ID=$(psql_db -c "select id from viche.survey where slug = '$SLUG'")
}

# load_responses TOTAL [COMMENT_SHARE] [COMMENT_TEXT]: adds responses up to TOTAL (random but
# valid answers, every type, some skipped), then rebuilds the survey's tally from them with
# one INSERT ... SELECT ... GROUP BY, bucket for bucket what the service's roll-up folds per
# response, and moves the roll-up's watermark past them.
load_responses() {
    local total=$1 comment_share=${2:-0.1} comment=${3:-bench comment}
    local regions
    regions=$(printf "'%s'," "${REGIONS[@]}")
    psql_db -v sid="$SURVEY_ID" -v total="$total" -v share="$comment_share" -v comment="$comment" <<SQL
set synchronous_commit = off;
insert into viche.response (id, survey_id, region, language, channel, answers, receipt, submitted_at)
select gen_random_uuid(), :sid,
       (array[${regions%,}])[1 + i % ${#REGIONS[@]}], 'en', 'WEB',
       jsonb_strip_nulls(jsonb_build_object(
           'arrangement', (array['sez', 'dmz', 'return'])[1 + floor(random() * 3)::int],
           'guarantees', case when random() < 0.7 then (array['["us"]', '["eu"]', '["un"]', '["us", "eu"]',
                              '["eu", "un"]', '["un", "us"]'])[1 + floor(random() * 6)::int]::jsonb end,
           'trust', case when random() < 0.85 then 1 + floor(random() * 5)::int end,
           'priorities', case when random() < 0.75 then (array['["peace"]', '["integrity", "peace"]',
                              '["return", "peace", "integrity"]', '["peace", "return"]',
                              '["integrity", "return", "peace"]'])[1 + floor(random() * 5)::int]::jsonb end,
           'comment', case when random() < :share then :'comment' || ' #' || i end)),
       'bench-' || i, now() - (i % 30) * interval '1 day'
  from generate_series((select count(*) + 1 from viche.response where survey_id = :sid), :total) as i;

delete from viche.tally where survey_id = :sid;
insert into viche.tally (survey_id, question, region, bucket, slot, count)
select :sid, question, region, bucket, 0, count(*)
  from (select r.region, '' as question, 'responses' as bucket
          from viche.response r where r.survey_id = :sid
        union all
        select r.region, q.key, b.bucket
          from viche.response r
          cross join lateral jsonb_each(r.answers) as a (key, value)
          join (select q->>'key' as key, q->>'type' as type
                  from viche.survey s, jsonb_array_elements(s.definition->'questions') as q
                 where s.id = :sid) as q on q.key = a.key
          cross join lateral (
                select 'answered' as bucket
                union all select 'option:' || (a.value #>> '{}') where q.type = 'SINGLE_CHOICE'
                union all select 'option:' || e
                            from jsonb_array_elements_text(case when q.type = 'MULTIPLE_CHOICE' then a.value else '[]' end) as e
                union all select 'value:' || (a.value #>> '{}') where q.type = 'SCALE'
                union all select 'rank:' || e.k || ':' || e.p
                            from jsonb_array_elements_text(case when q.type = 'RANKING' then a.value else '[]' end)
                                 with ordinality as e (k, p)) as b
         where r.survey_id = :sid) as counters
 group by question, region, bucket;
-- counted above: the service's roll-up must not fold these rows again
update viche.tally_watermark set folded = (select coalesce(max(seq), 0) from viche.response);
analyze viche.response;
analyze viche.tally;
SQL
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
