#!/usr/bin/env bash
# Where the service's CPU goes under the ingest load: JFR records the service while wrk
# drives one submission path (as bench/ingest does, at one concurrency), then the hottest
# frames and packages are printed from the recording's execution samples.
#
# usage: bench/profile-ingest.sh [SECONDS=30] [CONNECTIONS=16] [MODE=token]
#   MODE: token | anon | form | batch (see ingest.lua); PORT (default 8094); the JVM options
#   of the container, docker/Dockerfile (VICHE_JAVA_OPTS overrides them). The recording stays in /tmp/viche-ingest.jfr.
#   PROFILER=async samples with async-profiler instead (fetched through ./mvnw from the Maven
#   repository, tools.profiler:async-profiler; every thread's CPU time including native frames, 1 ms
#   interval; JFR samples a few Java threads only) and prints the CPU time by thread and by layer
#   (HTTP, REST, JSON, JDBC, Viche's own code...). Its stacks stay in /tmp/viche-ingest.collapsed.
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
    VICHE_RATE_LIMIT_PARTNER_PER_WINDOW=1000000000 bench_start "$DB" "$PORT" $JAVA_OPTS -XX:FlightRecorderOptions:stackdepth=128
bench_create_survey "$PORT" "$SLUG"
TOKEN=$(bench_api "$PORT" POST /api/v1/tokens "{\"name\":\"profile\",\"role\":\"partner\",\"surveys\":[\"$SLUG\"]}" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
load() { # run_id seconds
    MODE="$MODE" SLUG="$SLUG" BODIES="$BODIES" TOKEN="$TOKEN" RUN_ID="$1" RUN_SECONDS="$2" \
        wrk -t 2 -c "$CONNECTIONS" -d "$(($2 + 5))s" --timeout 5s -s ingest.lua "http://127.0.0.1:$PORT" | grep '^RESULT'
}
load 1 10 >/dev/null # warm-up: the JIT compiles the hot path before the recording starts

# Besides the JVM's samples: CPU time of the service and of its PostgreSQL backends, and the
# database's own counters (commits, rows written), per stored response.
cpu_ticks() { # pids... → utime + stime, in clock ticks
    for pid in "$@"; do awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || echo 0; done | awk '{ s += $1 } END { print s + 0 }'
}
db_stats() {
    psql -X -d "$DB" -Atc "select xact_commit, tup_inserted, tup_updated, tup_deleted, tup_fetched
                             from pg_stat_database where datname = current_database()"
}
BACKENDS=$(psql -X -d "$DB" -Atc "select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()")
STORED_BEFORE=$(psql -X -d "$DB" -Atc "select count(*) from viche.response")
JVM_BEFORE=$(cpu_ticks "$SERVICE_PID")
PG_BEFORE=$(cpu_ticks $BACKENDS)
STATS_BEFORE=$(db_stats)
if [ "${PROFILER:-jfr}" = async ]; then
    AP=/tmp/viche-async-profiler
    if [ ! -f "$AP/linux-x64/libasyncProfiler.so" ]; then
        (cd .. && ./mvnw -q -B dependency:copy -Dartifact=tools.profiler:async-profiler:3.0:jar:linux-x64 \
            -DoutputDirectory="$AP" -Dmdep.stripVersion=true)
        unzip -o -q "$AP"/async-profiler*.jar -d "$AP"
    fi
    # the options quoted once more: jcmd would take "event=itimer" for an option of its own
    jcmd "$SERVICE_PID" JVMTI.agent_load "$AP/linux-x64/libasyncProfiler.so" '"start,event=itimer,interval=1ms,threads"' >/dev/null
    load 2 "$SECONDS_PER_RUN"
    jcmd "$SERVICE_PID" JVMTI.agent_load "$AP/linux-x64/libasyncProfiler.so" '"stop,collapsed,file=/tmp/viche-ingest.collapsed"' >/dev/null
else
    jcmd "$SERVICE_PID" JFR.start filename=$JFR settings=profile >/dev/null
    load 2 "$SECONDS_PER_RUN"
    jcmd "$SERVICE_PID" JFR.dump filename=$JFR >/dev/null
fi
sleep 1 # PostgreSQL publishes its counters about once a second
STORED=$(( $(psql -X -d "$DB" -Atc "select count(*) from viche.response") - STORED_BEFORE ))
python3 - "$STORED" "$(getconf CLK_TCK)" "$(( $(cpu_ticks "$SERVICE_PID") - JVM_BEFORE ))" \
    "$(( $(cpu_ticks $BACKENDS) - PG_BEFORE ))" "$STATS_BEFORE" "$(db_stats)" <<'PY'
import sys
stored, tck, jvm, pg = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
before, after = ([int(v) for v in a.split("|")] for a in sys.argv[5:7])
delta = [a - b for a, b in zip(after, before)]
print(f"{stored} responses stored while recording")
print(f"CPU per stored response: service {1e6 * jvm / tck / stored:.0f} us, "
      f"its PostgreSQL backends {1e6 * pg / tck / stored:.0f} us (backends open at the start)")
print("per stored response: " + ", ".join(f"{name} {d / stored:.2f}" for name, d in
      zip(["commits", "rows inserted", "rows updated", "rows deleted", "rows fetched"], delta)))
PY
if [ "${PROFILER:-jfr}" = async ]; then
    python3 profile_layers.py /tmp/viche-ingest.collapsed
else
    jfr print --stack-depth 128 --events jdk.ExecutionSample "$JFR" | python3 profile_summary.py
fi
