#!/bin/bash
# The stand-in image's kafka-console-producer.sh: kafka.tools.ConsoleProducer on the image's jars (kafka-run-class.sh).
exec /opt/kafka/bin/kafka-run-class.sh kafka.tools.ConsoleProducer "$@"
