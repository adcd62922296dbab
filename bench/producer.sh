#!/usr/bin/env bash
# Producer throughput vs Kafka's ProducerPerformance on the same in-process broker.
# Prints: producer_vs_kafka_perf ratio=<ours/theirs> ours=<msg/s> kafka=<msg/s>
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl producer -am install -DskipTests
./mvnw -B -q -pl producer dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
cp="producer/target/test-classes:producer/target/classes:$(cat producer/target/bench.classpath)"
java -cp "$cp" dev.stockstream.producer.bench.ProducerBenchmark producer/target/quarkus-app/quarkus-run.jar
