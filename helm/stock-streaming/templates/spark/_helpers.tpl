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
The settings of the Spark job (docs/SETTINGS.md), as env vars for the driver and executors.
*/}}
{{- define "stock-streaming.spark.env" -}}
- name: KAFKA_BOOTSTRAP_SERVERS
  value: {{ include "stock-streaming.kafka.bootstrapServers" . | quote }}
- name: STOCK_TOPIC
  value: {{ .Values.stock.topic | quote }}
- name: STOCK_OUTPUT_ROOT
  value: {{ include "stock-streaming.outputRoot" . | quote }}
- name: STOCK_TRIGGER_INTERVAL
  value: {{ .Values.stock.triggerInterval | quote }}
- name: STOCK_STARTING_OFFSETS
  value: {{ .Values.stock.startingOffsets | quote }}
- name: STOCK_MAX_OFFSETS_PER_TRIGGER
  value: {{ include "stock-streaming.number" .Values.stock.maxOffsetsPerTrigger | quote }}
- name: STOCK_DIRECT_KAFKA_SCAN
  value: {{ .Values.stock.directKafkaScan | quote }}
{{- end }}
