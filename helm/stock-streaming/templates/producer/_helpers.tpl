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

{{/*
The Secret holding the password of the producer's write endpoints: the user's, or the one the chart creates.
*/}}
{{- define "stock-streaming.producer.apiSecretName" -}}
{{- .Values.producer.api.existingSecret | default (printf "%s-api" (include "stock-streaming.producer.name" .)) }}
{{- end }}

{{- define "stock-streaming.producer.apiSecretKey" -}}
{{- if .Values.producer.api.existingSecret }}{{ .Values.producer.api.existingSecretKey }}{{ else }}password{{ end }}
{{- end }}
