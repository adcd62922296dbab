{{/*
Name of the `helm test` Pod that fetches the dashboard.
*/}}
{{- define "stock-streaming.dashboardTest.name" -}}
{{- include "stock-streaming.fullname" . }}-test-dashboard
{{- end }}

{{/*
Labels of the `helm test` Pod.
*/}}
{{- define "stock-streaming.dashboardTest.labels" -}}
{{- include "stock-streaming.labels" (dict "ctx" . "component" "test-dashboard") }}
{{- end }}
