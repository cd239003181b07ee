#!/usr/bin/env bash
# The detector's figures on a running stack; see detector-service/bench/README.md.
#   detector-service/bench/run.sh [--clients 16] [--seconds 10] [--storm 100000] [--latency 200] [--phases intake,storm,latency]
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! ./autopilot status > /dev/null 2>&1; then
  ./autopilot up
fi
exec java -Xmx512m -cp "$(cat platform/target/classes/platform.classpath)" detector-service/bench/DetectorBench.java \
  --kafka "127.0.0.1:${AUTOPILOT_KAFKA_PORT:-9092}" "$@"
