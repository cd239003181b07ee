#!/usr/bin/env bash
# The reporting service's read models under load; see reporting-service/bench/README.md.
#   reporting-service/bench/run.sh [--incidents 100000] [--requests 300] [--warmup 50] [--seed 6] [--keep-up] [--build]
# --incidents 0 measures the queries only, on what is stored. --keep-up leaves a stack this script started running.
# --build rebuilds the platform and the reporting service first (done anyway when the packaged one is stale).
set -euo pipefail
cd "$(dirname "$0")/../.."
STATE="${AUTOPILOT_HOME:-$PWD/.autopilot}"
KAFKA="127.0.0.1:${AUTOPILOT_KAFKA_PORT:-9092}"
JDBC="jdbc:postgresql://127.0.0.1:${AUTOPILOT_POSTGRES_PORT:-5432}/reporting"
# the services that act on incidents: they would plan and page for every made-up one
REACTORS=(remediation notification)

keep_up=0
build=0
args=()
for arg in "$@"; do
  case "$arg" in
    --keep-up) keep_up=1 ;;
    --build) build=1 ;;
    *) args+=("$arg") ;;
  esac
done

# Is the packaged reporting service older than its sources? Sources copied with their times can be older than a
# jar that lacks them, so the migrations in the jar are compared too.
stale() {
  local jar=reporting-service/target/quarkus-app/quarkus-run.jar
  [[ -f $jar && -f platform/target/classes/platform.classpath ]] || return 0
  [[ -z $(find reporting-service/src/main support/src/main contracts/src/main -type f -newer "$jar" -print -quit) ]] \
    || return 0
  local app packaged sources
  app=$(ls reporting-service/target/quarkus-app/app/reporting-service-*.jar 2> /dev/null | head -1)
  [[ -n $app ]] || return 0
  packaged=$(unzip -Z1 "$app" | grep '^db/migration/.*\.sql$' | sed 's|.*/||' | sort)
  sources=$(ls reporting-service/src/main/resources/db/migration | sort)
  [[ "$packaged" != "$sources" ]]
}

started=0
ran=0
finish() {
  if [[ $started == 1 && $keep_up == 0 ]]; then ./autopilot down; fi
  if [[ $ran == 1 ]]; then
    echo "The bench's incidents stay stored; to start afresh: ./autopilot down && rm -rf ${STATE#"$PWD/"}/data"
  fi
}
trap finish EXIT

status=$(./autopilot status || true)
if grep -q ' running ' <<< "$status"; then
  for s in "${REACTORS[@]}"; do
    if grep -Eq "^$s +running" <<< "$status"; then
      echo "The stack runs with $s: it would act on every bench incident. './autopilot down' first and let this" >&2
      echo "script start the stack (it stops ${REACTORS[*]} for the run)." >&2
      exit 1
    fi
  done
  grep -Eq '^reporting +running .*, healthy,' <<< "$status" || { echo "reporting is not running and healthy" >&2; exit 1; }
  if stale; then echo "note: the running reporting service may be older than its sources" >&2; fi
else
  # build what the bench needs, and only that (others may be rebuilding their modules)
  if [[ $build == 1 ]] || stale; then
    echo "Building the platform and the reporting service ..."
    ./mvnw -B -q -o -pl platform,reporting-service -am package -DskipTests
  fi
  for s in detector remediation notification; do
    [[ -f "$s-service/target/quarkus-app/quarkus-run.jar" ]] \
      || { echo "$s-service is not built: './mvnw -q package -DskipTests' first" >&2; exit 1; }
  done
  started=1
  ./autopilot up
  # the stack runs without the services that act on incidents; their consumer groups are moved past the bench's
  # records afterwards, so they do not act on them when they next start either
  for s in "${REACTORS[@]}"; do
    pid=$(cat "$STATE/pids/$s")
    kill -TERM "$pid"
    for _ in $(seq 1 60); do kill -0 "$pid" 2> /dev/null || break; sleep 0.5; done
    rm -f "$STATE/pids/$s"
    echo "  stopped $s for the bench"
  done
fi

# kafka-clients, Jackson and the PostgreSQL driver from the platform's classpath, the event records from contracts
ran=1
java -Xmx512m -cp "contracts/target/classes:$(cat platform/target/classes/platform.classpath)" \
  reporting-service/bench/ReportingBench.java --kafka "$KAFKA" --jdbc "$JDBC" --tokens "$STATE/tokens" ${args[@]+"${args[@]}"}
