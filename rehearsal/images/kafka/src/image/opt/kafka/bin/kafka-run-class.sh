#!/bin/bash
# The stand-in image's kafka-run-class.sh: kafka-run-class.sh [-name NAME] [-loggc] [-daemon] CLASS [ARGS...]
# runs CLASS on the image's jars (/opt/kafka/libs/*) in this process (exec: the JVM is the process).
# Honours what the distribution's script of that name does: KAFKA_HEAP_OPTS (default -Xmx256M),
# KAFKA_JVM_PERFORMANCE_OPTS (default G1 settings), KAFKA_LOG4J_OPTS (default: the tools' log4j
# config, stderr at WARN), KAFKA_JMX_OPTS, KAFKA_OPTS, LOG_DIR and CLASSPATH (prepended).
# -name/-loggc/-daemon are accepted and ignored: everything logs to the console here.
set -euf
if [ $# -lt 1 ]; then
  echo "USAGE: $0 [-daemon] [-name servicename] [-loggc] classname [opts]" >&2
  exit 1
fi
while [ $# -gt 0 ]; do
  case "$1" in
    -name) shift 2 ;;
    -loggc|-daemon) shift ;;
    *) break ;;
  esac
done
kafka_home=/opt/kafka
: "${LOG_DIR:=$kafka_home/logs}"
: "${KAFKA_HEAP_OPTS:=-Xmx256M}"
: "${KAFKA_JVM_PERFORMANCE_OPTS:=-server -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 -XX:+ExplicitGCInvokesConcurrent -XX:MaxInlineLevel=15 -Djava.awt.headless=true}"
: "${KAFKA_LOG4J_OPTS:=-Dlog4j.configuration=file:$kafka_home/config/tools-log4j.properties}"
if [ -n "${JAVA_HOME-}" ]; then java="$JAVA_HOME/bin/java"; else java=java; fi
classpath="${CLASSPATH:+$CLASSPATH:}$kafka_home/libs/*"
# The option variables are split into words on purpose (set -f: no globbing of them).
exec "$java" $KAFKA_HEAP_OPTS $KAFKA_JVM_PERFORMANCE_OPTS ${KAFKA_JMX_OPTS-} $KAFKA_LOG4J_OPTS \
  "-Dkafka.logs.dir=$LOG_DIR" -cp "$classpath" ${KAFKA_OPTS-} "$@"
