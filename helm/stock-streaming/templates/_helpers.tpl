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
Common labels. Call with (dict "ctx" $ "component" "kafka").
*/}}
{{- define "stock-streaming.labels" -}}
helm.sh/chart: {{ include "stock-streaming.chart" .ctx }}
{{ include "stock-streaming.selectorLabels" . }}
app.kubernetes.io/version: {{ .ctx.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .ctx.Release.Service }}
app.kubernetes.io/part-of: {{ include "stock-streaming.name" .ctx }}
{{- end }}

{{/*
Selector labels. Call with (dict "ctx" $ "component" "kafka").
*/}}
{{- define "stock-streaming.selectorLabels" -}}
app.kubernetes.io/name: {{ include "stock-streaming.name" .ctx }}
app.kubernetes.io/instance: {{ .ctx.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{/*
Name of a component's resources. Call with (dict "ctx" $ "component" "kafka").
*/}}
{{- define "stock-streaming.componentName" -}}
{{- printf "%s-%s" (include "stock-streaming.fullname" .ctx) .component }}
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
Kafka bootstrap servers the apps get (KAFKA_BOOTSTRAP_SERVERS): the chart's headless
Service, or the external cluster.
*/}}
{{- define "stock-streaming.kafka.bootstrapServers" -}}
{{- if .Values.kafka.enabled }}
{{- printf "%s:9092" (include "stock-streaming.componentName" (dict "ctx" . "component" "kafka")) }}
{{- else }}
{{- required "kafka.external.bootstrapServers is required when kafka.enabled is false (host:port of the external Kafka)" .Values.kafka.external.bootstrapServers }}
{{- end }}
{{- end }}

{{/*
The NameNode's headless Service, also the host of fs.defaultFS.
*/}}
{{- define "stock-streaming.hdfs.namenodeName" -}}
{{- include "stock-streaming.componentName" (dict "ctx" . "component" "hdfs-namenode") }}
{{- end }}

{{/*
File system URI of HDFS: the chart's NameNode, or the external one.
*/}}
{{- define "stock-streaming.hdfs.uri" -}}
{{- if .Values.hdfs.enabled }}
{{- printf "hdfs://%s:8020" (include "stock-streaming.hdfs.namenodeName" .) }}
{{- else }}
{{- .Values.hdfs.external.uri | trimSuffix "/" }}
{{- end }}
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
Name of the Spark driver's ServiceAccount.
*/}}
{{- define "stock-streaming.spark.serviceAccountName" -}}
{{- if .Values.spark.serviceAccount.create }}
{{- default (include "stock-streaming.componentName" (dict "ctx" . "component" "spark")) .Values.spark.serviceAccount.name }}
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
