#!/usr/bin/env bash
# Builds the gateway and the benchmarks, runs the whole JMH suite with short settings and -prof gc, and writes
# bench/results/jmh-<date>.json and bench/results/report-<date>.md. Run from anywhere inside the repository.
#
#   bench/run.sh                      # the whole suite, about 6 minutes on 2 cores
#   FULL=1 bench/run.sh               # the same with longer settings, about 20 minutes: tighter errors, a settled JIT
#   bench/run.sh 'agreement|record'   # only benchmarks matching a JMH regular expression
#   JMH_OPTS='-f 1 -wi 1 -i 2 -w 1s -r 1s' bench/run.sh crypto   # quicker, noisier
#   SKIP_LOAD=1 bench/run.sh          # JMH only, without the end-to-end load run
#
# Without a filter, the end-to-end load driver then runs the gateway jar as its own process, warms it up once
# (at 600 referrals/s, at most LOAD_WARMUP seconds, default 90; 300 with FULL=1) and measures it at the highest rate
# it sustains and then at 500 referrals/s (LOAD_SECONDS each, default 20; 60 with FULL=1), writing
# bench/results/load-max-500-<date>.md.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

stamp="$(date -u +%Y-%m-%dT%H%M%SZ)"
started="$(date -u +%Y-%m-%dT%H:%M:%S)"
results="bench/results"
json="$results/jmh-$stamp.json"
report="$results/report-$stamp.md"
if [ "${FULL:-0}" = "1" ]; then
  jmh_opts="${JMH_OPTS:--f 1 -wi 2 -i 5 -w 2s -r 2s}"
  load_warmup="${LOAD_WARMUP:-300}"
  load_seconds="${LOAD_SECONDS:-60}"
else
  jmh_opts="${JMH_OPTS:--f 1 -wi 1 -i 3 -w 1s -r 1s}"
  load_warmup="${LOAD_WARMUP:-90}"
  load_seconds="${LOAD_SECONDS:-20}"
fi
filter=("$@")
mkdir -p "$results"

echo "Building gateway and bench ..."
./mvnw -q -pl gateway,bench -am package -DskipTests

load_before="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
# shellcheck disable=SC2206
command=(java -Daccord.repo="$root" -jar bench/target/accord-bench.jar $jmh_opts -prof gc -rf json -rff "$json" "${filter[@]}")
echo "Running: ${command[*]}"
"${command[@]}"

load_after="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
java -cp bench/target/accord-bench.jar org.accord.bench.report.ResultsReport \
    "$json" "$report" "bench/run.sh${filter[*]:+ ${filter[*]}} (JMH: $jmh_opts -prof gc)" \
    "$load_before" "$load_after" "$started"
echo
cat "$report"
echo
echo "Wrote $json and $report"

# End to end: the gateway jar as its own process, at the highest rate it sustains and then at 500 referrals/s.
if [ "${SKIP_LOAD:-0}" != "1" ] && [ ${#filter[@]} -eq 0 ]; then
  java -Daccord.repo="$root" -cp bench/target/accord-bench.jar org.accord.bench.load.LoadDriver --rate max,500 \
      --seconds "$load_seconds" --concurrency 32 --warmup "$load_warmup" --report "$results/load-max-500-$stamp.md"
fi
