#!/usr/bin/env bash
# Regenerates the files made from the chart: k8s/stock-streaming.yaml (the plain manifests) and
# the values table of helm/README.md. The chart tests then check them (and fail when they are stale).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl helm test -Dregenerate=true -Dtest='PlainManifestsTest,ValuesDocumentationTest'
echo "regenerated k8s/stock-streaming.yaml and the values table of helm/README.md"
