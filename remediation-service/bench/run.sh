#!/usr/bin/env bash
# How soon remediation acts: from IncidentOpened acknowledged by Kafka to the first AWS request of its playbook
# arriving at a stub standing in for AWS; prints p50, p99 and max. See remediation-service/bench/README.md.
#
#   remediation-service/bench/run.sh [--incidents 300] [--warmup 30]
#
# Runs on its own ports and state (nothing of ./autopilot is touched): a local platform (Kafka, PostgreSQL), the
# packaged remediation service in live mode with AUTOPILOT_AWS_ENDPOINT_OVERRIDE pointing at the bench's stub.
# The logs of the last run are left in remediation-service/target/bench/.
set -euo pipefail
cd "$(dirname "$0")/../.."
KAFKA_PORT=${BENCH_KAFKA_PORT:-19092}
POSTGRES_PORT=${BENCH_POSTGRES_PORT:-15432}
STUB_PORT=${BENCH_STUB_PORT:-18599}
SERVICE_PORT=${BENCH_SERVICE_PORT:-18582}
STATE=$(mktemp -d /tmp/remediation-bench.XXXXXX)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  mkdir -p remediation-service/target/bench && cp "$STATE"/*.log remediation-service/target/bench/ 2>/dev/null || true
  rm -rf "$STATE"
}
trap cleanup EXIT

./mvnw -o -q -pl remediation-service package -DskipTests
[[ -d remediation-service/target/test-classes/dev/autopilot/remediation/bench ]] || ./mvnw -o -q -pl remediation-service test-compile
[[ -f platform/target/classes/platform.classpath ]] || { echo "build the platform module first (./mvnw package -DskipTests)"; exit 1; }
./mvnw -o -q -pl remediation-service dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$STATE/cp" > /dev/null

java -Xmx512m -XX:+UseSerialGC -cp "platform/target/classes:$(cat platform/target/classes/platform.classpath)" \
  dev.autopilot.platform.LocalPlatform --dir "$STATE/data" --kafka-port "$KAFKA_PORT" --postgres-port "$POSTGRES_PORT" \
  --databases remediation --partitions 3 > "$STATE/platform.out" 2> "$STATE/platform.log" &
PIDS+=($!)
for _ in $(seq 1 240); do grep -qs "PLATFORM READY" "$STATE/platform.out" && break; sleep 0.5; done
grep "PLATFORM READY" "$STATE/platform.out" || { echo "the platform did not start; see $STATE/platform.log"; exit 1; }

AWS_ACCESS_KEY_ID=AKIDEXAMPLE AWS_SECRET_ACCESS_KEY=bench AWS_REGION=us-east-1 \
REMEDIATION_MODE=live REMEDIATION_BACKUPS_ENABLED=false \
AUTOPILOT_AWS_ENDPOINT_OVERRIDE="http://127.0.0.1:$STUB_PORT" \
KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT" \
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$POSTGRES_PORT/remediation" \
QUARKUS_HTTP_PORT="$SERVICE_PORT" \
  java -Xmx384m -XX:+UseSerialGC -jar remediation-service/target/quarkus-app/quarkus-run.jar > "$STATE/service.log" 2>&1 &
PIDS+=($!)

java -Xmx512m -cp "remediation-service/target/test-classes:remediation-service/target/classes:$(cat "$STATE/cp")" \
  dev.autopilot.remediation.bench.FirstRequestBench --kafka "127.0.0.1:$KAFKA_PORT" --stub-port "$STUB_PORT" \
  --service-url "http://127.0.0.1:$SERVICE_PORT" "$@"
