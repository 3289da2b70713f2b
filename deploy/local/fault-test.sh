#!/usr/bin/env bash
# The failure drill of the local production topology (deploy/local/cluster.sh): steady submits through HAProxy from a
# client that retries with the same Idempotency-Key, gateway 1 killed mid-load, later the broker primary killed (the
# backup takes over), both restarted; then every answered submit is checked to be delivered exactly once, the log to
# be one valid chain, and the backup to have held the queue. Ends with a line "N passed, N failed".
#
#   deploy/local/fault-test.sh [submits per second (20)] [seconds (150)]
#
# Starts the cluster if it is not up, and stops it again afterwards unless KEEP_CLUSTER=1.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
state=${ACCORD_CLUSTER_DIR:-/tmp/accord-cluster}

started_here=0
if ! "$here/cluster.sh" status 2>/dev/null | grep -q '^haproxy .*running'; then
  if ! "$here/cluster.sh" up; then
    # What did start is stopped again (its ports would block the next try), unless kept for a look.
    [ "${KEEP_CLUSTER:-0}" = 1 ] || "$here/cluster.sh" down
    echo "0 passed, 1 failed"
    exit 1
  fi
  started_here=1
fi
java "$here/FaultDrill.java" "$state" "$here/cluster.sh" "$repo" "${1:-20}" "${2:-150}"
rc=$?
if [ "$started_here" = 1 ] && [ "${KEEP_CLUSTER:-0}" != 1 ]; then
  "$here/cluster.sh" down
fi
exit $rc
