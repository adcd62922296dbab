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
{{- end }}
