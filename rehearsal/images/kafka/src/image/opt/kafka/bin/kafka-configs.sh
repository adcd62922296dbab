#!/bin/bash
# The stand-in image's kafka-configs.sh: kafka.admin.ConfigCommand on the image's jars (kafka-run-class.sh).
exec /opt/kafka/bin/kafka-run-class.sh kafka.admin.ConfigCommand "$@"
