#!/bin/bash
# The stand-in image's kafka-server-start.sh CONFIG [--override k=v ...]: the broker (kafka.Kafka),
# with the server's log4j config (console) and a 1 GiB heap unless KAFKA_LOG4J_OPTS / KAFKA_HEAP_OPTS say otherwise.
set -eu
if [ $# -lt 1 ]; then
  echo "USAGE: $0 [-daemon] server.properties [--override property=value]*" >&2
  exit 1
fi
if [ "$1" = -daemon ]; then shift; fi
: "${KAFKA_LOG4J_OPTS:=-Dlog4j.configuration=file:/opt/kafka/config/log4j.properties}"
: "${KAFKA_HEAP_OPTS:=-Xmx1G -Xms1G}"
export KAFKA_LOG4J_OPTS KAFKA_HEAP_OPTS
exec /opt/kafka/bin/kafka-run-class.sh -name kafkaServer kafka.Kafka "$@"
