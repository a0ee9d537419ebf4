#!/usr/bin/env bash
# Runs the JMH micro-benchmarks (signature checks, payload parsing, microagent matching) and writes
# bench/results/jmh-<date>.json and a Markdown table bench/results/jmh-<date>.md.
# Usage: bench/jmh.sh [JMH options, e.g. SignatureBenchmark -p bytes=1024]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
mvn -q -pl bench -am package -DskipTests
stamp="$(date -u +%Y-%m-%dT%H%M%SZ)"
mkdir -p bench/results
json="bench/results/jmh-$stamp.json"
java -jar bench/target/benchmarks.jar -rf json -rff "$json" "$@"
{
  echo "# JMH results, $stamp"
  echo
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)"
  echo
  echo "| benchmark | params | score | error | unit |"
  echo "|---|---|---|---|---|"
  python3 - "$json" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1])):
    params = ", ".join(f"{k}={v}" for k, v in (r.get("params") or {}).items())
    m = r["primaryMetric"]
    print(f"| {r['benchmark'].split('.')[-2]}.{r['benchmark'].split('.')[-1]} | {params} | {m['score']:.3f} | {m['scoreError']:.3f} | {m['scoreUnit']} |")
PY
} > "bench/results/jmh-$stamp.md"
echo "results: bench/results/jmh-$stamp.md"
