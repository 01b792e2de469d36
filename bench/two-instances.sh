#!/usr/bin/env bash
# Two instances, one database: drives submissions with idempotent retries through both at
# once (some deliberately re-sent to the other instance) and checks that stored rows,
# published results and idempotency agree exactly with what the clients were told.
#
# usage: bench/two-instances.sh [COUNT=2000] [THREADS=16]
set -euo pipefail
cd "$(dirname "$0")"
source ./lib.sh

COUNT="${1:-2000}"
THREADS="${2:-16}"
DB=viche_bench_two
SLUG=bench-two
A=8097
B=8098

bench_build
trap 'bench_stop "$DB"' EXIT
QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING=true QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED=true bench_start "$DB" "$A" -Xmx256m
# The second instance joins the same database (its migrations and bootstrap are no-ops now).
QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING=true QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED=true \
    bench_start_instance "$DB" "$B" -Xmx256m
bench_create_survey "$A" "$SLUG"

bench_log "$COUNT submissions from $THREADS threads through ports $A and $B"
python3 retrying_client.py "$A,$B" "$SLUG" "$COUNT" "$THREADS" /tmp/viche-two-acks.jsonl
psql -d "$DB" -Atc "select id from viche.response" >/tmp/viche-two-stored.txt
bench_api "$B" GET "/api/v1/surveys/$SLUG/results" >/tmp/viche-two-results.json
python3 check_stored.py /tmp/viche-two-acks.jsonl /tmp/viche-two-stored.txt /tmp/viche-two-results.json
echo "two instances: OK"
