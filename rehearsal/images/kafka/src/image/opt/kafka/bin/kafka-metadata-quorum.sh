#!/bin/bash
# The stand-in image's kafka-metadata-quorum.sh: org.apache.kafka.tools.MetadataQuorumCommand on the image's jars (kafka-run-class.sh).
exec /opt/kafka/bin/kafka-run-class.sh org.apache.kafka.tools.MetadataQuorumCommand "$@"
