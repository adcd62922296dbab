#!/usr/bin/env bash
# The dashboard page with 10 batches in HDFS and with 100,000, served side by side by two copies
# of the packaged visualizer over one MiniDFSCluster. Prints:
# dashboard_history_ratio=<p50 at 100k / p50 at 10> p50_10=<ms> p50_100k=<ms> p99_100k=<ms>
# Optional: BENCH_BATCHES (default 100000), BENCH_REQUESTS (measured requests per app, default 2000).
set -euo pipefail
cd "$(dirname "$0")/.."

build_log=$(mktemp)
if ! ./mvnw -B -q -pl visualizer -am package dependency:build-classpath -DskipTests \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >"$build_log" 2>&1; then
  cat "$build_log" >&2
  exit 1
fi
rm -f "$build_log"

mkdir -p visualizer/target/bench
log=visualizer/target/bench/bench.log
if ! java -Xmx2g -Djava.awt.headless=true -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
    -cp "visualizer/target/test-classes:$(cat visualizer/target/bench-classpath.txt)" \
    dev.stockstream.visualizer.DashboardBench visualizer/target/quarkus-app/quarkus-run.jar \
    "${BENCH_BATCHES:-100000}" "${BENCH_REQUESTS:-2000}" 2>"$log" | grep '^dashboard_history_ratio='; then
  echo "dashboard bench failed; last lines of $log:" >&2
  tail -30 "$log" >&2
  exit 1
fi
grep '^\[dashboard bench\]' "$log" >&2 || true
