#!/usr/bin/env bash
# Batch versus single submissions (partners issue): N single POSTs, one after another over a
# keep-alive connection, against one POST of an N-item batch, both with a partner token and
# idempotency keys, in the same run on the same service. Prints the ratio.
#
# usage: bench/batch.sh [N=1000] [ROUNDS=5]
set -euo pipefail
cd "$(dirname "$0")"
source ./lib.sh

N="${1:-1000}"
ROUNDS="${2:-5}"
DB=viche_bench_batch
PORT="${PORT:-8095}"
SLUG=bench-batch

bench_build
trap 'bench_stop "$DB"' EXIT
# Generous partner limit: the benchmark measures the submission path, limiter included.
VICHE_RATE_LIMIT_PARTNER_PER_WINDOW=100000000 bench_start "$DB" "$PORT" -Xmx256m
bench_create_survey "$PORT" "$SLUG"
TOKEN=$(bench_api "$PORT" POST /api/v1/tokens "{\"name\":\"bench-partner\",\"role\":\"partner\",\"surveys\":[\"$SLUG\"]}" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')

python3 batch_client.py "$PORT" "$SLUG" "$TOKEN" "$N" "$ROUNDS"

STORED=$(psql -d "$DB" -Atc "select count(*) from viche.response")
EXPECTED=$(( (ROUNDS + 1) * 2 * N ))
echo "rows stored: $STORED (expected $EXPECTED: warm-up and timed rounds)"
[ "$STORED" -eq "$EXPECTED" ]
