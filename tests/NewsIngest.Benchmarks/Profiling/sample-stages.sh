#!/bin/bash
# Samples the extraction loop with perf (software clock, no hardware counters needed) and prints how the samples
# under ExtractionPipeline.Extract split between the parse and each stage.
#   usage: sample-stages.sh [build dir] [seconds] [set...]    (run from the repository root; sets: samples,
#   trafilatura, readability, fundus, wcxb; all of them when none is named)
# The build dir defaults to tests/NewsIngest.Benchmarks/bin/Release/net10.0. JIT'd code is named through the runtime's
# perf map (DOTNET_PerfMapEnabled=1); W^X is switched off so the map's addresses are the ones that run.
set -euo pipefail
build=${1:-tests/NewsIngest.Benchmarks/bin/Release/net10.0}
seconds=${2:-15}
sets=("${@:3}")
out=$(mktemp -d)
DOTNET_EnableWriteXorExecute=0 DOTNET_PerfMapEnabled=1 dotnet "$build/NewsIngest.Benchmarks.dll" loop "$seconds" "${sets[@]}" > "$out/loop.txt" 2>&1 &
until grep -q 'ready pid' "$out/loop.txt"; do sleep 0.5; done
pid=$(grep -o 'pid=[0-9]*' "$out/loop.txt" | cut -d= -f2)
perf record -e cpu-clock -F 999 -g -p "$pid" -o "$out/perf.data" -- sleep $((seconds + 1)) 2> /dev/null
wait
tail -1 "$out/loop.txt"
perf script -i "$out/perf.data" 2> /dev/null | python3 "$(dirname "$0")/stage_samples.py"
rm -rf "$out"
