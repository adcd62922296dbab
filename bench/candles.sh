#!/usr/bin/env bash
# The candle query against the batch query, each alone on the same preloaded in-process broker and
# HDFS, in alternating rounds. Usage: bash bench/candles.sh [ticks]   (default 3000000)
# Prints: candle_query_vs_batch_query ratio=<candles/batch> candles=<ticks/s> batch=<ticks/s>
set -euo pipefail
cd "$(dirname "$0")/.."
ticks="${1:-3000000}"
log="spark-app/target/candle-bench.log"
mkdir -p spark-app/target
if ! ./mvnw -B -q -pl spark-app -am -Pcandle-bench -DskipTests -Dbench.ticks="$ticks" process-test-classes >"$log" 2>&1; then
  echo "candle bench failed; see $log" >&2
  tail -n 30 "$log" >&2
  exit 1
fi
grep '^candle_query_vs_batch_query ' "$log"
