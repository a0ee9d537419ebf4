#!/usr/bin/env bash
# Intake on one and on two Payara Server instances (issue 10): a deployment group of two instances made by provision.sh
# --instances 2, sharing a fresh PostgreSQL database and a fresh ActiveMQ Artemis broker, loaded by the same open-model
# generator as bench/run.sh at the same rate, first through instance 1 alone, then spread over both (the generator's
# connections alternate between them, as a round-robin load balancer would). Both runs go to the same group, so the
# only difference is how many instances take requests; the processing (every instance's listeners) is the same.
# Writes bench/results/<time>-cluster.md. Holds the integration tests' lock for the whole run.
# Usage: bench/cluster.sh     BENCH_SKIP_BUILD=1 reuses the built EAR and jars; BENCH_CEILING_RATE (3000),
#   BENCH_SECONDS (20), BENCH_CONNECTIONS (64).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

rate="${BENCH_CEILING_RATE:-3000}"
seconds="${BENCH_SECONDS:-20}"
connections="${BENCH_CONNECTIONS:-64}"
offset=1500
db=switchboard_bench_cluster
domain=switchboard-bench-cluster
secret=bench-github-secret
broker_port=61916
broker_password="$(openssl rand -hex 16)"
payara_version="$(sed -n 's:.*<payara.version>\(.*\)</payara.version>.*:\1:p' pom.xml)"
artemis_version="$(sed -n 's:.*<artemis.version>\(.*\)</artemis.version>.*:\1:p' pom.xml)"
payara=.run/payara6
asadmin="$payara/bin/asadmin"
admin_port=$((4848 + offset))
stamp="$(date -u +%Y-%m-%dT%H%MZ)"
raw="bench/results/raw-$stamp-cluster"
mkdir -p "$raw" .run
say() { printf '[bench %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
psql_db() { psql -h 127.0.0.1 -U postgres -d "$db" -XAtq "$@"; }
url() { echo "http://127.0.0.1:$((8080 + offset + 100 * $1))/api/webhooks/github"; }

if [[ -z "${BENCH_SKIP_BUILD:-}" ]]; then
  say "building (unit tests included, integration tests skipped)"
  mvn -q -B install -DskipITs > "$raw/build.log" 2>&1 || { tail -50 "$raw/build.log" >&2; exit 1; }
  rm -f "$raw/build.log"
fi
[[ -x "$asadmin" ]] || mvn -q -B dependency:unpack -Dartifact="fish.payara.distributions:payara:$payara_version:zip" \
  -DoutputDirectory=.run
artemis=".run/apache-artemis-$artemis_version"
[[ -x "$artemis/bin/artemis" ]] || mvn -q -B dependency:unpack \
  -Dartifact="org.apache.activemq:apache-artemis:$artemis_version:tar.gz:bin" -DoutputDirectory=.run

exec 9>/tmp/switchboard-it.lock
flock 9
broker_pid=""
cleanup() {
  "$asadmin" --port "$admin_port" stop-deployment-group --kill=true switchboard >/dev/null 2>&1 || true
  "$asadmin" stop-domain --kill=true "$domain" >/dev/null 2>&1 || true
  [[ -n "$broker_pid" ]] && kill "$broker_pid" 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

load() {
  local label="$1"; shift
  java -Xmx1g -cp bench/target/benchmarks.jar dev.switchboard.bench.load.IntakeLoad --secret "$secret" \
      --connections "$connections" --label "$label" "$@" | tee "$raw/$label.json" >&2
}

# seconds until nothing waits any more: the group's processing of what the run left behind
drain() {
  local started=$SECONDS
  for (( i = 0; i < 600; i++ )); do
    [[ "$(psql_db -c "select count(*) from webhook_delivery where status in ('QUEUED','PROCESSING','FAILED')")" == 0 ]] && break
    sleep 1
  done
  echo $((SECONDS - started))
}

# CPU ticks (1/100 s) used so far by each part of the set-up, one "name ticks" line each: where the 2 cores go
ticks_of() { local pid sum=0; for pid in "$@"; do [[ -r "/proc/$pid/stat" ]] && sum=$((sum + $(awk '{print $14 + $15}' "/proc/$pid/stat"))); done; echo "$sum"; }
cpu_snapshot() {
  local nodes="$payara/glassfish/domains/$domain/nodes/localhost-$domain"
  echo "instance-1 $(ticks_of "$(cat "$nodes/$domain-1/config/pid")")"
  echo "instance-2 $(ticks_of "$(cat "$nodes/$domain-2/config/pid")")"
  echo "das $(ticks_of "$(cat "$payara/glassfish/domains/$domain/config/pid")")"
  echo "broker $(ticks_of "$broker_pid")"
  echo "postgresql $(ticks_of $(pgrep -x postgres))"
  echo "machine $(awk '/^cpu / {print $2 + $3 + $4 + $7 + $8}' /proc/stat)"
}
# runs the load and writes <label>.cpu: cores each part used on average while it ran
measured_load() {
  local label="$1" before started; shift
  before="$(cpu_snapshot)"; started=$(date +%s%N)
  load "$label" "$@"
  paste <(echo "$before") <(cpu_snapshot) | awk -v ns=$(( $(date +%s%N) - started )) \
    '{printf "%s %.2f\n", $1, ($4 - $2) / 100 / (ns / 1e9)}' > "$raw/$label.cpu"
}

say "a fresh broker on 127.0.0.1:$broker_port"
rm -rf .run/bench-broker
bash "$artemis/bin/artemis" create .run/bench-broker --force --silent --user switchboard --password "$broker_password" \
  --require-login --host 127.0.0.1 --default-port "$broker_port" --no-web --no-amqp-acceptor --no-hornetq-acceptor \
  --no-mqtt-acceptor --no-stomp-acceptor --java-memory 1G \
  --queues SwitchboardDeliveries:anycast,SwitchboardCallbacks:anycast > "$raw/broker-create.log" 2>&1
.run/bench-broker/bin/artemis run 9>&- > "$raw/broker.log" 2>&1 &
broker_pid=$!
for _ in $(seq 60); do (exec 3<>"/dev/tcp/127.0.0.1/$broker_port") 2>/dev/null && break; sleep 1; done

say "a deployment group of two instances on a fresh database"
bash config/src/main/payara/provision.sh --payara-home "$payara" --domain "$domain" --keys .run/keys \
  --db-url "jdbc:postgresql://127.0.0.1:5432/$db" --recreate-database --port-offset "$offset" --instances 2 \
  --max-heap 1g --broker "artemis://127.0.0.1:$broker_port" --broker-user switchboard --broker-password "$broker_password" \
  9>&- > "$raw/provision.log"
export GITHUB_WEBHOOK_SECRET="$secret"
"$asadmin" start-domain "$domain" 9>&- > /dev/null
"$asadmin" --port "$admin_port" start-deployment-group switchboard 9>&- > /dev/null
"$asadmin" --port "$admin_port" deploy --target switchboard --name switchboard ear/target/switchboard.ear 9>&- > /dev/null
for i in 1 2; do
  for _ in $(seq 120); do curl -fsS "http://127.0.0.1:$((8080 + offset + 100 * i))/health/ready" 2>/dev/null \
    | grep -q '"name":"database","status":"UP"' && break; sleep 1; done
done

say "warm-up"
load warm-up --url "$(url 1),$(url 2)" --rate 200 --duration 20 > /dev/null 2>&1
drain > /dev/null

say "one instance takes the requests"
measured_load one-instance --url "$(url 1)" --rate "$rate" --duration "$seconds"
drain > "$raw/one-instance.drain-s"
say "both instances take the requests"
measured_load two-instances --url "$(url 1),$(url 2)" --rate "$rate" --duration "$seconds"
drain > "$raw/two-instances.drain-s"
psql_db -c "select status || '=' || count(*) from webhook_delivery where delivery_id like 'bench-%' group by status order by 1" \
  | paste -sd' ' > "$raw/statuses"
cleanup
broker_pid=""
flock -u 9

python3 - "$raw" "bench/results/$stamp-cluster.md" "$rate" "$seconds" "$connections" <<'PY'
import json, sys, pathlib
raw, out, rate, seconds, connections = pathlib.Path(sys.argv[1]), sys.argv[2], *sys.argv[3:]
runs = {name: json.loads((raw / f"{name}.json").read_text()) for name in ("one-instance", "two-instances")}
drains = {name: int((raw / f"{name}.drain-s").read_text()) for name in runs}
one, two = runs["one-instance"], runs["two-instances"]
lines = [f"# Intake on one and two Payara instances ({raw.name.removeprefix('raw-')})", "",
         f"A deployment group of two instances (bench/cluster.sh), PostgreSQL and an Artemis broker on the same 2-core "
         f"machine as the load generator; open model at {rate}/s for {seconds} s over {connections} connections.", "",
         "| run | 2xx/s | p50 ms | p99 ms | errors | not sent | queue drained after (s) |", "|---|---|---|---|---|---|---|"]
for name, r in runs.items():
    lines.append(f"| {name} | {r['okPerS']:.0f} | {r['latencyMs']['p50']:.1f} | {r['latencyMs']['p99']:.1f} | "
                 f"{r['errors']} | {r['notSent']} | {drains[name]} |")
cpu = {name: dict(line.split() for line in (raw / f"{name}.cpu").read_text().splitlines()) for name in runs}
parts = list(cpu["one-instance"])
lines += ["", "Cores used on average during each run (of 2; `machine` is all of them, the generator included):", "",
          "| run | " + " | ".join(parts) + " |", "|---" * (len(parts) + 1) + "|"]
for name in runs:
    lines.append(f"| {name} | " + " | ".join(cpu[name][p] for p in parts) + " |")
lines += ["", f"Scaling ratio (two instances / one): **{two['okPerS'] / one['okPerS']:.2f}**", "",
          f"Final statuses: {(raw / 'statuses').read_text().strip()}", ""]
pathlib.Path(out).write_text("\n".join(lines))
print(out)
PY
say "results: bench/results/$stamp-cluster.md"
