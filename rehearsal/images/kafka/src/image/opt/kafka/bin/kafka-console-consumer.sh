#!/bin/bash
# The stand-in image's kafka-console-consumer.sh: org.apache.kafka.tools.consumer.ConsoleConsumer on the image's jars (kafka-run-class.sh).
exec /opt/kafka/bin/kafka-run-class.sh org.apache.kafka.tools.consumer.ConsoleConsumer "$@"
