#!/usr/bin/env bash
# The urgent path's figure (issue: an urgent transfer is delivered within a second of its 202 with a backlog of
# 10,000 routine transfers waiting for a pushed partner). Runs UrgentMeasurement, a harness the test suite never
# runs: one gateway on its embedded defaults, one partner over HTTPS with mutual TLS (WireMock) answering each push
# after 200 ms, 10,000 routine referrals accepted while delivery is stopped, then delivery started and ten urgent
# referrals sent two seconds apart. Prints and appends to gateway/target/urgent-measurement.txt.
#
#   bench/urgent.sh                                   # the defaults above
#   bench/urgent.sh -Daccord.measure.backlog=20000 -Daccord.measure.partner-delay-ms=500 -Daccord.measure.urgent-count=20
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -pl gateway -am install -DskipTests >/dev/null
./mvnw -q -pl gateway surefire:test -Dtest=UrgentMeasurement -Daccord.measure.urgent=true \
    -Dsurefire.failIfNoSpecifiedTests=false "$@" | grep URGENT-MEASUREMENT
