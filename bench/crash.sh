#!/usr/bin/env bash
# Crash safety. Phase 1: kill -9 the service in the middle of a load run, start it again,
# let the clients retry with their idempotency keys, and check that every submission
# answered 201 is stored exactly once. Phase 2: restart PostgreSQL in the middle of a run:
# the service must report not-ready, recover by itself and lose nothing acknowledged.
# Restarting PostgreSQL disturbs everything else using it: run this on a quiet machine.
#
# usage: bench/crash.sh [COUNT=3000] [THREADS=16]
set -euo pipefail
cd "$(dirname "$0")"
source ./lib.sh

COUNT="${1:-3000}"
THREADS="${2:-16}"
DB=viche_bench_crash
SLUG=bench-crash
PORT=8099
PG_VERSION=$(ls /etc/postgresql | sort -V | tail -n 1)

start_service() {
    QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING=true QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED=true \
        bench_start_instance "$DB" "$PORT" -Xmx256m
}

verify() { # phase name
    psql -d "$DB" -Atc "select id from viche.response" >/tmp/viche-crash-stored.txt
    bench_api "$PORT" GET "/api/v1/surveys/$SLUG/results" >/tmp/viche-crash-results.json
    cat /tmp/viche-crash-acks-*.jsonl >/tmp/viche-crash-acks.jsonl
    python3 check_stored.py /tmp/viche-crash-acks.jsonl /tmp/viche-crash-stored.txt /tmp/viche-crash-results.json
    bench_log "$1: OK"
}

bench_build
trap 'bench_stop "$DB"' EXIT
rm -f /tmp/viche-crash-acks-*.jsonl
QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING=true QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED=true bench_start "$DB" "$PORT" -Xmx256m
bench_create_survey "$PORT" "$SLUG"

# --- Phase 1: kill -9 -------------------------------------------------------------
python3 retrying_client.py "$PORT" "$SLUG" "$COUNT" "$THREADS" /tmp/viche-crash-acks-1.jsonl 240 &
CLIENT=$!
sleep 5
bench_log "kill -9 the service ($(psql -d "$DB" -Atc 'select count(*) from viche.response') responses stored so far)"
kill -9 "$SERVICE_PID"
wait "$SERVICE_PID" 2>/dev/null || true
sleep 2
bench_log "starting it again"
start_service
wait "$CLIENT"
verify "kill -9 mid-run"

# --- Phase 2: PostgreSQL restart -----------------------------------------------------
python3 retrying_client.py "$PORT" "$SLUG" "$COUNT" "$THREADS" /tmp/viche-crash-acks-2.jsonl 240 &
CLIENT=$!
( for _ in $(seq 1 300); do
      curl -s -o /dev/null -w '%{http_code}\n' "http://localhost:$PORT/q/health/ready" || echo 000
      sleep 0.2
  done ) >/tmp/viche-crash-ready.txt &
PROBE=$!
sleep 5
bench_log "restarting PostgreSQL $PG_VERSION/main"
pg_ctlcluster --skip-systemctl-redirect "$PG_VERSION" main stop -m fast
sleep 3
pg_ctlcluster --skip-systemctl-redirect "$PG_VERSION" main start
wait "$CLIENT"
kill "$PROBE" 2>/dev/null || true
wait "$PROBE" 2>/dev/null || true
NOT_READY=$(grep -c '^503$' /tmp/viche-crash-ready.txt || true)
for _ in $(seq 1 60); do curl -sf "http://localhost:$PORT/q/health/ready" >/dev/null && break; sleep 1; done
curl -sf "http://localhost:$PORT/q/health/ready" >/dev/null || { echo "PROBLEM: the service did not become ready again"; exit 1; }
bench_log "readiness answered 503 $NOT_READY times during the database restart, and is UP again"
[ "$NOT_READY" -gt 0 ] || { echo "PROBLEM: readiness never reported the database outage"; exit 1; }
verify "PostgreSQL restart mid-run"
echo "crash safety: OK"
