#!/usr/bin/env bash
# Intake under load: starts Switchboard with ./run.sh on a fresh PostgreSQL database, sends signed GitHub
# deliveries at fixed arrival rates (bench/.../load/IntakeLoad), counts what the database holds afterwards,
# stops the server and writes bench/results/intake-<time>.md. Holds the integration tests' lock (same ports).
# Usage: bench/intake.sh [rate-for-latency (500)] [rate-for-throughput (2000)] [seconds (30)]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
latency_rate="${1:-500}"
peak_rate="${2:-2000}"
seconds="${3:-30}"
db=switchboard_bench
secret=bench-github-secret
stamp="$(date -u +%Y-%m-%dT%H%M%SZ)"
out="$root/bench/results/intake-$stamp.md"
mkdir -p "$root/bench/results"

exec 9>/tmp/switchboard-it.lock
flock 9

cd "$root"
mvn -q -B -DskipTests package
psql -h 127.0.0.1 -U postgres -qc "drop database if exists $db" -c "create database $db"
export GITHUB_WEBHOOK_SECRET="$secret" DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" DB_USER=postgres
trap './run.sh stop >/dev/null 2>&1 || true' EXIT
./run.sh start >/dev/null
for _ in $(seq 60); do
  curl -fsS -o /dev/null http://127.0.0.1:8080/health/ready && break
  sleep 1
done

load() { java -cp bench/target/benchmarks.jar dev.switchboard.bench.load.IntakeLoad --secret "$secret" "$@"; }
load --rate 200 --duration 10 --label warm-up >/dev/null
steady="$(load --rate "$latency_rate" --duration "$seconds" --label "steady-$latency_rate")"
peak="$(load --rate "$peak_rate" --duration "$seconds" --label "peak-$peak_rate" --max-in-flight 512)"
sleep 10
statuses="$(psql -h 127.0.0.1 -U postgres -d "$db" -Atc "select status || '=' || count(*) from webhook_delivery group by status order by 1" | paste -sd' ')"

{
  echo "# Intake under load, $stamp"
  echo
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); Payara Server via ./run.sh on PostgreSQL; generator on the same machine."
  echo
  echo "- steady: \`$steady\`"
  echo "- peak: \`$peak\`"
  echo "- deliveries in the database 10 s after the last send (warm-up included): $statuses"
} > "$out"
cat "$out"
