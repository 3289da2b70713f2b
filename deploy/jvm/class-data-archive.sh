#!/usr/bin/env bash
# Prepares the gateway to start fast: extracts the runnable jar (Spring Boot's jarmode tools: the application jar
# with its libraries beside it in lib/) and records a class data sharing archive of every class a start loads, by
# starting the gateway once on throwaway embedded defaults until its context has refreshed. A gateway started from
# the extracted jar with the archive skips most class loading and verification.
#
#   deploy/jvm/class-data-archive.sh <accord-gateway-*-exec.jar> <folder>
#   java -XX:SharedArchiveFile=<folder>/accord-gateway.jsa -jar <folder>/accord-gateway.jar --spring.profiles.active=prod ...
#
# The archive belongs to the Java runtime that made it and to these exact jar files: make it where the gateway runs
# (in the image build, or after each install), with the same java. A mismatched archive is ignored with a warning,
# and the gateway starts as it would without one.
set -euo pipefail

jar=${1:?usage: class-data-archive.sh <accord-gateway-exec.jar> <folder>}
out=${2:?usage: class-data-archive.sh <accord-gateway-exec.jar> <folder>}
java=${JAVA:-java}

rm -rf "$out/lib" "$out/accord-gateway.jar" "$out/accord-gateway.jsa"
mkdir -p "$out"
staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
"$java" -Djarmode=tools -jar "$jar" extract --destination "$staging/app" >/dev/null
mv "$staging/app/lib" "$out/lib"
mv "$staging/app/$(basename "$jar")" "$out/accord-gateway.jar"

# A training start: demo mode in a throwaway folder (no database, broker, identity provider or key of the
# institution is touched), ended by Spring once the application context has refreshed.
"$java" -XX:ArchiveClassesAtExit="$out/accord-gateway.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
    -Dspring.context.exit=onRefresh -jar "$out/accord-gateway.jar" \
    --accord.data-dir="$staging/data" --server.port=0 --accord.inbound.tls.port=0 --logging.level.root=WARN >"$staging/training.log" 2>&1 \
  || { echo "The training start failed:" >&2; tail -20 "$staging/training.log" >&2; exit 1; }
[ -s "$out/accord-gateway.jsa" ] || { echo "No archive was written" >&2; exit 1; }
echo "$out/accord-gateway.jar and $out/accord-gateway.jsa ($(du -h "$out/accord-gateway.jsa" | cut -f1))"
