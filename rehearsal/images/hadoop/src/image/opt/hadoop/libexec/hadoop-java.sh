# Sourced by the stand-in image's bin/hdfs and bin/hadoop (bash, set -f): the classpath and the
# java command line shared by both.

hadoop_classpath() {
  HADOOP_CONF_DIR=${HADOOP_CONF_DIR:-$hadoop_home/etc/hadoop}
  HADOOP_CP="$HADOOP_CONF_DIR:$hadoop_home/share/hadoop/hdfs:$hadoop_home/share/hadoop/lib/*${HADOOP_CLASSPATH:+:$HADOOP_CLASSPATH}"
}

# A heap size as Hadoop's scripts take it: a bare number is megabytes.
hadoop_heap() {
  case "$1" in
    *[!0-9]*) printf '%s' "$1" ;;
    *) printf '%sm' "$1" ;;
  esac
}

# hadoop_exec_java CLASS DEFAULT_ROOT_LOGGER SUBCOMMAND EXTRA_OPTS ARGS...
hadoop_exec_java() {
  local class=$1 root_logger=${HADOOP_ROOT_LOGGER:-$2} subcommand=$3 extra_opts=$4
  shift 4
  hadoop_classpath
  local java=java
  if [ -n "${JAVA_HOME-}" ]; then java="$JAVA_HOME/bin/java"; fi
  local heap=
  if [ -n "${HADOOP_HEAPSIZE_MAX-}" ]; then heap="-Xmx$(hadoop_heap "$HADOOP_HEAPSIZE_MAX")"; fi
  if [ -n "${HADOOP_HEAPSIZE_MIN-}" ]; then heap="$heap -Xms$(hadoop_heap "$HADOOP_HEAPSIZE_MIN")"; fi
  local log_dir=${HADOOP_LOG_DIR:-$hadoop_home/logs}
  local user
  user=$(id -un 2>/dev/null || id -u)
  # The option variables are split into words on purpose (the caller has set -f).
  exec "$java" -Dproc_"$subcommand" $heap -Djava.net.preferIPv4Stack=true ${HADOOP_OPTS-} $extra_opts \
    -Dyarn.log.dir="$log_dir" -Dhadoop.log.dir="$log_dir" -Dhadoop.log.file=hadoop.log \
    -Dhadoop.home.dir="$hadoop_home" -Dhadoop.id.str="$user" \
    -Dhadoop.root.logger="$root_logger" -Dhadoop.policy.file=hadoop-policy.xml \
    -Dhadoop.security.logger="${HADOOP_SECURITY_LOGGER:-INFO,NullAppender}" \
    -cp "$HADOOP_CP" "$class" "$@"
}
