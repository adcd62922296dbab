{{/*
Name of the Deployment and the Service of the visualizer (the dashboard).
*/}}
{{- define "stock-streaming.visualizer.name" -}}
{{- include "stock-streaming.fullname" . }}-visualizer
{{- end }}

{{/*
Labels of the visualizer objects.
*/}}
{{- define "stock-streaming.visualizer.labels" -}}
{{- include "stock-streaming.labels" (dict "ctx" . "component" "visualizer") }}
{{- end }}

{{/*
Selector labels of the visualizer pods.
*/}}
{{- define "stock-streaming.visualizer.selectorLabels" -}}
{{- include "stock-streaming.selectorLabels" (dict "ctx" . "component" "visualizer") }}
{{- end }}
