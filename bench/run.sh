#!/usr/bin/env bash
# Measures a running stack; see bench/README.md.
#   bench/run.sh [--alarms 200] [--clients 8] [--seconds 10] [--batch 100]
# Starts the stack itself (./autopilot up) with pages going to the bench's receiver when nothing runs yet.
set -euo pipefail
cd "$(dirname "$0")/.."
WEBHOOK_PORT=18099
if ! ./autopilot status > /dev/null 2>&1; then
  # the bench replays an unsigned SNS example: signature verification off for this stack (warned in /q/health)
  OPS_WEBHOOK_URL="http://127.0.0.1:$WEBHOOK_PORT/hooks/bench" DETECTOR_SNS_VERIFY_SIGNATURES=false ./autopilot up
else
  echo "The stack already runs: its pages must go to http://127.0.0.1:$WEBHOOK_PORT/ (OPS_WEBHOOK_URL) and it"
  echo "must take unsigned SNS messages (DETECTOR_SNS_VERIFY_SIGNATURES=false); './autopilot down' first to let this"
  echo "script start it so."
fi
# kafka-clients and Jackson come from the platform's classpath; Bench.java runs as a single source file
exec java -Xmx512m -cp "$(cat platform/target/classes/platform.classpath)" bench/Bench.java \
  --webhook-port "$WEBHOOK_PORT" --kafka "127.0.0.1:${AUTOPILOT_KAFKA_PORT:-9092}" "$@"
