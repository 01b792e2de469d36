#!/usr/bin/env bash
# How much does /results cost, against the obvious alternative of counting the responses?
#
# Creates its own database (viche_bench_results), starts the packaged service on a free port,
# creates and opens a survey through the API, then loads 1,000 and then 1,000,000 responses
# by SQL (with the matching tally counters). At each size it times RUNS requests of /results
# (admin token, so current figures, computed afresh each time) and RUNS runs of a plain
# GROUP BY over the responses, and prints the medians. Stops the service and drops the
# database at the end. About 5 minutes on 2 cores.
#
# Usage: bench/results.sh            (after mvn -B -q package -DskipTests)
#        RUNS=50 bench/results.sh
set -euo pipefail

DB=viche_bench_results
RUNS=${RUNS:-50}
WARMUP=${WARMUP:-50}
SIZES=${SIZES:-"1000 1000000"}
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
bench_begin "$@"

GROUP_BY="select answers->>'arrangement', region, count(*) from viche.response where survey_id = %s group by 1, 2"

time_results() {
    local i
    for i in $(seq 1 "$WARMUP"); do admin -o /dev/null "$BASE/api/v1/surveys/$SLUG/results"; done
    for i in $(seq 1 "$RUNS"); do
        admin -o /dev/null -w '%{time_total}\n' "$BASE/api/v1/surveys/$SLUG/results"
    done | awk '{ printf "%.3f\n", $1 * 1000 }' | median
}

time_group_by() {
    local query i
    query=$(printf "$GROUP_BY" "$SURVEY_ID")
    {
        echo "$query;"
        echo '\timing on'
        for i in $(seq 1 "$RUNS"); do echo "$query;"; done
    } | psql_db -o /dev/null | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | median
}

# The figures /results publishes are the figures the GROUP BY finds: 0 differing options.
check_consistent() {
    local body
    body=$(admin "$BASE/api/v1/surveys/$SLUG/results")
    psql_db -v body="$body" -v sid="$SURVEY_ID" <<'SQL'
with published as (
    select o->>'key' as option, (o->>'count')::bigint as count
      from jsonb_array_elements((:'body')::jsonb->'questions') as q, jsonb_array_elements(q->'overall'->'options') as o
     where q->>'key' = 'arrangement'),
counted as (
    select answers->>'arrangement' as option, count(*) as count
      from viche.response where survey_id = :sid group by 1)
select count(*) from published full join counted using (option) where published.count is distinct from counted.count;
SQL
}

start_service -Xmx512m
create_survey

declare -a ROWS
for size in $SIZES; do
    log "loading $size responses"
    started=$SECONDS
    load_responses "$size"
    log "loaded in $((SECONDS - started)) s"
    differing=$(check_consistent)
    if [ "$differing" != 0 ]; then
        echo "/results disagrees with the responses on $differing option(s)" >&2
        exit 1
    fi
    results_ms=$(time_results)
    group_by_ms=$(time_group_by)
    ROWS+=("$(printf '%-12s %18s %20s %22s' "$(printf "%'d" "$size")" "$results_ms" "$group_by_ms" \
        "$(awk -v r="$results_ms" -v g="$group_by_ms" 'BEGIN { printf "%.3f", r / g }')")")
done

echo
echo "Viche /results vs GROUP BY — $(date -u +%F), $(nproc) cores ($(lscpu | sed -n 's/^Model name: *//p' | head -n 1)), PostgreSQL $(psql -X -qAt -d "$DB" -c 'show server_version' | cut -d' ' -f1)"
echo "median of $RUNS runs each; /results: curl time_total with an admin token; GROUP BY: psql \\timing"
printf '%-12s %18s %20s %22s\n' "responses" "/results ms" "GROUP BY ms" "ratio results/GROUP BY"
printf '%s\n' "${ROWS[@]}"
