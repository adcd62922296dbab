#!/bin/bash
# The stand-in image's ENTRYPOINT, written for the rehearsal to behave like the ubi9 OpenJDK
# images' run-java.sh (1.21), for the cases this project uses:
# - the application: JAVA_APP_JAR (absolute, or relative to JAVA_APP_DIR / JAVA_LIB_DIR) run with
#   -jar; else JAVA_MAIN_CLASS with JAVA_CLASSPATH (default ".:$JAVA_APP_DIR/*"); else the only jar
#   in JAVA_APP_DIR, or quarkus-app/quarkus-run.jar there (default JAVA_APP_DIR: /deployments);
# - the options: JAVA_OPTS when it is set (even empty) replaces everything else; otherwise the
#   image's defaults followed by JAVA_OPTS_APPEND. Mimicked defaults:
#     -XX:MaxRAMPercentage=${JAVA_MAX_RAM_RATIO:-80.0}, -XX:InitialRAMPercentage=$JAVA_INITIAL_MEM_RATIO
#     (only when set), -XX:+UseParallelGC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20
#     -XX:GCTimeRatio=4 -XX:AdaptiveSizePolicyWeight=90 (GC_* variables override each),
#     -XX:+ExitOnOutOfMemoryError, and the JDWP agent on ${JAVA_DEBUG_PORT:-5005} when JAVA_DEBUG=true.
#   Without a memory cgroup limit MaxRAMPercentage is a share of the machine's memory.
# - it runs from JAVA_APP_DIR and execs java (the JVM is the process, named JAVA_APP_NAME or java),
#   with this script's arguments and JAVA_ARGS after the application.
# Not mimicked: run-env.sh files, proxy options, JAVA_DIAGNOSTICS, password masking in the log line.
set -eo pipefail

info() { echo "INFO $*"; }
fail() { echo "ERROR $*" >&2; exit 1; }

java_app_dir=${JAVA_APP_DIR:-/deployments}
java_lib_dir=${JAVA_LIB_DIR:-$java_app_dir}
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

app_jar=${JAVA_APP_JAR-}
main_class=${JAVA_MAIN_CLASS-}
if [ -z "$main_class" ] && [ -z "$app_jar" ]; then
  if [ -f "$java_app_dir/quarkus-app/quarkus-run.jar" ]; then
    info "quarkus fast-jar package type detected"
    app_jar=quarkus-app/quarkus-run.jar
  else
    jars=()
    for j in "$java_app_dir"/*.jar; do
      [ -f "$j" ] && [[ $(basename "$j") != original-* ]] && jars+=("$(basename "$j")")
    done
    [ ${#jars[@]} -eq 1 ] || fail "Neither \$JAVA_MAIN_CLASS nor \$JAVA_APP_JAR is set and ${#jars[@]} JARs found in $java_app_dir (1 expected)"
    app_jar=${jars[0]}
  fi
fi
if [ -n "$app_jar" ]; then
  if [ "${app_jar:0:1}" = / ]; then
    [ -f "$app_jar" ] || fail "No such file $app_jar"
  elif [ -f "$java_app_dir/$app_jar" ]; then
    app_jar="$java_app_dir/$app_jar"
  elif [ -f "$java_lib_dir/$app_jar" ]; then
    app_jar="$java_lib_dir/$app_jar"
  else
    fail "No $app_jar found in $java_app_dir $java_lib_dir"
  fi
fi

default_options() {
  echo "-XX:MaxRAMPercentage=${JAVA_MAX_RAM_RATIO:-80.0}"
  if [ -n "${JAVA_INITIAL_MEM_RATIO-}" ]; then echo "-XX:InitialRAMPercentage=$JAVA_INITIAL_MEM_RATIO"; fi
  echo "-XX:+UseParallelGC -XX:MinHeapFreeRatio=${GC_MIN_HEAP_FREE_RATIO:-10} -XX:MaxHeapFreeRatio=${GC_MAX_HEAP_FREE_RATIO:-20}"
  echo "-XX:GCTimeRatio=${GC_TIME_RATIO:-4} -XX:AdaptiveSizePolicyWeight=${GC_ADAPTIVE_SIZE_POLICY_WEIGHT:-90}"
  echo "-XX:+ExitOnOutOfMemoryError"
}
if [ -n "${JAVA_OPTS+x}" ]; then
  options=$JAVA_OPTS
else
  debug=
  if [ "${JAVA_DEBUG-}" = true ] || [ "${JAVA_ENABLE_DEBUG-}" = true ]; then
    debug="-agentlib:jdwp=transport=dt_socket,server=y,suspend=${JAVA_DEBUG_SUSPEND:-n},address=${JAVA_DEBUG_PORT:-5005}"
  fi
  options="$debug $(default_options | tr '\n' ' ') ${JAVA_OPTS_APPEND-}"
fi
options=$(echo "$options" | awk '$1=$1')

if [ -n "${JAVA_CLASSPATH-}" ]; then
  classpath=$JAVA_CLASSPATH
elif [ -n "$main_class" ]; then
  classpath=".${app_jar:+:$app_jar}:$java_app_dir/*"
else
  classpath=.
fi
if [ -n "$main_class" ]; then target=("$main_class"); else target=(-jar "$app_jar"); fi

cd "$java_app_dir"
set -f
# The options are split into words on purpose, like the image's script does.
info "exec -a \"${JAVA_APP_NAME-java}\" java $options -cp \"$classpath\" ${target[*]} $* ${JAVA_ARGS-}"
info "running in $PWD"
exec -a "${JAVA_APP_NAME-java}" "$java" $options -cp "$classpath" "${target[@]}" "$@" ${JAVA_ARGS-}
