#!/usr/bin/env bash
# The release rehearsal's install and scale steps (rehearsal/, as root): the time from `helm install`
# to the first batch on the dashboard, then the job's throughput on 2 and on 4 executor processes on
# their own worker hosts, each draining the same preloaded backlog, and ticks lost or doubled.
# Usage: sudo bash bench/rehearsal.sh
# Prints: rehearsal install_to_first_batch_s=<s> executors=<n> ticks_per_s_2_executors=<r> ticks_per_s_4_executors=<r> lost=<n> duplicated=<n>
set -euo pipefail
cd "$(dirname "$0")/.."
log="rehearsal/target/rehearsal-bench.log"
mkdir -p rehearsal/target
if ! ./mvnw -B -q -pl rehearsal -am -Prehearsal-bench -DskipTests package >"$log" 2>&1; then
  echo "rehearsal bench failed; see $log" >&2
  tail -n 40 "$log" >&2
  exit 1
fi
grep '^rehearsal ' "$log"
