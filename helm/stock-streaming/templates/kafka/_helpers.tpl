{{/*
Name of the Kafka StatefulSet and of its headless Service, the brokers' DNS domain.
*/}}
{{- define "stock-streaming.kafka.name" -}}
{{- include "stock-streaming.fullname" . }}-kafka
{{- end }}

{{/*
Labels of the Kafka objects.
*/}}
{{- define "stock-streaming.kafka.labels" -}}
{{- include "stock-streaming.labels" (dict "ctx" . "component" "kafka") }}
{{- end }}

{{/*
Selector labels of the Kafka brokers.
*/}}
{{- define "stock-streaming.kafka.selectorLabels" -}}
{{- include "stock-streaming.selectorLabels" (dict "ctx" . "component" "kafka") }}
{{- end }}

{{/*
Name of the hook Job that creates the topic (the release revision is appended).
*/}}
{{- define "stock-streaming.kafka.topic.name" -}}
{{- include "stock-streaming.fullname" . }}-kafka-topic
{{- end }}

{{/*
Labels of the topic Job.
*/}}
{{- define "stock-streaming.kafka.topic.labels" -}}
{{- include "stock-streaming.labels" (dict "ctx" . "component" "kafka-topic") }}
{{- end }}

{{/*
Kafka bootstrap servers the apps get (KAFKA_BOOTSTRAP_SERVERS): the chart's headless
Service, or the external cluster.
*/}}
{{- define "stock-streaming.kafka.bootstrapServers" -}}
{{- if .Values.kafka.enabled }}
{{- printf "%s:9092" (include "stock-streaming.kafka.name" .) }}
{{- else }}
{{- required "kafka.external.bootstrapServers is required when kafka.enabled is false (host:port of the external Kafka)" .Values.kafka.external.bootstrapServers }}
{{- end }}
{{- end }}

{{/*
Where the Kafka client settings of a secured external cluster are mounted, and the file in it
(STOCK_KAFKA_CLIENT_CONFIG); empty without kafka.external.clientConfigSecret.
*/}}
{{- define "stock-streaming.kafka.clientConfigDir" -}}
/etc/stockstream/kafka
{{- end }}

{{- define "stock-streaming.kafka.clientConfig" -}}
{{- if .Values.kafka.external.clientConfigSecret -}}
{{ include "stock-streaming.kafka.clientConfigDir" . }}/{{ .Values.kafka.external.clientConfigKey }}
{{- end -}}
{{- end }}

{{/*
The volume and the mount of the client settings Secret, in a pod's volumes and a container's volumeMounts.
*/}}
{{- define "stock-streaming.kafka.clientConfigVolume" -}}
{{- with .Values.kafka.external.clientConfigSecret }}
- name: kafka-client-config
  secret:
    secretName: {{ . }}
{{- end }}
{{- end }}

{{- define "stock-streaming.kafka.clientConfigMount" -}}
{{- if .Values.kafka.external.clientConfigSecret }}
- name: kafka-client-config
  mountPath: {{ include "stock-streaming.kafka.clientConfigDir" . }}
  readOnly: true
{{- end }}
{{- end }}
