#!/bin/bash
# The stand-in image's kafka-storage.sh: kafka.tools.StorageTool on the image's jars (kafka-run-class.sh).
exec /opt/kafka/bin/kafka-run-class.sh kafka.tools.StorageTool "$@"
