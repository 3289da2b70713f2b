#!/usr/bin/env bash
# Prepares the gateway to start fast: extracts the runnable jar (Spring Boot's jarmode tools: the application jar
# with its libraries beside it in lib/) and records what a start loads, by starting the gateway once on throwaway
# embedded defaults until its context has refreshed:
#
# - on Java 25 or later, an ahead-of-time cache (accord-gateway.aot: the classes loaded and linked, and what the JIT
#   learnt of the start), which a start reads with -XX:AOTCache;
# - on Java 17 to 24, a class data sharing archive (accord-gateway.jsa: the classes loaded), read with
#   -XX:SharedArchiveFile.
#
# It writes the option that reads it into accord-gateway.args, a Java argument file, so that one command starts the
# gateway whichever runtime made it:
#
#   deploy/jvm/class-data-archive.sh <accord-gateway-*-exec.jar> <folder>
#   java -Xmx512m -XX:+UseParallelGC @<folder>/accord-gateway.args -jar <folder>/accord-gateway.jar --spring.profiles.active=prod ...
#
# The cache belongs to the Java runtime that made it and to these exact jar files: make it where the gateway runs
# (in the image build, or after each install), with the same java (JAVA=/path/to/java to choose one). A cache of
# another runtime of the same version, or for other jars, is ignored (Java 25 says so at start) and the gateway starts
# as it would without one; another version's java refuses the option, so make the cache again after changing runtime.
set -euo pipefail

jar=${1:?usage: class-data-archive.sh <accord-gateway-exec.jar> <folder>}
out=${2:?usage: class-data-archive.sh <accord-gateway-exec.jar> <folder>}
java=${JAVA:-java}
# The JVM options of the real start (docs/operations.md): the cache records what a start with them loads.
jvm_options=(-Xmx512m -XX:+UseParallelGC)

mkdir -p "$out"
out=$(cd "$out" && pwd)
rm -rf "$out/lib" "$out/accord-gateway.jar" "$out/accord-gateway.jsa" "$out/accord-gateway.aot" "$out/accord-gateway.args"
staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
"$java" -Djarmode=tools -jar "$jar" extract --destination "$staging/app" >/dev/null
mv "$staging/app/lib" "$out/lib"
mv "$staging/app/$(basename "$jar")" "$out/accord-gateway.jar"

# The runtime's feature version: "25.0.3", "17.0.15", "1.8.0_402" (never a gateway's runtime) -> 25, 17, 1.
version=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | cut -d. -f1)
if [ "${version:-0}" -ge 25 ]; then
  cache="$out/accord-gateway.aot"
  # Java 25 allows, with a warning at each start, what two libraries do: Netty loads its native transport, and the
  # embedded broker's queues (JCTools) use sun.misc.Unsafe. Said allowed here, which is what 25 does anyway, the
  # warnings go (docs/startup.md). Recorded and read with the same options.
  acknowledged=(--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow)
  # The cache's own warnings (a class it skips, an adapter stub it cannot link) are many and change nothing.
  record=("${acknowledged[@]}" -XX:AOTCacheOutput="$cache" '-Xlog:aot*=error')
  use=("${acknowledged[@]}" -XX:AOTCache="$cache" '-Xlog:aot*=error')
else
  cache="$out/accord-gateway.jsa"
  record=(-XX:ArchiveClassesAtExit="$cache" -Xlog:cds=off -Xlog:cds+dynamic=off)
  use=(-XX:SharedArchiveFile="$cache" -Xlog:cds=off)
fi

# A training start: demo mode in a throwaway folder (no database, broker, identity provider or key of the
# institution is touched), ended by Spring once the application context has refreshed.
"$java" "${jvm_options[@]}" "${record[@]}" -Dspring.context.exit=onRefresh -jar "$out/accord-gateway.jar" \
    --accord.data-dir="$staging/data" --server.port=0 --accord.inbound.tls.port=0 --logging.level.root=WARN >"$staging/training.log" 2>&1 \
  || { echo "The training start failed:" >&2; tail -20 "$staging/training.log" >&2; exit 1; }
[ -s "$cache" ] || { echo "No cache was written" >&2; tail -20 "$staging/training.log" >&2; exit 1; }
printf '"%s"\n' "${use[@]}" > "$out/accord-gateway.args"
echo "$out/accord-gateway.jar, $cache ($(du -h "$cache" | cut -f1)) and $out/accord-gateway.args (Java $version)"
