#!/usr/bin/env bash
# The faults of issue 15 on the release rehearsal (rehearsal/, as root): the rehearsal's tests tagged
# `chaos`, each a fault injected while the producer streams, then the time until the dashboard serves a
# batch begun after it, and the committed batches balanced against a recount of the topic.
# Usage: sudo bash bench/chaos.sh
# Prints one line per fault, `chaos fault=<name> recovered_s=<s> lost=<n> duplicated=<n>`, then its candle
# line `chaos fault=<name> candles=<n> candle_ticks=<n> candle_ticks_missing=<n> late_ticks=<n>
# candle_ticks_extra=<n> candles_twice=<n>`, and a last line `chaos faults=<n> survived=<n> lost=<n>
# duplicated=<n>`; a fault whose test failed before it reported, or whose candles do not balance
# (missing != late, extra or twice > 0), counts as not survived.
set -uo pipefail
cd "$(dirname "$0")/.."
faults=(driver-killed-twice executor-killed executor-network-cut-30s broker-restarted producer-restarted
  visualizer-restarted broker-lost datanode-lost namenode-restarted)
log="rehearsal/target/chaos-bench.log"
mkdir -p rehearsal/target
./mvnw -B -pl rehearsal -am -Dgroups=chaos -Dsurefire.failIfNoSpecifiedTests=false package >"$log" 2>&1
status=$?
survived=0 lost=0 duplicated=0
for fault in "${faults[@]}"; do
  line=$(grep -m1 "^chaos fault=$fault " "$log" || true)
  if [[ -z "$line" ]]; then
    echo "chaos fault=$fault recovered_s=none lost=unknown duplicated=unknown"
    continue
  fi
  echo "$line"
  l=$(sed -E 's/.* lost=([0-9]+).*/\1/' <<<"$line")
  d=$(sed -E 's/.* duplicated=([0-9]+).*/\1/' <<<"$line")
  lost=$((lost + l)) duplicated=$((duplicated + d))
  candles=$(grep -m1 "^chaos fault=$fault candles=" "$log" || true)
  balanced=no
  if [[ -n "$candles" ]]; then
    echo "$candles"
    missing=$(sed -E 's/.* candle_ticks_missing=([0-9]+).*/\1/' <<<"$candles")
    late=$(sed -E 's/.* late_ticks=([0-9]+).*/\1/' <<<"$candles")
    extra=$(sed -E 's/.* candle_ticks_extra=([0-9]+).*/\1/' <<<"$candles")
    twice=$(sed -E 's/.* candles_twice=([0-9]+).*/\1/' <<<"$candles")
    if [[ "$missing" == "$late" && "$extra" == 0 && "$twice" == 0 ]]; then balanced=yes; fi
  fi
  if [[ "$l" == 0 && "$d" == 0 && "$balanced" == yes ]]; then survived=$((survived + 1)); fi
done
grep '^chaos producer-restarted ' "$log" || true
echo "chaos faults=${#faults[@]} survived=$survived lost=$lost duplicated=$duplicated"
if [[ $status -ne 0 ]]; then
  echo "some fault tests failed; see $log" >&2
  grep -E 'Tests run:|FAIL|\] [a-zA-Z]+.*:[0-9]+ ' "$log" | tail -n 20 >&2
fi
exit $status
