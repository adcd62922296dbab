#!/usr/bin/env bash
# The batch writer and the history compaction through many small batches on an in-process HDFS
# (simulated clock: one batch every 5 s, 1 h retention, a compaction every 1,000 batches).
# Usage: bash bench/retention.sh [batches]   (default 100000)
# Prints: retention objects_at_10k=<n> objects_at_100k=<n> ratio=<n> history_rows=<n> expected_rows=<n>
set -euo pipefail
cd "$(dirname "$0")/.."
batches="${1:-100000}"
log="spark-app/target/retention-bench.log"
mkdir -p spark-app/target
if ! ./mvnw -B -q -pl spark-app -am -Pretention-bench -DskipTests -Dbench.batches="$batches" process-test-classes >"$log" 2>&1; then
  echo "retention bench failed; see $log" >&2
  tail -n 30 "$log" >&2
  exit 1
fi
grep '^retention ' "$log"
