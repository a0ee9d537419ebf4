#!/usr/bin/env bash
# Switchboard on Payara Server 6.
#
#   ./run.sh          build if needed, provision Payara, deploy, follow the log; Ctrl-C stops the server
#   ./run.sh start    the same, but returns once the application is deployed (for scripts)
#   ./run.sh stop     stops the server
#   ./run.sh token    prints an admin bearer token (valid 1 hour) for the embedded default
#                     (the console at /console/ signs in with the same key: its dev sign-in)
#   ./run.sh status   says whether the server is running
#
# Embedded default: Payara's H2 database and its embedded OpenMQ broker. With DB_URL (+ DB_USER,
# DB_PASSWORD) it uses that PostgreSQL database instead. LOG_FORMAT=json writes server.log as one JSON
# object per line (Payara's JSON formatter). Webhook secrets and every other setting come
# from the environment under the names in README.md. Payara and its data live in .run/ (git-ignored);
# the admin token key pair in $SWITCHBOARD_KEYS (default ~/.config/switchboard/keys), outside the repo.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
run_dir="$root/.run"
payara_version="$(sed -n 's:.*<payara.version>\(.*\)</payara.version>.*:\1:p' "$root/pom.xml")"
payara_home="$run_dir/payara6"
domain="switchboard"
asadmin="$payara_home/bin/asadmin"
keys="${SWITCHBOARD_KEYS:-${XDG_CONFIG_HOME:-$HOME/.config}/switchboard/keys}"
ear="$root/ear/target/switchboard.ear"
log="$payara_home/glassfish/domains/$domain/logs/server.log"
http_address="${BIND_ADDRESS:-127.0.0.1}"

say() { printf 'run.sh: %s\n' "$*"; }

build_if_needed() {
  if [[ -f "$ear" ]] && [[ -z "$(find "$root" -path "$root/.run" -prune -o -path '*/target' -prune -o \
        \( -name pom.xml -o -path '*/src/main/*' \) -type f -newer "$ear" -print -quit)" ]]; then
    return
  fi
  say "building the EAR (mvn package, tests skipped)"
  (cd "$root" && mvn -q -B -DskipTests package)
}

install_payara_if_needed() {
  [[ -x "$asadmin" ]] && return
  say "downloading Payara Server $payara_version from Maven Central (once)"
  mkdir -p "$run_dir"
  (cd "$root" && mvn -q -B dependency:unpack \
      -Dartifact="fish.payara.distributions:payara:$payara_version:zip" -DoutputDirectory="$run_dir")
}

# Re-provisions the domain when the database settings or the set-up script change; the H2 data is kept.
provision_if_needed() {
  local fingerprint
  fingerprint="$(printf '%s|%s|%s|%s|%s|%s' "${DB_URL:-h2}" "${DB_USER:-}" "${DB_PASSWORD:-}" "$http_address" \
      "${LOG_FORMAT:-text}" \
      "$(cat "$root/config/src/main/payara/provision.sh")" | sha256sum | cut -d' ' -f1)"
  if [[ -f "$run_dir/provisioned" && "$(cat "$run_dir/provisioned")" == "$fingerprint" ]]; then
    return
  fi
  # the console's dev sign-in mints tokens with the embedded default's own key: on here, and only here
  local args=(--payara-home "$payara_home" --domain "$domain" --keys "$keys" --http-address "$http_address"
    --log-format "${LOG_FORMAT:-text}"
    --config-property "console.dev.signin.key=$keys/jwt-private.pem")
  if [[ -n "${DB_URL:-}" ]]; then
    args+=(--db-url "$DB_URL" --db-user "${DB_USER:-postgres}" --db-password "${DB_PASSWORD:-}")
  else
    mkdir -p "$run_dir/data"
    args+=(--h2-path "$run_dir/data/switchboard")
  fi
  bash "$root/config/src/main/payara/provision.sh" "${args[@]}"
  echo "$fingerprint" > "$run_dir/provisioned"
}

# The embedded default needs a token encryption key: generated once, kept with the token signing keys.
token_encryption_keys() {
  if [[ -z "${TOKEN_ENCRYPTION_KEYS:-}" ]]; then
    bash "$root/config/src/main/payara/jwt-keys.sh" "$keys"
    if [[ ! -f "$keys/token-encryption-keys" ]]; then
      (umask 077 && printf 'k1:%s\n' "$(openssl rand -base64 32)" > "$keys/token-encryption-keys")
    fi
    TOKEN_ENCRYPTION_KEYS="$(cat "$keys/token-encryption-keys")"
    export TOKEN_ENCRYPTION_KEYS
  fi
}

running() {
  [[ -x "$asadmin" ]] && "$asadmin" list-domains 2>/dev/null | grep -q "^$domain running"
}

start() {
  build_if_needed
  install_payara_if_needed
  provision_if_needed
  if running; then
    say "server already running; redeploying"
  else
    token_encryption_keys
    say "starting Payara Server (domain $domain)"
    "$asadmin" start-domain "$domain" >/dev/null
  fi
  say "deploying $ear"
  "$asadmin" deploy --force=true --name switchboard "$ear" >/dev/null
  local host="localhost"
  [[ "$http_address" != "127.0.0.1" && "$http_address" != "0.0.0.0" ]] && host="$http_address"
  cat <<EOF

Switchboard is up at http://$host:8080
  console     http://$host:8080/console/   (dev sign-in: any user name)
  webhooks    http://$host:8080/api/webhooks/github
              http://$host:8080/api/webhooks/gitlab
              http://$host:8080/api/webhooks/jira
              http://$host:8080/api/webhooks/slack/events
              http://$host:8080/api/webhooks/slack/interactions
              http://$host:8080/api/webhooks/stripe
  admin API   http://$host:8080/api/admin/deliveries   (bearer token: ./run.sh token)
  health      http://$host:8080/health/ready
  metrics     http://$host:8080/metrics
  Payara      http://localhost:4848 (admin console)    log: $log

EOF
}

stop() {
  if running; then
    say "stopping Payara Server"
    "$asadmin" stop-domain "$domain" >/dev/null
  else
    say "server is not running"
  fi
}

b64url() { openssl base64 -e -A | tr '+/' '-_' | tr -d '='; }

token() {
  [[ -f "$keys/jwt-private.pem" ]] || bash "$root/config/src/main/payara/jwt-keys.sh" "$keys"
  local now header claims
  now="$(date +%s)"
  header='{"alg":"RS256","typ":"JWT"}'
  claims="$(printf '{"iss":"switchboard-dev","sub":"admin","upn":"admin","groups":["admin"],"iat":%d,"exp":%d,"jti":"%s"}' \
      "$now" "$((now + 3600))" "$(cat /proc/sys/kernel/random/uuid)")"
  local unsigned
  unsigned="$(printf '%s' "$header" | b64url).$(printf '%s' "$claims" | b64url)"
  printf '%s.%s\n' "$unsigned" "$(printf '%s' "$unsigned" | openssl dgst -sha256 -sign "$keys/jwt-private.pem" -binary | b64url)"
}

case "${1:-run}" in
  run)
    start
    say "following the server log; Ctrl-C stops the server"
    tail -n 0 -F "$log" &
    tail_pid=$!
    trap 'kill "$tail_pid" 2>/dev/null; echo; stop; exit 0' INT TERM
    wait "$tail_pid"
    ;;
  start) start ;;
  stop) stop ;;
  token) token ;;
  status) if running; then say "running"; else say "stopped"; exit 1; fi ;;
  *) echo "usage: ./run.sh [run|start|stop|token|status]" >&2; exit 2 ;;
esac
