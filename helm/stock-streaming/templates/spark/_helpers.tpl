{{/*
Name of the SparkApplication and of the driver's Role, RoleBinding and default ServiceAccount.
*/}}
{{- define "stock-streaming.spark.name" -}}
{{- include "stock-streaming.fullname" . }}-spark
{{- end }}

{{/*
Labels of the Spark objects, also given to the driver and executor pods.
*/}}
{{- define "stock-streaming.spark.labels" -}}
{{- include "stock-streaming.labels" (dict "ctx" . "component" "spark") }}
{{- end }}

{{/*
Name of the Spark driver's ServiceAccount.
*/}}
{{- define "stock-streaming.spark.serviceAccountName" -}}
{{- if .Values.spark.serviceAccount.create }}
{{- default (include "stock-streaming.spark.name" .) .Values.spark.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.spark.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
The settings of the Spark job (docs/SETTINGS.md), as its NAME=value program arguments. The job
reads them itself, so they reach it whether or not the spark-operator's mutating webhook runs
(the webhook alone applies driver and executor env).
*/}}
{{- define "stock-streaming.spark.arguments" -}}
- {{ printf "KAFKA_BOOTSTRAP_SERVERS=%s" (include "stock-streaming.kafka.bootstrapServers" .) | quote }}
- {{ printf "STOCK_TOPIC=%s" .Values.stock.topic | quote }}
- {{ printf "STOCK_OUTPUT_ROOT=%s" (include "stock-streaming.outputRoot" .) | quote }}
- {{ printf "STOCK_TRIGGER_INTERVAL=%s" .Values.stock.triggerInterval | quote }}
- {{ printf "STOCK_STARTING_OFFSETS=%s" .Values.stock.startingOffsets | quote }}
- {{ printf "STOCK_MAX_OFFSETS_PER_TRIGGER=%s" (include "stock-streaming.number" .Values.stock.maxOffsetsPerTrigger) | quote }}
- {{ printf "STOCK_DIRECT_KAFKA_SCAN=%t" .Values.stock.directKafkaScan | quote }}
- {{ printf "STOCK_FAIL_ON_DATA_LOSS=%t" .Values.stock.failOnDataLoss | quote }}
- {{ printf "STOCK_RESUME_FROM_OUTPUT=%t" .Values.stock.resumeFromOutput | quote }}
- {{ printf "STOCK_MAX_EVENT_AHEAD=%s" .Values.stock.maxEventAhead | quote }}
- {{ printf "STOCK_MAX_EVENT_BEHIND=%s" .Values.stock.maxEventBehind | quote }}
- {{ printf "STOCK_QUARANTINE_MAX_VALUE_BYTES=%s" (include "stock-streaming.number" .Values.stock.quarantineMaxValueBytes) | quote }}
- {{ printf "STOCK_BATCH_RETENTION=%s" .Values.stock.batchRetention | quote }}
- {{ printf "STOCK_CANDLES_ENABLED=%t" .Values.stock.candlesEnabled | quote }}
- {{ printf "STOCK_CANDLE_INTERVAL=%s" .Values.stock.candleInterval | quote }}
- {{ printf "STOCK_CANDLE_LATENESS=%s" .Values.stock.candleLateness | quote }}
- {{ printf "STOCK_CANDLE_TRIGGER_INTERVAL=%s" .Values.stock.candleTriggerInterval | quote }}
- {{ printf "STOCK_CANDLE_PARTITIONS=%s" (include "stock-streaming.number" .Values.stock.candlePartitions) | quote }}
- {{ printf "STOCK_KAFKA_CLIENT_CONFIG=%s" (include "stock-streaming.kafka.clientConfig" .) | quote }}
{{- end }}

{{/*
What the streaming job and the history compaction share in their spec, so the two stay in step:
the image and the jar, every job setting as arguments, the Spark version and the Spark
configuration. Call with (dict "ctx" $ "mainClass" "dev.stockstream.spark.StockStreamingJob").
*/}}
{{- define "stock-streaming.spark.application" -}}
{{- $ctx := .ctx -}}
type: Java
mode: cluster
image: {{ include "stock-streaming.projectImage" (dict "ctx" $ctx "image" $ctx.Values.spark.image) | quote }}
imagePullPolicy: {{ $ctx.Values.spark.image.pullPolicy }}
{{- with $ctx.Values.global.imagePullSecrets }}
imagePullSecrets:
  {{- range . }}
  - {{ .name | quote }}
  {{- end }}
{{- end }}
mainClass: {{ .mainClass }}
mainApplicationFile: local:///opt/stockstream/stock-spark-app.jar
# The job's settings as NAME=value arguments, not driver env: env needs the operator's webhook.
arguments:
  {{- include "stock-streaming.spark.arguments" $ctx | nindent 2 }}
sparkVersion: {{ $ctx.Values.spark.sparkVersion | quote }}
sparkConf:
  {{- if $ctx.Values.hdfs.enabled }}
  # Files the job creates get the replication the chart's HDFS can hold.
  spark.hadoop.dfs.replication: {{ $ctx.Values.hdfs.replication | int | quote }}
  {{- end }}
  {{- if not (hasKey $ctx.Values.spark.sparkConf "spark.hadoop.dfs.client.retry.policy.enabled") }}
  # A NameNode restarting or in safe mode is waited out (12 tries 5 s apart, each after the IPC
  # client's own connect retries) instead of failing the batch and the driver with it.
  spark.hadoop.dfs.client.retry.policy.enabled: "true"
  spark.hadoop.dfs.client.retry.policy.spec: "5000,12"
  {{- end }}
  {{- if not (hasKey $ctx.Values.spark.sparkConf "spark.hadoop.dfs.client.block.write.locateFollowingBlock.initial.delay.ms") }}
  # A file close the DataNodes have not yet reported the last block of asks the NameNode again after
  # 20 ms, not HDFS's 400 ms (which most of the job's small files would pay, several per batch),
  # doubling each time: 10 tries wait up to 20 s in all, more than the default's 5 (12 s).
  spark.hadoop.dfs.client.block.write.locateFollowingBlock.initial.delay.ms: "20"
  spark.hadoop.dfs.client.block.write.locateFollowingBlock.retries: "10"
  {{- end }}
  # The driver's metrics (Spark's, the streaming queries' and the job's own "queries" source) for
  # Prometheus at /metrics/prometheus on the UI port, 4040 (QueryMetrics.SPARK_CONF in spark-app).
  {{- $metrics := dict "spark.ui.prometheus.enabled" "true" "spark.metrics.conf.*.sink.prometheusServlet.class" "org.apache.spark.metrics.sink.PrometheusServlet" "spark.metrics.conf.*.sink.prometheusServlet.path" "/metrics/prometheus" "spark.metrics.namespace" "stockstream" "spark.sql.streaming.metricsEnabled" "true" }}
  {{- range $key, $value := $metrics }}
  {{- if not (hasKey $ctx.Values.spark.sparkConf $key) }}
  {{ $key | quote }}: {{ $value | quote }}
  {{- end }}
  {{- end }}
  {{- with $ctx.Values.kafka.external.clientConfigSecret }}
  # The Kafka client settings (and stores) of a secured cluster, mounted by Spark itself on the driver and executors.
  {{ printf "spark.kubernetes.driver.secrets.%s" . | quote }}: {{ include "stock-streaming.kafka.clientConfigDir" $ctx | quote }}
  {{ printf "spark.kubernetes.executor.secrets.%s" . | quote }}: {{ include "stock-streaming.kafka.clientConfigDir" $ctx | quote }}
  {{- end }}
  {{- range $key, $value := $ctx.Values.spark.sparkConf }}
  {{ $key | quote }}: {{ $value | toString | quote }}
  {{- end }}
{{- end }}

{{/*
What the driver and the executors of both Spark jobs share: their pods' labels, the JVM options
and the security contexts. Call with (dict "ctx" $ "labels" $labels).
*/}}
{{- define "stock-streaming.spark.pod" -}}
{{- $values := .ctx.Values.spark }}
labels:
  {{- .labels | nindent 2 }}
  {{- with $values.podLabels }}
  {{- toYaml . | nindent 2 }}
  {{- end }}
{{- with $values.podAnnotations }}
annotations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with $values.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with $values.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with $values.affinity }}
affinity:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with $values.extraEnv }}
# applied by the spark-operator's mutating webhook, as all driver and executor env
env:
  {{- toYaml . | nindent 2 }}
{{- end }}
javaOptions: {{ .ctx.Values.spark.javaOptions | quote }}
podSecurityContext:
  {{- toYaml .ctx.Values.spark.podSecurityContext | nindent 2 }}
securityContext:
  {{- toYaml .ctx.Values.spark.securityContext | nindent 2 }}
{{- end }}

{{/*
Name of the history compaction's ScheduledSparkApplication. The operator names each run
"<this name>-<UnixNano, 19 digits>", puts the run's name in a label of its pods (at most 63
characters) and names its UI Service "<run>-ui-svc" (a DNS label, at most 63): so at most 36.
*/}}
{{- define "stock-streaming.history.name" -}}
{{- include "stock-streaming.fullname" . | trunc 28 | trimSuffix "-" }}-history
{{- end }}

{{/*
Labels of the ScheduledSparkApplication, which the operator copies onto every run (the
SparkApplications it creates), and of the runs' driver and executor pods.
*/}}
{{- define "stock-streaming.history.labels" -}}
{{- include "stock-streaming.labels" (dict "ctx" . "component" "history-compaction") }}
{{- end }}
