#!/usr/bin/env bash
# The local pipeline under sustained synthetic load: freshness at 50,000 ticks/s, then the
# highest rate the job keeps up with for a minute. Prints:
#   e2e freshness_p50_ms=<> freshness_p95_ms=<> rate=<ticks/s> trigger=<interval>
#   e2e max_sustained_rate=<ticks/s>
# Arguments (optional): <freshness rate> <trigger interval>, default 50000 2s.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q install -DskipTests -pl local -am
./mvnw -B -q -pl local dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
add_opens=$(sed -n 's:.*<spark.add-opens>\(.*\)</spark.add-opens>.*:\1:p' pom.xml)
java $add_opens -Xmx6g -Djava.net.preferIPv4Stack=true \
  -cp "local/target/test-classes:local/target/classes:$(cat local/target/bench.classpath)" \
  dev.stockstream.local.bench.E2eBenchmark "$@"
