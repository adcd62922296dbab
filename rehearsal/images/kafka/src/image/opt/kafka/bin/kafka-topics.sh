#!/bin/bash
# The stand-in image's kafka-topics.sh: org.apache.kafka.tools.TopicCommand on the image's jars (kafka-run-class.sh).
exec /opt/kafka/bin/kafka-run-class.sh org.apache.kafka.tools.TopicCommand "$@"
