#!/bin/sh
# Removes everything a rehearsal made on this machine: the processes in its network namespaces
# (each pod's mounts live in mount namespaces that end with them), the namespaces and their
# /etc/netns files, the bridge, and the forwarders it ran on the machine's own network.
# Usage: cleanup.sh PREFIX BRIDGE SUBNET_PATTERN
prefix="$1"; bridge="$2"; subnet="$3"
for ns in $(ip netns list | awk '{print $1}' | grep "^${prefix}"); do
  pids=$(ip netns pids "$ns" 2>/dev/null)
  [ -n "$pids" ] && kill -KILL $pids 2>/dev/null
done
pkill -KILL -f "socat .*${subnet}" 2>/dev/null
for ns in $(ip netns list | awk '{print $1}' | grep "^${prefix}"); do
  for attempt in 1 2 3 4 5 6 7 8 9 10; do
    [ -z "$(ip netns pids "$ns" 2>/dev/null)" ] && break
    sleep 0.2
  done
  ip netns del "$ns" 2>/dev/null
  rm -rf "/etc/netns/$ns"
done
# A veth whose namespace outlived its processes (held open elsewhere) loses its peer only with it.
for link in $(ip -o link show | awk -F': ' '{print $2}' | cut -d@ -f1 | grep '^rhv'); do
  ip link del "$link" 2>/dev/null
done
ip link del "$bridge" 2>/dev/null
exit 0
