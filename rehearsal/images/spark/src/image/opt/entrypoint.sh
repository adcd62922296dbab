#!/bin/bash
# The stand-in image's ENTRYPOINT, after apache/spark's /opt/entrypoint.sh:
#   entrypoint.sh driver ARGS...    spark-submit --deploy-mode client, bound to $SPARK_DRIVER_BIND_ADDRESS
#   entrypoint.sh executor          a Kubernetes executor backend from the SPARK_EXECUTOR_* / SPARK_DRIVER_URL env
#   entrypoint.sh CMD...            CMD as it is
# Not mimicked: tini, gosu and the nss_wrapper fake passwd entry (the stand-in's PASSWD has spark).
set -eo pipefail
spark_home="${SPARK_HOME:-/opt/spark}"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

classpath="${SPARK_CLASSPATH:+$SPARK_CLASSPATH:}$spark_home/jars/*"
if [ -n "${SPARK_EXTRA_CLASSPATH-}" ]; then classpath="$classpath:$SPARK_EXTRA_CLASSPATH"; fi
if [ -n "${HADOOP_CONF_DIR+x}" ]; then classpath="$HADOOP_CONF_DIR:$classpath"; fi
classpath="${SPARK_CONF_DIR:-$spark_home/conf}:$classpath:$PWD"
executor_opts=()
for name in "${!SPARK_JAVA_OPT_@}"; do
  executor_opts+=("${!name}")
done

case "${1-}" in
  driver)
    shift
    exec "$spark_home/bin/spark-submit" \
      --conf "spark.driver.bindAddress=$SPARK_DRIVER_BIND_ADDRESS" \
      --conf "spark.executorEnv.SPARK_DRIVER_POD_IP=$SPARK_DRIVER_BIND_ADDRESS" \
      --deploy-mode client "$@"
    ;;
  executor)
    shift
    exec "$java" "${executor_opts[@]}" -Xms"$SPARK_EXECUTOR_MEMORY" -Xmx"$SPARK_EXECUTOR_MEMORY" \
      -cp "$classpath${SPARK_DIST_CLASSPATH:+:$SPARK_DIST_CLASSPATH}" \
      org.apache.spark.scheduler.cluster.k8s.KubernetesExecutorBackend \
      --driver-url "$SPARK_DRIVER_URL" --executor-id "$SPARK_EXECUTOR_ID" \
      --cores "$SPARK_EXECUTOR_CORES" --app-id "$SPARK_APPLICATION_ID" \
      --hostname "$SPARK_EXECUTOR_POD_IP" --resourceProfileId "$SPARK_RESOURCE_PROFILE_ID" \
      --podName "$SPARK_EXECUTOR_POD_NAME"
    ;;
  *)
    exec "$@"
    ;;
esac
