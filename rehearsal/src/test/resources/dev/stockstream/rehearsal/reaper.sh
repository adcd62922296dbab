#!/bin/sh
# Started by the rehearsal with its standard input on a pipe from the test JVM: when the JVM
# ends, however it ends, the pipe closes and this removes what the rehearsal made.
# Usage: reaper.sh CLEANUP_SCRIPT PREFIX BRIDGE SUBNET_PATTERN
cat >/dev/null
exec "$@"
