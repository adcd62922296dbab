#!/usr/bin/env bash
# The local pipeline under sustained synthetic load: freshness at 50,000 ticks/s, then the
# highest rate the job keeps up with for a minute; first a baseline with the candle query off
# (rate only), then the product as installed, candles on, side by side on the same machine. Prints:
#   e2e baseline_max_sustained_rate=<ticks/s>           (candles off)
#   e2e freshness_p50_ms=<> freshness_p95_ms=<> rate=<ticks/s> trigger=<interval>
#   e2e candles_freshness_p95_ms=<ms from a window's end + lateness to its candle on the API>
#   e2e max_sustained_rate=<ticks/s>                    (candles on)
#   e2e candles_rate_ratio=<candles on / off>
# Arguments (optional): <freshness rate> <trigger interval>, default 50000 2s. The candle window
# and lateness are shortened to STOCK_CANDLE_INTERVAL=5s, STOCK_CANDLE_LATENESS=2s unless set,
# so a minute holds a dozen windows to measure.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q install -DskipTests -pl local -am
./mvnw -B -q -pl local dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
add_opens=$(sed -n 's:.*<spark.add-opens>\(.*\)</spark.add-opens>.*:\1:p' pom.xml)
export STOCK_CANDLE_INTERVAL="${STOCK_CANDLE_INTERVAL:-5s}" STOCK_CANDLE_LATENESS="${STOCK_CANDLE_LATENESS:-2s}"
bench() {
  java $add_opens -Xmx6g -Djava.net.preferIPv4Stack=true \
    -cp "local/target/test-classes:local/target/classes:$(cat local/target/bench.classpath)" \
    dev.stockstream.local.bench.E2eBenchmark "$@"
}
baseline=$(STOCK_CANDLES_ENABLED=false bench --rate-only "$@" | sed -n 's/^e2e max_sustained_rate=//p')
echo "e2e baseline_max_sustained_rate=$baseline"
with=$(STOCK_CANDLES_ENABLED=true bench "$@" | grep "^e2e ")
echo "$with"
rate=$(sed -n 's/^e2e max_sustained_rate=//p' <<<"$with")
awk -v on="$rate" -v off="$baseline" 'BEGIN { printf "e2e candles_rate_ratio=%.2f\n", (off > 0 ? on / off : 0) }'
