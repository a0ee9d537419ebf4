#!/usr/bin/env bash
# The intake benchmark and its baselines in one run (issue 8), written to bench/results/<time>.md:
#   - Switchboard's GitHub intake (202 after the durable commit) on a fresh PostgreSQL database:
#     a steady run at 500/s (latency, queue depth and server RSS sampled) and a ceiling run at a rate
#     beyond what it takes; the full mode makes the steady run 5 minutes and adds a 10-minute soak;
#   - a no-op JAX-RS WAR on the same Payara (the server's own ceiling);
#   - an @octokit/webhooks receiver in Node (verify + in-memory dispatch, no persistence);
#   - pgbench inserting single rows shaped like a delivery row, at the generator's concurrency.
# Every HTTP run uses the same open-model generator (bench/.../load/IntakeLoad) with the same signed body.
# Holds the integration tests' lock for the whole run (same ports); Payara and Node are stopped at the end.
# Usage: bench/run.sh [--quick]     (quick: about 7 minutes once built; full: about 25 minutes)
#   BENCH_SKIP_BUILD=1 reuses the built EAR and jars; BENCH_CEILING_RATE (6000), BENCH_CONNECTIONS (64),
#   BENCH_JFR=0 skips the profile of the steady run.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

mode=full
[[ "${1:-}" == "--quick" ]] && mode=quick
if [[ $mode == quick ]]; then
  steady_s=60; ceiling_s=20; soak_s=0; sample_every=5
else
  steady_s=300; ceiling_s=60; soak_s=600; sample_every=10
fi
steady_rate=500
ceiling_rate="${BENCH_CEILING_RATE:-6000}"
connections="${BENCH_CONNECTIONS:-64}"
db=switchboard_bench
secret=bench-github-secret
octokit_port=3917
stamp="$(date -u +%Y-%m-%dT%H%MZ)"
raw="bench/results/raw-$stamp"
mkdir -p "$raw"
echo "$mode" > "$raw/mode"
psql_db() { psql -h 127.0.0.1 -U postgres -d "$db" -XAtq "$@"; }
say() { printf '[bench %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

if [[ -z "${BENCH_SKIP_BUILD:-}" ]]; then
  say "building (unit tests included, integration tests skipped)"
  mvn -q -B install -DskipITs > "$raw/build.log" 2>&1 || { tail -50 "$raw/build.log" >&2; exit 1; }
  rm -f "$raw/build.log"
fi
(cd bench/octokit && if [[ -f package-lock.json ]]; then npm ci --no-audit --no-fund --silent; else npm install --no-audit --no-fund --silent; fi)

load() {
  local label="$1"; shift
  java -Xmx1g -cp bench/target/benchmarks.jar dev.switchboard.bench.load.IntakeLoad --secret "$secret" \
      --connections "$connections" --label "$label" "$@" | tee "$raw/$label.json" >&2
}

payara_pid() {
  local pid
  for pid in $(pgrep -x java || true); do
    [[ "$(readlink "/proc/$pid/cwd" 2>/dev/null)" == "$root/.run/"* ]] && { echo "$pid"; return; }
  done
}

# one line every $2 seconds while the run of $1 seconds lasts: time, deliveries waiting, done, server RSS
sample() {
  local seconds="$1" every="$2" file="$3" pid t=0
  pid="$(payara_pid)"
  echo -e "t_s\twaiting\tprocessed_or_ignored\tother\trss_mib" > "$file"
  while (( t <= seconds )); do
    read -r waiting finished other < <(psql_db -F ' ' -c "select count(*) filter (where status in ('QUEUED','PROCESSING','FAILED')),
        count(*) filter (where status in ('PROCESSED','IGNORED')),
        count(*) filter (where status not in ('QUEUED','PROCESSING','FAILED','PROCESSED','IGNORED')) from webhook_delivery")
    echo -e "$t\t$waiting\t$finished\t$other\t$(( $(awk '/VmRSS/ {print $2}' "/proc/$pid/status") / 1024 ))" >> "$file"
    sleep "$every"; t=$(( t + every ))
  done
}

# waits (at most $1 seconds) until no delivery waits for processing
drain() {
  local limit="$1" i
  for (( i = 0; i < limit; i++ )); do
    [[ "$(psql_db -c "select count(*) from webhook_delivery where status in ('QUEUED','PROCESSING','FAILED')")" == 0 ]] && return
    sleep 1
  done
}

statuses() {
  psql_db -c "select status || '=' || count(*) from webhook_delivery where delivery_id like '$1%' group by status order by 1" | paste -sd' '
}

prefix_of() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["deliveryPrefix"])' "$1"; }

octokit_pid=""
cleanup() {
  [[ -n "$octokit_pid" ]] && kill "$octokit_pid" 2>/dev/null || true
  ./run.sh stop >/dev/null 2>&1 || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say "waiting for the integration tests' lock"
exec 9>/tmp/switchboard-it.lock
flock 9
say "lock held"

{
  echo "cores=$(nproc)"
  echo "cpu=$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
  echo "ram=$(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
  echo "kernel=$(uname -r)"
  echo "java=$(java -version 2>&1 | head -1)"
  echo "postgresql=$(psql -h 127.0.0.1 -U postgres -XAtqc 'show server_version')"
  echo "payara=$(sed -n 's:.*<payara.version>\(.*\)</payara.version>.*:\1:p' pom.xml)"
  echo "node=$(node --version)"
  echo "octokit=$(node -p 'require("./bench/octokit/node_modules/@octokit/webhooks/package.json").version')"
  echo "pgbench=$(pgbench --version)"
  echo "commit=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . ':!bench/results' || echo ' (with uncommitted changes)')"
  echo "load_before=$(cut -d' ' -f1-3 /proc/loadavg)"
} > "$raw/machine.txt"

say "octokit baseline"
(cd bench/octokit && GITHUB_WEBHOOK_SECRET="$secret" PORT=$octokit_port exec node server.mjs) 9>&- >"$raw/octokit.log" 2>&1 &
octokit_pid=$!
for _ in $(seq 50); do curl -fsS -o /dev/null "http://127.0.0.1:$octokit_port/counts" && break; sleep 0.2; done
octokit_url="http://127.0.0.1:$octokit_port/api/webhooks/github"
load octokit-warm-up --url "$octokit_url" --rate 1000 --duration 5 >/dev/null 2>&1
load octokit-ceiling --url "$octokit_url" --rate "$ceiling_rate" --duration "$ceiling_s"
kill "$octokit_pid"; octokit_pid=""

say "starting Switchboard on a fresh database"
psql -h 127.0.0.1 -U postgres -XAtq -c "drop database if exists $db" -c "create database $db"
export GITHUB_WEBHOOK_SECRET="$secret" DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" DB_USER=postgres
./run.sh start 9>&- >/dev/null
for _ in $(seq 90); do curl -fsS -o /dev/null http://127.0.0.1:8080/health/ready && break; sleep 1; done
.run/payara6/bin/asadmin deploy --force=true --name noop --contextroot noop bench/noop/target/noop.war >/dev/null
intake_url=http://127.0.0.1:8080/api/webhooks/github
noop_url=http://127.0.0.1:8080/noop/github

say "warm-up"
load noop-warm-up --url "$noop_url" --rate 1000 --duration 10 >/dev/null 2>&1
load intake-warm-up --url "$intake_url" --rate 200 --duration 15 >/dev/null 2>&1
drain 60

say "no-op ceiling"
load noop-ceiling --url "$noop_url" --rate "$ceiling_rate" --duration "$ceiling_s"

say "intake steady at $steady_rate/s for $steady_s s"
pid="$(payara_pid)"
if [[ "${BENCH_JFR:-1}" == 1 ]]; then
  jcmd "$pid" JFR.start name=bench settings=profile duration="$(( steady_s < 120 ? steady_s : 120 ))s" \
      filename="$root/$raw/steady.jfr" >/dev/null
fi
sample "$((steady_s + 20))" "$sample_every" "$raw/steady-samples.tsv" &
sampler=$!
load intake-steady --url "$intake_url" --rate "$steady_rate" --duration "$steady_s"
wait "$sampler"
drain 120
statuses "$(prefix_of "$raw/intake-steady.json")" > "$raw/intake-steady.statuses"

if (( soak_s > 0 )); then
  say "soak at $steady_rate/s for $soak_s s"
  sample "$((soak_s + 20))" 30 "$raw/soak-samples.tsv" &
  sampler=$!
  load intake-soak --url "$intake_url" --rate "$steady_rate" --duration "$soak_s"
  wait "$sampler"
  drain 120
  statuses "$(prefix_of "$raw/intake-soak.json")" > "$raw/intake-soak.statuses"
fi

say "intake ceiling"
load intake-ceiling --url "$intake_url" --rate "$ceiling_rate" --duration "$ceiling_s"
drain 180
statuses "$(prefix_of "$raw/intake-ceiling.json")" > "$raw/intake-ceiling.statuses"
psql_db -c "select round(avg(pg_column_size(t.*))) from webhook_delivery t" > "$raw/row-bytes"
echo "$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$pid/status")" > "$raw/rss-end-mib"

grep -c "OutOfMemoryError" .run/payara6/glassfish/domains/switchboard/logs/server.log > "$raw/server-oom-count" || true
say "stopping Switchboard; pgbench"
# a server out of heap does not stop in asadmin's 60 s: end our own process rather than lose the run
if ! ./run.sh stop >/dev/null 2>&1 && [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
  kill "$pid"; sleep 10; kill -9 "$pid" 2>/dev/null || true
fi
# the same table (indexes and defaults included) and a real delivery's values, with fresh unique ids
psql_db -c "drop table if exists pgbench_delivery" -c "create table pgbench_delivery (like webhook_delivery including all)" \
    -c "drop table if exists pgbench_template" \
    -c "create table pgbench_template as select * from webhook_delivery where delivery_id like 'bench-%' limit 1"
columns="$(psql_db -c "select string_agg(quote_ident(column_name), ',' order by ordinal_position) from information_schema.columns where table_name = 'webhook_delivery'")"
select_list="$(psql_db -c "select string_agg(case when column_name in ('id','delivery_id') then 'md5(random()::text || clock_timestamp()::text)' else quote_ident(column_name) end, ',' order by ordinal_position) from information_schema.columns where table_name = 'webhook_delivery'")"
echo "insert into pgbench_delivery ($columns) select $select_list from pgbench_template;" > "$raw/pgbench-insert.sql"
pgbench -h 127.0.0.1 -U postgres -n -M prepared -c "$connections" -j 2 -T "$ceiling_s" -f "$raw/pgbench-insert.sql" "$db" \
    > "$raw/pgbench.txt" 2>&1
psql_db -c "drop table pgbench_delivery" -c "drop table pgbench_template"

flock -u 9
say "lock released"

if [[ -f "$raw/steady.jfr" ]]; then
  jfr print --events jdk.ExecutionSample --stack-depth 64 "$raw/steady.jfr" | gzip > "$raw/steady-samples.txt.gz"
  rm -f "$raw/steady.jfr"
fi
echo "load_after=$(cut -d' ' -f1-3 /proc/loadavg)" >> "$raw/machine.txt"
python3 bench/report.py "$raw" "bench/results/$stamp.md" >/dev/null
say "results: bench/results/$stamp.md"
