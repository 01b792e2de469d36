#!/usr/bin/env bash
# Where the service's CPU goes under the ingest load: JFR records the service while wrk
# drives it (as bench/ingest does, at one concurrency), then the hottest frames and
# packages are printed from the recording's execution samples.
#
# usage: bench/profile-ingest.sh [SECONDS=30] [CONNECTIONS=16]
set -euo pipefail
cd "$(dirname "$0")"
source ./lib.sh

SECONDS_PER_RUN="${1:-30}"
CONNECTIONS="${2:-16}"
DB=viche_bench_profile
PORT=8094
SLUG=bench-ingest
JFR=/tmp/viche-ingest.jfr
BODIES=/tmp/viche-ingest-bodies.jsonl

bench_build
python3 ingest_bodies.py 20000 >"$BODIES"
trap 'bench_stop "$DB"' EXIT
QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING=true QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED=true \
    bench_start "$DB" "$PORT" -Xmx256m -XX:StartFlightRecording=filename=$JFR,settings=profile,dumponexit=true
bench_create_survey "$PORT" "$SLUG"
SLUG="$SLUG" BODIES="$BODIES" DELAY_MS=0 wrk -t 2 -c "$CONNECTIONS" -d 10s -s ingest.lua "http://localhost:$PORT" >/dev/null
jcmd "$SERVICE_PID" JFR.stop >/dev/null 2>&1 || true
jcmd "$SERVICE_PID" JFR.start filename=$JFR settings=profile >/dev/null
SLUG="$SLUG" BODIES="$BODIES" DELAY_MS=0 wrk -t 2 -c "$CONNECTIONS" -d "${SECONDS_PER_RUN}s" -s ingest.lua \
    "http://localhost:$PORT" | grep '^RESULT'
jcmd "$SERVICE_PID" JFR.dump filename=$JFR >/dev/null
jfr print --events jdk.ExecutionSample "$JFR" | python3 profile_summary.py
