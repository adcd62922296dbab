{{/*
Labels of the HDFS objects shared by the NameNode and the DataNodes (the ConfigMap).
*/}}
{{- define "stock-streaming.hdfs.labels" -}}
{{- include "stock-streaming.labels" (dict "ctx" . "component" "hdfs") }}
{{- end }}

{{/*
Name of the ConfigMap with core-site.xml and hdfs-site.xml.
*/}}
{{- define "stock-streaming.hdfs.config.name" -}}
{{- include "stock-streaming.fullname" . }}-hdfs-config
{{- end }}

{{/*
Name of the NameNode StatefulSet and of its headless Service, also the host of fs.defaultFS.
*/}}
{{- define "stock-streaming.hdfs.namenode.name" -}}
{{- include "stock-streaming.fullname" . }}-hdfs-namenode
{{- end }}

{{/*
Labels of the NameNode objects.
*/}}
{{- define "stock-streaming.hdfs.namenode.labels" -}}
{{- include "stock-streaming.labels" (dict "ctx" . "component" "hdfs-namenode") }}
{{- end }}

{{/*
Selector labels of the NameNode pod.
*/}}
{{- define "stock-streaming.hdfs.namenode.selectorLabels" -}}
{{- include "stock-streaming.selectorLabels" (dict "ctx" . "component" "hdfs-namenode") }}
{{- end }}

{{/*
Name of the DataNode StatefulSet and of its headless Service.
*/}}
{{- define "stock-streaming.hdfs.datanode.name" -}}
{{- include "stock-streaming.fullname" . }}-hdfs-datanode
{{- end }}

{{/*
Labels of the DataNode objects.
*/}}
{{- define "stock-streaming.hdfs.datanode.labels" -}}
{{- include "stock-streaming.labels" (dict "ctx" . "component" "hdfs-datanode") }}
{{- end }}

{{/*
Selector labels of the DataNode pods.
*/}}
{{- define "stock-streaming.hdfs.datanode.selectorLabels" -}}
{{- include "stock-streaming.selectorLabels" (dict "ctx" . "component" "hdfs-datanode") }}
{{- end }}

{{/*
Name of the hook Job that creates the output root (the release revision is appended).
*/}}
{{- define "stock-streaming.hdfs.init.name" -}}
{{- include "stock-streaming.fullname" . }}-hdfs-init
{{- end }}

{{/*
Labels of the init Job.
*/}}
{{- define "stock-streaming.hdfs.init.labels" -}}
{{- include "stock-streaming.labels" (dict "ctx" . "component" "hdfs-init") }}
{{- end }}

{{/*
File system URI of HDFS: the chart's NameNode, or the external one.
*/}}
{{- define "stock-streaming.hdfs.uri" -}}
{{- if .Values.hdfs.enabled }}
{{- printf "hdfs://%s:8020" (include "stock-streaming.hdfs.namenode.name" .) }}
{{- else }}
{{- .Values.hdfs.external.uri | trimSuffix "/" }}
{{- end }}
{{- end }}
