# Shared plumbing for the benchmark scripts: build the service if needed, start it on its
# own database and port, stop it and drop the database again. Source it; do not run it.
#
# Needs: a JDK, psql/createdb/dropdb, curl, PostgreSQL on $PGHOST:$PGPORT (user postgres).

BENCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
# At least 32 characters: the service refuses shorter bootstrap tokens.
BENCH_ADMIN_TOKEN="${BENCH_ADMIN_TOKEN:-bench-admin-$(od -An -tx1 -N16 /dev/urandom | tr -d " \n")}"
BENCH_PIDS=()

bench_log() { echo "[bench] $*" >&2; }

# Package the service unless a build is already there.
bench_build() {
    if [ ! -f "$BENCH_ROOT/target/quarkus-app/quarkus-run.jar" ]; then
        bench_log "building the service"
        (cd "$BENCH_ROOT" && ./mvnw -B -q package -DskipTests)
    fi
}

# bench_start DB PORT [extra java options...]: fresh database DB, service on PORT.
bench_start() {
    local db="$1"
    dropdb --if-exists --force "$db" 2>/dev/null || true
    createdb "$db"
    bench_start_instance "$@"
}

# bench_start_instance DB PORT [extra java options...]: one more service on an existing
# database (the second of two instances, or the same one again after a crash). Environment
# variables set by the caller (e.g. proxy forwarding) pass through. Sets SERVICE_PID.
bench_start_instance() {
    local db="$1" port="$2"
    shift 2
    bench_log "starting the service on port $port (database $db)"
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" \
        QUARKUS_DATASOURCE_USERNAME="$PGUSER" QUARKUS_DATASOURCE_PASSWORD="${PGPASSWORD:-}" \
        QUARKUS_HTTP_PORT="$port" VICHE_BOOTSTRAP_ADMIN_TOKEN="$BENCH_ADMIN_TOKEN" VICHE_DEMO_ENABLED=false \
        java "$@" -jar "$BENCH_ROOT/target/quarkus-app/quarkus-run.jar" >>"/tmp/viche-bench-$port.log" 2>&1 &
    SERVICE_PID=$!
    BENCH_PIDS+=("$SERVICE_PID")
    for _ in $(seq 1 120); do
        curl -sf "http://localhost:$port/q/health/ready" >/dev/null && return 0
        sleep 0.5
    done
    bench_log "the service did not become ready; see /tmp/viche-bench-$port.log"
    return 1
}

# Stop every service this script started and drop the given databases.
bench_stop() {
    for pid in "${BENCH_PIDS[@]}"; do
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    BENCH_PIDS=()
    for db in "$@"; do
        dropdb --if-exists --force "$db" 2>/dev/null || true
    done
}

# bench_api PORT METHOD PATH [JSON]: an admin call, printing the response body.
bench_api() {
    local port="$1" method="$2" path="$3" body="${4:-}"
    curl -sf -X "$method" "http://localhost:$port$path" -H "Authorization: Bearer $BENCH_ADMIN_TOKEN" \
        -H 'Content-Type: application/json' ${body:+-d "$body"}
}

# A survey like the demo one (every question type), opened; prints nothing.
bench_create_survey() {
    local port="$1" slug="$2"
    python3 - "$BENCH_ROOT/src/main/resources/demo/demo-survey.json" "$slug" >"/tmp/viche-bench-survey.json" <<'PY'
import json, sys
survey = json.load(open(sys.argv[1]))
survey["slug"] = sys.argv[2]
survey["results"]["minCellSize"] = 1
print(json.dumps(survey))
PY
    curl -sf -X POST "http://localhost:$port/api/v1/surveys" -H "Authorization: Bearer $BENCH_ADMIN_TOKEN" \
        -H 'Content-Type: application/json' --data-binary "@/tmp/viche-bench-survey.json" >/dev/null
    bench_api "$port" POST "/api/v1/surveys/$slug/open" >/dev/null
}
