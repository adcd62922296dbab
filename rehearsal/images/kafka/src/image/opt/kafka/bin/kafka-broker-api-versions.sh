#!/bin/bash
# The stand-in image's kafka-broker-api-versions.sh: kafka.admin.BrokerApiVersionsCommand on the image's jars (kafka-run-class.sh).
exec /opt/kafka/bin/kafka-run-class.sh kafka.admin.BrokerApiVersionsCommand "$@"
