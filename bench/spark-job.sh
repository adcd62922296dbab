#!/usr/bin/env bash
# The Spark job against a plain KafkaConsumer loop doing the same work, on one in-process broker
# and one in-process HDFS, in the same run. Usage: bash bench/spark-job.sh [ticks]   (default 3000000)
# Prints: spark_job_vs_plain_consumer ratio=<spark/baseline> spark=<ticks/s> baseline=<ticks/s>
set -euo pipefail
cd "$(dirname "$0")/.."
ticks="${1:-3000000}"
log="spark-app/target/spark-job-bench.log"
mkdir -p spark-app/target
if ! ./mvnw -B -q -pl spark-app -am -Pbench -DskipTests -Dbench.ticks="$ticks" process-test-classes >"$log" 2>&1; then
  echo "spark-job bench failed; see $log" >&2
  tail -n 30 "$log" >&2
  exit 1
fi
grep '^spark_job_vs_plain_consumer ' "$log"
