{{/*
Expand the name of the chart.
*/}}
{{- define "stock-streaming.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Create a default fully qualified app name, cut to leave room for component suffixes
(the longest is "-hdfs-datanode", and StatefulSet pods add "-N").
*/}}
{{- define "stock-streaming.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 40 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 40 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 40 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Create chart name and version as used by the chart label.
*/}}
{{- define "stock-streaming.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Labels of a component's objects. Called by the component's own helpers
(templates/<component>/_helpers.tpl) with (dict "ctx" $ "component" "kafka").
*/}}
{{- define "stock-streaming.labels" -}}
helm.sh/chart: {{ include "stock-streaming.chart" .ctx }}
{{ include "stock-streaming.selectorLabels" . }}
app.kubernetes.io/version: {{ .ctx.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .ctx.Release.Service }}
app.kubernetes.io/part-of: {{ include "stock-streaming.name" .ctx }}
{{- end }}

{{/*
Selector labels of a component's pods. Called by the component's own helpers with
(dict "ctx" $ "component" "kafka").
*/}}
{{- define "stock-streaming.selectorLabels" -}}
app.kubernetes.io/name: {{ include "stock-streaming.name" .ctx }}
app.kubernetes.io/instance: {{ .ctx.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{/*
An image of this project: registry prefix, repository, tag defaulting to the appVersion.
Call with (dict "ctx" $ "image" .Values.producer.image).
*/}}
{{- define "stock-streaming.projectImage" -}}
{{- $tag := .image.tag | default .ctx.Chart.AppVersion }}
{{- if .ctx.Values.global.imageRegistry }}
{{- printf "%s/%s:%s" (trimSuffix "/" .ctx.Values.global.imageRegistry) .image.repository $tag }}
{{- else }}
{{- printf "%s:%s" .image.repository $tag }}
{{- end }}
{{- end }}

{{/*
An image from its public repository: repository:tag.
*/}}
{{- define "stock-streaming.image" -}}
{{- printf "%s:%s" .repository (toString .tag) }}
{{- end }}

{{/*
The output root the apps get (STOCK_OUTPUT_ROOT): stock.outputRoot as given when it is a
full URI, else that path on the chart's (or the external) HDFS.
*/}}
{{- define "stock-streaming.outputRoot" -}}
{{- $root := .Values.stock.outputRoot }}
{{- if contains ":" $root }}
{{- $root }}
{{- else }}
{{- $fs := include "stock-streaming.hdfs.uri" . }}
{{- if not $fs }}
{{- fail "hdfs.external.uri is required when hdfs.enabled is false and stock.outputRoot is a path (or give stock.outputRoot as a full URI such as hdfs://namenode:8020/stockstream)" }}
{{- end }}
{{- printf "%s%s" $fs $root }}
{{- end }}
{{- end }}

{{/*
Pull secrets for every pod.
*/}}
{{- define "stock-streaming.imagePullSecrets" -}}
{{- with .Values.global.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end }}

{{/*
A number as the apps parse it: whole numbers without an exponent (YAML numbers arrive as
floats, which print 1000000 as 1e+06).
*/}}
{{- define "stock-streaming.number" -}}
{{- if eq (float64 .) (float64 (int64 .)) }}{{ int64 . }}{{ else }}{{ . }}{{ end }}
{{- end }}

{{/*
A duration in Spark's time notation (a number and us, ms, s, m or min, h, d, as the schema
allows) in whole milliseconds, as the Spark job reads it (JavaUtils.timeStringAsMs).
*/}}
{{- define "stock-streaming.durationMs" -}}
{{- $number := regexReplaceAll "^0+([0-9])" (regexFind "^[0-9]+" .) "${1}" | int64 }}
{{- $unit := trimPrefix (regexFind "^[0-9]+" .) . }}
{{- $ms := dict "us" 0 "ms" 1 "s" 1000 "m" 60000 "min" 60000 "h" 3600000 "d" 86400000 }}
{{- if not (hasKey $ms $unit) }}
{{- fail (printf "%q is no duration in Spark's time notation" .) }}
{{- end }}
{{- if eq $unit "us" }}{{ div $number 1000 }}{{ else }}{{ mul $number (get $ms $unit) }}{{ end }}
{{- end }}

{{/*
Pod spec fields of every pod of the chart but the Spark driver's: no ServiceAccount token (only the
driver talks to the Kubernetes API), and no Service environment variables (Kubernetes would inject
e.g. KAFKA_PORT for a Service named kafka, and the apps read KAFKA_* variables as settings).
*/}}
{{- define "stock-streaming.podDefaults" -}}
automountServiceAccountToken: false
enableServiceLinks: false
{{- end }}

{{/*
The head of a component's NetworkPolicy: it selects the component's pods and restricts both
directions. Call with (dict "ctx" $ "component" "kafka").
*/}}
{{- define "stock-streaming.networkPolicy.header" -}}
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ include "stock-streaming.fullname" .ctx }}-{{ .component }}
  labels:
    {{- include "stock-streaming.labels" (dict "ctx" .ctx "component" .component) | nindent 4 }}
spec:
  podSelector:
    matchLabels:
      {{- include "stock-streaming.selectorLabels" (dict "ctx" .ctx "component" .component) | nindent 6 }}
  policyTypes:
    - Ingress
    - Egress
{{- end }}

{{/*
One rule from or to the pods of the release's components, on the given TCP ports (none: any).
Call with (dict "ctx" $ "peers" (list "kafka") "ports" (list 9092) "direction" "from").
*/}}
{{- define "stock-streaming.networkPolicy.rule" -}}
- {{ .direction }}:
    {{- range .peers }}
    - podSelector:
        matchLabels:
          {{- include "stock-streaming.selectorLabels" (dict "ctx" $.ctx "component" .) | nindent 10 }}
    {{- end }}
  {{- with .ports }}
  ports:
    {{- range . }}
    - port: {{ . }}
      protocol: TCP
    {{- end }}
  {{- end }}
{{- end }}

{{/*
DNS, to any resolver of the cluster.
*/}}
{{- define "stock-streaming.networkPolicy.dnsEgress" -}}
- ports:
    - port: 53
      protocol: UDP
    - port: 53
      protocol: TCP
{{- end }}

{{/*
Egress to an external Kafka or HDFS: networkPolicy.externalTo, or anywhere when it is empty.
*/}}
{{- define "stock-streaming.networkPolicy.externalEgress" -}}
{{- if .Values.networkPolicy.externalTo }}
- to:
    {{- toYaml .Values.networkPolicy.externalTo | nindent 4 }}
{{- else }}
# an external service and networkPolicy.externalTo empty: egress anywhere
- {}
{{- end }}
{{- end }}

{{/*
The Spark drivers' egress to the Kubernetes API (they create and watch their executors).
*/}}
{{- define "stock-streaming.networkPolicy.kubernetesApiEgress" -}}
{{- if .Values.networkPolicy.kubernetesApiTo }}
- to:
    {{- toYaml .Values.networkPolicy.kubernetesApiTo | nindent 4 }}
  ports:
{{- else }}
- ports:
{{- end }}
    {{- range .Values.networkPolicy.kubernetesApiPorts }}
    - port: {{ . }}
      protocol: TCP
    {{- end }}
{{- end }}

{{/*
Scrapes of a component's metrics port from networkPolicy.metricsFrom (nothing when it is empty).
Call with (dict "ctx" $ "port" 8080).
*/}}
{{- define "stock-streaming.networkPolicy.metricsIngress" -}}
{{- with .ctx.Values.networkPolicy.metricsFrom }}
- from:
    {{- toYaml . | nindent 4 }}
  ports:
    - port: {{ $.port }}
      protocol: TCP
{{- end }}
{{- end }}

{{/*
The extra labels and annotations a component's pods get from its podLabels and podAnnotations,
over the chart's own. Call with (dict "values" .Values.kafka "labels" (include "stock-streaming.kafka.labels" $)
"annotations" (dict "checksum/config" "...")).
*/}}
{{- define "stock-streaming.podMetadata" -}}
labels:
  {{- .labels | nindent 2 }}
  {{- with .values.podLabels }}
  {{- toYaml . | nindent 2 }}
  {{- end }}
{{- $annotations := merge (deepCopy (.values.podAnnotations | default dict)) (.annotations | default dict) }}
{{- with $annotations }}
annotations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end }}

{{/*
Where a component's pods may run: its nodeSelector, tolerations and affinity. Without an
affinity of its own, a component given "selectorLabels" spreads its pods over the nodes by its
podAntiAffinity: soft (preferred, the default), hard (required) or none.
Call with (dict "values" .Values.kafka "selectorLabels" (include "stock-streaming.kafka.selectorLabels" $)).
*/}}
{{- define "stock-streaming.podPlacement" -}}
{{- with .values.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .values.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- if .values.affinity }}
affinity:
  {{- toYaml .values.affinity | nindent 2 }}
{{- else if and .selectorLabels (eq (.values.podAntiAffinity | default "none") "soft") }}
affinity:
  podAntiAffinity:
    preferredDuringSchedulingIgnoredDuringExecution:
      - weight: 100
        podAffinityTerm:
          topologyKey: kubernetes.io/hostname
          labelSelector:
            matchLabels:
              {{- .selectorLabels | nindent 14 }}
{{- else if and .selectorLabels (eq (.values.podAntiAffinity | default "none") "hard") }}
affinity:
  podAntiAffinity:
    requiredDuringSchedulingIgnoredDuringExecution:
      - topologyKey: kubernetes.io/hostname
        labelSelector:
          matchLabels:
            {{- .selectorLabels | nindent 12 }}
{{- end }}
{{- end }}
