{{/*
Name of the Deployment and the Service of the producer.
*/}}
{{- define "stock-streaming.producer.name" -}}
{{- include "stock-streaming.fullname" . }}-producer
{{- end }}

{{/*
Labels of the producer objects.
*/}}
{{- define "stock-streaming.producer.labels" -}}
{{- include "stock-streaming.labels" (dict "ctx" . "component" "producer") }}
{{- end }}

{{/*
Selector labels of the producer pods.
*/}}
{{- define "stock-streaming.producer.selectorLabels" -}}
{{- include "stock-streaming.selectorLabels" (dict "ctx" . "component" "producer") }}
{{- end }}
