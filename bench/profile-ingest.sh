#!/usr/bin/env bash
# Where the service's CPU goes under the ingest load: JFR records the service while wrk
# drives one submission path (as bench/ingest does, at one concurrency), then the hottest
# frames and packages are printed from the recording's execution samples.
#
# usage: bench/profile-ingest.sh [SECONDS=30] [CONNECTIONS=16] [MODE=token]
#   MODE: token | anon | form | batch (see ingest.lua); PORT (default 8094); the JVM options
#   of the container, docker/Dockerfile (VICHE_JAVA_OPTS overrides them). The recording stays in /tmp/viche-ingest.jfr.
set -euo pipefail
cd "$(dirname "$0")"
source ./lib.sh

SECONDS_PER_RUN="${1:-30}"
CONNECTIONS="${2:-16}"
MODE="${3:-token}"
DB=viche_bench_profile
PORT="${PORT:-8094}"
SLUG="bench-$MODE"
JFR=/tmp/viche-ingest.jfr
BODIES=/tmp/viche-ingest-bodies.txt
JAVA_OPTS="${VICHE_JAVA_OPTS:-$(sed -n 's/^ *JAVA_TOOL_OPTIONS="\(.*\)"$/\1/p' ../docker/Dockerfile)}"
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"

bench_build
if [ "$MODE" = form ]; then python3 ingest_bodies.py 20000 7 --form >"$BODIES"; else python3 ingest_bodies.py 20000 >"$BODIES"; fi
trap 'bench_stop "$DB"' EXIT
# shellcheck disable=SC2086
QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING=true QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED=true \
    VICHE_RATE_LIMIT_PARTNER_PER_WINDOW=1000000000 bench_start "$DB" "$PORT" $JAVA_OPTS
bench_create_survey "$PORT" "$SLUG"
TOKEN=$(bench_api "$PORT" POST /api/v1/tokens "{\"name\":\"profile\",\"role\":\"partner\",\"surveys\":[\"$SLUG\"]}" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
load() { # run_id seconds
    MODE="$MODE" SLUG="$SLUG" BODIES="$BODIES" TOKEN="$TOKEN" RUN_ID="$1" RUN_SECONDS="$2" DELAY_MS=0 \
        wrk -t 2 -c "$CONNECTIONS" -d "$(($2 + 5))s" --timeout 5s -s ingest.lua "http://127.0.0.1:$PORT" | grep '^RESULT'
}
load 1 10 >/dev/null # warm-up: the JIT compiles the hot path before the recording starts
jcmd "$SERVICE_PID" JFR.start filename=$JFR settings=profile >/dev/null
load 2 "$SECONDS_PER_RUN"
jcmd "$SERVICE_PID" JFR.dump filename=$JFR >/dev/null
jfr print --events jdk.ExecutionSample "$JFR" | python3 profile_summary.py
