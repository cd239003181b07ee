#!/usr/bin/env bash
# Measures the notification service alone; see notification-service/bench/README.md.
#   notification-service/bench/run.sh [--incidents 300] [--warmup 30] [--storm 2000]
# Starts its own Kafka and PostgreSQL (the local platform, on ports 19092 and 15432) and the packaged service (on
# 18084), with every page going to the bench's receiver (18098); stops them all when it ends.
set -euo pipefail
cd "$(dirname "$0")/../.."
KAFKA_PORT="${BENCH_KAFKA_PORT:-19092}"
POSTGRES_PORT="${BENCH_POSTGRES_PORT:-15432}"
HTTP_PORT="${BENCH_HTTP_PORT:-18084}"
RECEIVER_PORT="${BENCH_RECEIVER_PORT:-18098}"
WORK="$(mktemp -d /tmp/notification-bench.XXXXXX)"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

[[ -f platform/target/classes/platform.classpath ]] || ./mvnw -q -pl platform package -DskipTests
[[ -f notification-service/target/quarkus-app/quarkus-run.jar ]] \
  || ./mvnw -q -pl notification-service package -DskipTests
CLASSPATH_PLATFORM="platform/target/classes:$(cat platform/target/classes/platform.classpath)"

java -Xmx512m -XX:+UseSerialGC -cp "$CLASSPATH_PLATFORM" dev.autopilot.platform.LocalPlatform --dir "$WORK/data" \
  --kafka-port "$KAFKA_PORT" --postgres-port "$POSTGRES_PORT" --databases notification --partitions 3 \
  > "$WORK/platform.out" 2> "$WORK/platform.log" < /dev/null &
PIDS+=($!)
for _ in $(seq 1 240); do grep -q "PLATFORM READY" "$WORK/platform.out" && break; sleep 0.5; done
grep -q "PLATFORM READY" "$WORK/platform.out" || { echo "the platform did not start: $WORK/platform.log"; exit 1; }

# every contact falls back to the webhook: Slack, PagerDuty, SNS and email are left unconfigured; storm control
# is set out of reach so that the storm measures the dispatcher's rate, not the summary
KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT" \
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$POSTGRES_PORT/notification" \
QUARKUS_HTTP_PORT="$HTTP_PORT" \
OPS_WEBHOOK_URL="http://127.0.0.1:$RECEIVER_PORT/hooks/bench" \
NOTIFICATION_STORM_THRESHOLD=1000000 \
NOTIFICATION_STORM_MAX_PAGES_PER_INCIDENT=1000000 \
  java -Xmx384m -XX:+UseSerialGC -jar notification-service/target/quarkus-app/quarkus-run.jar \
  > "$WORK/notification.log" 2>&1 < /dev/null &
PIDS+=($!)
for _ in $(seq 1 240); do
  curl -fs -o /dev/null --max-time 2 "http://127.0.0.1:$HTTP_PORT/q/health/ready" && break
  sleep 0.5
done
curl -fs -o /dev/null --max-time 2 "http://127.0.0.1:$HTTP_PORT/q/health/ready" \
  || { tail -50 "$WORK/notification.log"; echo "the service did not become ready"; exit 1; }

java -Xmx512m -cp "$CLASSPATH_PLATFORM" notification-service/bench/NotificationBench.java \
  --kafka "127.0.0.1:$KAFKA_PORT" --receiver-port "$RECEIVER_PORT" "$@"
