#!/bin/bash
# The stand-in image's kafka-get-offsets.sh: org.apache.kafka.tools.GetOffsetShell on the image's jars (kafka-run-class.sh).
exec /opt/kafka/bin/kafka-run-class.sh org.apache.kafka.tools.GetOffsetShell "$@"
