#!/usr/bin/env bash
# Runs the chatsdk benchmarks in a short configuration (under 10 minutes on 2 cores) and writes
# benchmarks/results/latest.md:
#   1. builds the clients and the benchmarks from this checkout (reactor build, nothing installed);
#   2. JMH, Brek `send event` and Helvia `send`, each variant (hand-written OkHttp + Gson floor,
#      sync and async, generated API, facade sync and async): 1-thread average time and 8-thread
#      throughput, both with -prof gc; then FanOutBenchmark: 200 concurrent async calls per API
#      against a server with 100 ms latency (async floor and facade), wall time per burst;
#   3. cold start: fresh JVMs per variant, JVM start to first completed call, median of COLD_RUNS;
#   4. the runtime dependency footprint of each published module;
#   5. renders the report (machine, load, scores, ratios to the floor, B/op, goals met/missed).
#
# Requires: bash, JDK 17+ (JAVA_HOME or java on PATH), Maven 3.8+. Nothing else (no python, no jq).
# Knobs (environment): JMH_OPTS (default "-f 1 -wi 3 -w 2s -i 5 -r 2s"), COLD_RUNS (default 10),
# THREADS (default 8), OUT (default benchmarks/results/latest.md).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
RAW=benchmarks/target/results
OUT=${OUT:-benchmarks/results/latest.md}
JMH_OPTS=${JMH_OPTS:--f 1 -wi 3 -w 2s -i 5 -r 2s}
COLD_RUNS=${COLD_RUNS:-10}
THREADS=${THREADS:-8}
if [[ -n "${JAVA_HOME:-}" ]]; then JAVA="$JAVA_HOME/bin/java"; else JAVA=java; fi
BENCH_JAR=benchmarks/target/benchmarks.jar

started=$(date +%s)
load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a)
echo "== chatsdk benchmarks: load average before: $load_before"

# The load average every 10 s while this runs (this run's own threads included).
mkdir -p "$RAW"
rm -f "$RAW"/jmh-*.json "$RAW"/coldstart.json "$RAW"/machine.txt "$RAW"/load.txt
( while true; do cut -d' ' -f1 /proc/loadavg >> "$RAW/load.txt" 2>/dev/null || true; sleep 10; done ) &
sampler=$!
trap 'kill "$sampler" 2>/dev/null || true' EXIT

calibrate() {
    "$JAVA" -cp "$BENCH_JAR" io.github.chatsdk.benchmarks.report.Calibrate 2>/dev/null || echo n/a
}

echo "== build (reactor: sdk-core, brek-client, helvia-client, testkit, benchmarks; tests skipped)"
mvn -B -q -pl benchmarks,testkit -am package dependency:list \
    -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true \
    -DincludeScope=runtime -DoutputAbsoluteArtifactFilename=true -DoutputFile=target/runtime-deps.txt \
    | grep -v -e '^#' -e '^\s*$' || true
test -f "$BENCH_JAR" || { echo "build failed: no $BENCH_JAR" >&2; exit 1; }
mvn -B -q -pl sdk-core,brek-client,helvia-client,testkit dependency:tree \
    -Dscope=runtime -DoutputFile=target/runtime-tree.txt
calibration_before=$(calibrate)
echo "== calibration: $calibration_before"

run_jmh() { # mode, threads, time unit, name[, output name, include regex, extra JMH options...]
    local out=${5:-$1} include=${6:-'io\.github\.chatsdk\.benchmarks\..*Benchmark'}
    local extra=("${@:7}")
    [[ $# -ge 7 ]] || extra=(-e FanOutBenchmark -prof gc)
    echo "== JMH: $4 ($JMH_OPTS)"
    # shellcheck disable=SC2086 # JMH_OPTS is a list of options
    if ! "$JAVA" -jar "$BENCH_JAR" "$include" $JMH_OPTS \
            -bm "$1" -t "$2" -tu "$3" "${extra[@]}" -rf json -rff "$RAW/jmh-$out.json" > "$RAW/jmh-$out.log" 2>&1; then
        tail -40 "$RAW/jmh-$out.log" >&2
        echo "JMH failed: see $RAW/jmh-$out.log" >&2
        exit 1
    fi
    sed -n '/^Benchmark /,$p' "$RAW/jmh-$out.log" | grep -v -e ':gc\.count' -e ':gc\.time' -e ':gc\.alloc\.rate ' || true
}
run_jmh avgt 1 us "1 thread, average time"
run_jmh thrpt "$THREADS" s "$THREADS threads, throughput"
# 200 async calls at once against a server that answers in 100 ms: wall time per burst, 1 thread
run_jmh avgt 1 ms "200 concurrent async calls, 100 ms server latency" fanout 'FanOutBenchmark' -foe true

echo "== cold start ($COLD_RUNS runs per variant)"
"$JAVA" -cp "$BENCH_JAR" io.github.chatsdk.benchmarks.coldstart.ColdStartRunner \
    --root "$ROOT" --runs "$COLD_RUNS" --out "$RAW/coldstart.json"

calibration_after=$(calibrate)
echo "== calibration after: $calibration_after"
kill "$sampler" 2>/dev/null || true
load_after=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a)
elapsed=$(( $(date +%s) - started ))
during=$(awk 'NR == 1 {min = $1; max = $1} {sum += $1; if ($1 < min) min = $1; if ($1 > max) max = $1}
              END {if (NR) printf "min %.2f, mean %.2f, max %.2f (%d samples, including the benchmark threads)", min, sum / NR, max, NR; else print "n/a"}' \
              "$RAW/load.txt" 2>/dev/null || echo n/a)
dirty=""
git diff --quiet HEAD -- 2>/dev/null || dirty=" (with uncommitted changes)"
{
    echo "Date (UTC): $(date -u '+%Y-%m-%d %H:%M')"
    echo "CPU: $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//' || echo n/a)"
    echo "CPUs (nproc): $(nproc)"
    echo "Memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo 2>/dev/null || echo n/a)"
    echo "OS: $(uname -sr)"
    echo "JDK: $("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.runtime\.version = //p') ($("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.vm\.name = //p'))"
    echo "Load average before the run (1, 5, 15 min): $load_before"
    echo "Load average after the run (1, 5, 15 min): $load_after"
    echo "Load average (1 min) during the run: $during"
    echo "Calibration before the benchmarks (fixed work; lower is faster): $calibration_before"
    echo "Calibration after the benchmarks: $calibration_after"
    echo "Configuration: JMH 1.37 $JMH_OPTS; average time with -t 1, throughput with -t $THREADS; -prof gc; fan-out (200 async calls, 100 ms server latency) with -t 1; cold start $COLD_RUNS runs per variant"
    echo "Commit: $(git rev-parse --short HEAD 2>/dev/null || echo n/a)$dirty"
    echo "Run time of run.sh: $(( elapsed / 60 )) min $(( elapsed % 60 )) s"
} > "$RAW/machine.txt"

"$JAVA" -cp "$BENCH_JAR" io.github.chatsdk.benchmarks.report.Report --raw "$RAW" --root "$ROOT" --out "$OUT"
sed -n '/^## Goals/,/^## [^G]/p' "$OUT" | sed '$d'
echo "== done in $(( elapsed / 60 )) min $(( elapsed % 60 )) s: $OUT"
