#!/bin/bash
# The stand-in image's kafka-consumer-groups.sh: org.apache.kafka.tools.consumer.group.ConsumerGroupCommand on the image's jars (kafka-run-class.sh).
exec /opt/kafka/bin/kafka-run-class.sh org.apache.kafka.tools.consumer.group.ConsumerGroupCommand "$@"
