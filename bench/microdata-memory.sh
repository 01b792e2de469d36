#!/usr/bin/env bash
# Does the microdata export run in constant memory? Loads ROWS responses (default 400,000,
# each with a free-text answer full of commas, quotes and formula-like text) by SQL, starts
# the packaged service with a heap of HEAP (default 64m) — far smaller than the CSV — and
# downloads responses.csv?text=true twice: at full speed, and throttled (a slow client, so a
# server that buffered instead of streaming would pile the file up in memory). Checks the
# row count and prints sizes, times and the service's peak resident memory. Creates and
# drops its own database (viche_bench_microdata). A few minutes on 2 cores.
#
# Usage: bench/microdata-memory.sh   (after mvn -B -q package -DskipTests)
set -euo pipefail

DB=viche_bench_microdata
ROWS=${ROWS:-400000}
HEAP=${HEAP:-64m}
SLOW_RATE=${SLOW_RATE:-4M}
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
bench_begin "$@"

# 150 characters that CSV must quote and spreadsheets would take for a formula
COMMENT='=SUM(A1:A9), "quoted", +1 -1 @mention; так, це тест — довгий вільний текст, щоб файл був більшим за купу пам’яті JVM, а рядок мав коми'

download() {
    local label=$1; shift
    local started=$SECONDS
    admin "$@" -o "$WORK/responses.csv" -w '%{size_download} %{time_total}\n' \
        "$BASE/api/v1/surveys/$SLUG/responses.csv?text=true" >"$WORK/stats"
    local bytes seconds records
    read -r bytes seconds <"$WORK/stats"
    records=$(python3 -c 'import csv,sys; print(sum(1 for _ in csv.reader(open(sys.argv[1], newline="", encoding="utf-8"))) - 1)' \
        "$WORK/responses.csv")
    if [ "$records" != "$ROWS" ]; then
        echo "$label: expected $ROWS rows, got $records" >&2
        exit 1
    fi
    printf '%-22s %10s rows %8.1f MB %8.1f s\n' "$label" "$records" "$(awk -v b="$bytes" 'BEGIN { print b / 1e6 }')" "$seconds"
}

start_service "-Xmx$HEAP" "-Xlog:gc:file=$WORK/gc.log"
create_survey
log "loading $ROWS responses"
load_responses "$ROWS" 1.0 "$COMMENT"
log "loaded"

echo
echo "Viche microdata export in constant memory — $(date -u +%F), $(nproc) cores, service heap -Xmx$HEAP"
FAST=$(download "full speed")
SLOW=$(download "throttled ($SLOW_RATE/s)" --limit-rate "$SLOW_RATE")
echo "$FAST"
echo "$SLOW"
curl -sf -o /dev/null "$BASE/q/health/live" || { echo "service unhealthy after the downloads" >&2; exit 1; }
if grep -q OutOfMemoryError "/tmp/viche-bench-$PORT.log"; then
    echo "the service ran out of memory" >&2
    exit 1
fi
echo "largest heap after a GC: $(sed -n 's/.*->\([0-9]*\)M(.*/\1/p' "$WORK/gc.log" | sort -n | tail -n 1) MB of $HEAP;" \
    "peak resident memory of the JVM (VmHWM): $(awk '/VmHWM/ { printf "%.0f MB", $2 / 1024 }' "/proc/$SERVICE_PID/status");" \
    "no OutOfMemoryError"
python3 -c 'import sys, itertools; [print(line.rstrip("\n")[:200]) for line in itertools.islice(open(sys.argv[1], encoding="utf-8"), 2)]' \
    "$WORK/responses.csv"
