#!/usr/bin/env bash
# Creates (or re-creates) a Payara Server 6 domain configured for Switchboard:
# loopback-only listeners, sized thread and JDBC pools, the jdbc/switchboard datasource
# (embedded H2 by default, PostgreSQL with --db-url), the JMS queue, MicroProfile JWT keys,
# health and metrics. Used by run.sh and by the integration tests, so both run the same server.
# With --broker artemis://host:port the server's JMS is an external ActiveMQ Artemis broker instead of the
# embedded OpenMQ one (Artemis's resource adapter, see "External broker" below and docs/deployment.md).
# With --instances N (and an external broker) the domain's DAS runs no application: N instances on this host form the
# deployment group "switchboard", sharing one configuration, the database and the broker (see "Deployment group").
set -euo pipefail

payara_home="" domain="switchboard" keys="" db_url="" db_user="${DB_USER:-postgres}" db_password="${DB_PASSWORD:-}"
recreate_db=false config_cache="" h2_path="" http_address=127.0.0.1 max_heap="" log_format=text
config_properties=()
port_offset=0 broker="" broker_user="" broker_password="" artemis_rar="" instances=0 db_pool_size=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --payara-home) payara_home="$2"; shift 2 ;;
    --domain) domain="$2"; shift 2 ;;
    --keys) keys="$2"; shift 2 ;;
    --db-url) db_url="$2"; shift 2 ;;
    --db-user) db_user="$2"; shift 2 ;;
    --db-password) db_password="$2"; shift 2 ;;
    --recreate-database) recreate_db=true; shift ;;
    --config-cache-seconds) config_cache="$2"; shift 2 ;;
    --h2-path) h2_path="$2"; shift 2 ;;
    --http-address) http_address="$2"; shift 2 ;;
    --config-property) config_properties+=("$2"); shift 2 ;;
    --max-heap) max_heap="$2"; shift 2 ;;
    --log-format) log_format="$2"; shift 2 ;;
    --port-offset) port_offset="$2"; shift 2 ;;
    --broker) broker="$2"; shift 2 ;;
    --broker-user) broker_user="$2"; shift 2 ;;
    --broker-password) broker_password="$2"; shift 2 ;;
    --artemis-rar) artemis_rar="$2"; shift 2 ;;
    --instances) instances="$2"; shift 2 ;;
    --db-pool-size) db_pool_size="$2"; shift 2 ;;
    *) echo "provision.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
[[ -d "$payara_home/glassfish" ]] || { echo "provision.sh: no Payara at --payara-home '$payara_home'" >&2; exit 2; }
# absolute: the instances' node records it as its install folder
payara_home="$(cd "$payara_home" && pwd)"
[[ -n "$keys" ]] || { echo "provision.sh: --keys <folder> is required" >&2; exit 2; }
[[ "$log_format" == text || "$log_format" == json ]] || { echo "provision.sh: --log-format is text or json" >&2; exit 2; }
[[ "$port_offset" =~ ^[0-9]+$ ]] || { echo "provision.sh: --port-offset is a number" >&2; exit 2; }
[[ -z "$broker" || "$broker" =~ ^artemis://[^:/]+:[0-9]+$ ]] \
  || { echo "provision.sh: --broker is artemis://host:port" >&2; exit 2; }
[[ "$instances" =~ ^[0-9]+$ ]] || { echo "provision.sh: --instances is a number" >&2; exit 2; }
# each instance's embedded OpenMQ would hold its own queues: instances share an external broker
(( instances == 0 )) || [[ -n "$broker" ]] || { echo "provision.sh: --instances needs --broker" >&2; exit 2; }
# Connections per server. Every instance has its own pool, and PostgreSQL refuses connections beyond max_connections
# (100 by default): a group's instances share 90 of them by default (two instances with 64 each ran out under load).
# Raise max_connections and --db-pool-size together.
if [[ -z "$db_pool_size" ]]; then
  db_pool_size=64
  (( instances > 0 )) && db_pool_size=$(( 90 / instances < 64 ? 90 / instances : 64 ))
fi
[[ "$db_pool_size" =~ ^[0-9]+$ ]] && (( db_pool_size >= 34 )) \
  || { echo "provision.sh: --db-pool-size is at least 34 (more than the 30 message-driven beans of an Artemis set-up, and intake)" >&2; exit 2; }

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
asadmin="$payara_home/bin/asadmin"
domains="$payara_home/glassfish/domains"
domain_dir="$domains/$domain"

# The admin token signing key pair (MicroProfile JWT). Generated once, kept outside the repository.
"$here/jwt-keys.sh" "$keys"

if $recreate_db && [[ "$db_url" == jdbc:postgresql://* ]]; then
  hostport_db="${db_url#jdbc:postgresql://}"; hostport_db="${hostport_db%%\?*}"
  db_name="${hostport_db#*/}"; hostport="${hostport_db%%/*}"
  db_host="${hostport%%:*}"; db_port="${hostport##*:}"; [[ "$db_port" == "$hostport" ]] && db_port=5432
  echo "provision.sh: fresh database $db_name on $db_host:$db_port"
  PGPASSWORD="$db_password" psql -q -h "$db_host" -p "$db_port" -U "$db_user" -d postgres \
    -c "DROP DATABASE IF EXISTS \"$db_name\" WITH (FORCE)" -c "CREATE DATABASE \"$db_name\""
fi

# A fresh domain every time: copying the pristine domain1 is faster and surer than undoing old settings.
"$asadmin" stop-domain "$domain" >/dev/null 2>&1 || true
# an earlier provisioning's instances (--instances) live inside the domain's folder; stop any still running
for pid_file in "$domain_dir"/nodes/*/*/config/pid; do
  [[ -f "$pid_file" ]] && kill -9 "$(cat "$pid_file")" 2>/dev/null || true
done
rm -rf "$domain_dir"
cp -r "$domains/domain1" "$domain_dir"
rm -rf "$domain_dir/osgi-cache" "$domain_dir/generated" "$domain_dir/applications"/* 2>/dev/null || true
# Another domain next to a running one (e.g. a second test server): every listener moved by the offset. domain1's
# server-config holds the ports as literals (default-config uses variables), so they are edited before the first start.
admin_port=$((4848 + port_offset))
if (( port_offset > 0 )); then
  shift_port() { sed -i -E "s/$1\"$2\"/$1\"$(($2 + port_offset))\"/" "$domain_dir/config/domain.xml"; }
  for port in 8080 8181 4848 3700 3820 3920 8686; do shift_port ' port=' "$port"; done
  shift_port 'name="JMS_PROVIDER_PORT" value=' 7676
  shift_port ' das-port=' 4900
  shift_port ' start-port=' 5900
fi

# asadmin treats ':' and '=' as separators inside --property values; multimode strips one level of '\\'
esc() { sed -e 's/:/\\\\:/g' -e 's/=/\\\\=/g' <<<"$1"; }

if [[ -n "$db_url" ]]; then
  driver_jar="$(ls "$here"/../../../../target/drivers/postgresql-*.jar 2>/dev/null | head -1 || true)"
  [[ -n "$driver_jar" ]] || driver_jar="$(find "${MAVEN_REPO:-$HOME/.m2/repository}/org/postgresql/postgresql" -name 'postgresql-42.*.jar' | sort -V | tail -1)"
  [[ -f "$driver_jar" ]] || { echo "provision.sh: PostgreSQL driver jar not found (run mvn package first)" >&2; exit 2; }
  cp "$driver_jar" "$domain_dir/lib/"
  pool="--datasourceclassname org.postgresql.ds.PGSimpleDataSource --restype javax.sql.DataSource"
  pool="$pool --isconnectvalidatereq=true --validationmethod custom-validation --validationclassname org.glassfish.api.jdbc.validation.PostgresConnectionValidation"
  props="url=$(esc "$db_url"):user=$(esc "$db_user")"
  # Payara refuses a pool with a user and no password; "()" is asadmin's empty value (trust auth)
  props="$props:password=$([[ -n "$db_password" ]] && esc "$db_password" || echo "()")"
else
  pool="--datasourceclassname org.h2.jdbcx.JdbcDataSource --restype javax.sql.DataSource"
  pool="$pool --isconnectvalidatereq=true --validationmethod auto-commit"
  # the data lives outside the domain, so that re-provisioning keeps it
  [[ -n "$h2_path" ]] || h2_path="$domain_dir/lib/databases/switchboard"
  props="url=$(esc "jdbc:h2:$h2_path")"
fi

cmds="$(mktemp)"
secrets="$(mktemp)"
chmod 600 "$secrets"
trap 'rm -f "$cmds" "$secrets"' EXIT
# Where the application runs: the DAS itself (server-config), or the deployment group's instances, which share one
# configuration copied from default-config (its ports are variables each instance sets through --portbase).
cfg=server-config group=""
if (( instances > 0 )); then
  cfg=switchboard-config group=switchboard
  {
    # the instances' own node, kept in the domain's folder: domain1's node would be shared by every domain copied from it
    echo "create-node-config --nodehost localhost --installdir $payara_home --nodedir $domain_dir/nodes localhost-$domain"
    echo "copy-config default-config $cfg"
    echo "create-deployment-group $group"
    for ((i = 1; i <= instances; i++)); do
      echo "create-instance --node localhost-$domain --config $cfg --portbase $((8000 + port_offset + 100 * i)) $domain-$i"
      echo "add-instance-to-deployment-group --instance $domain-$i --deploymentgroup $group"
    done
    # non-persistent timers only, but the timer service still starts: the instances have no timer database (the DAS's
    # H2 table is not theirs), so it keeps its state in the domain data grid
    echo "set configs.config.$cfg.ejb-container.ejb-timer-service.ejb-timer-service=DataGrid"
  } >> "$cmds"
fi
# a resource the application uses: created at the domain, referenced by the DAS (the default) or the group
resource() {
  echo "$@"
  [[ -z "$group" ]] || echo "create-resource-ref --target $group ${*: -1}"
}
listen_on_loopback() {
  cat <<CMDS
set configs.config.$1.network-config.network-listeners.network-listener.http-listener-1.address=$2
set configs.config.$1.network-config.network-listeners.network-listener.http-listener-2.address=127.0.0.1
set configs.config.$1.network-config.network-listeners.network-listener.admin-listener.address=127.0.0.1
set configs.config.$1.iiop-service.iiop-listener.orb-listener-1.address=127.0.0.1
set configs.config.$1.iiop-service.iiop-listener.SSL.address=127.0.0.1
set configs.config.$1.iiop-service.iiop-listener.SSL_MUTUALAUTH.address=127.0.0.1
set configs.config.$1.jms-service.jms-host.default_JMS_host.host=127.0.0.1
CMDS
}
if [[ -n "$group" ]]; then
  listen_on_loopback server-config 127.0.0.1 >> "$cmds"
fi
listen_on_loopback "$cfg" "$http_address" >> "$cmds"
cat >> "$cmds" <<CMDS
set-hazelcast-configuration --interfaces=127.0.0.1 --dynamic=false
create-jvm-options --target $cfg -Dhazelcast.socket.bind.any=false
set configs.config.$cfg.thread-pools.thread-pool.http-thread-pool.max-thread-pool-size=64
set configs.config.$cfg.thread-pools.thread-pool.http-thread-pool.min-thread-pool-size=8
set configs.config.$cfg.security-service.activate-default-principal-to-role-mapping=true
create-jvm-options --target $cfg -Dsun.net.http.retryPost=false
create-jvm-options --target $cfg -Dhibernate.transaction.jta.platform=org.hibernate.engine.transaction.jta.platform.internal.SunOneJtaPlatform
# Message-driven beans hold a connection and open REQUIRES_NEW transactions that need a second one: with Payara's
# default of 32 instances per MDB, two queues' backlog (e.g. after a restart) took all 64 connections and every bean
# waited for a second one until max-wait expired. With 8 per MDB at most 16 hold a first connection: the pool has
# connections left for their second ones and for intake.
set configs.config.$cfg.mdb-container.max-pool-size=8
# Intake inserts first and lets the unique key answer a redelivery: Hibernate would log each such expected duplicate
# as a WARN and an ERROR line. Real SQL failures still reach the log through the exception the caller gets.
set-log-levels --target $cfg org.hibernate.engine.jdbc.spi.SqlExceptionHelper=OFF
create-jdbc-connection-pool $pool --steadypoolsize 8 --maxpoolsize $db_pool_size --property $props SwitchboardPool
$(resource create-jdbc-resource --connectionpoolid SwitchboardPool jdbc/switchboard)
set-microprofile-healthcheck-configuration --target $cfg --enabled=true --securityenabled=false
set-metrics-configuration --target $cfg --enabled=true --securityenabled=false
CMDS
if [[ -z "$broker" ]]; then
  cat >> "$cmds" <<CMDS
$(resource create-jms-resource --restype jakarta.jms.Queue --property Name=SwitchboardDeliveries jms/switchboard/Deliveries)
$(resource create-jms-resource --restype jakarta.jms.Queue --property Name=SwitchboardCallbacks jms/switchboard/Callbacks)
CMDS
else
  # External broker: Artemis's resource adapter (the config/artemis-ra module's .rar) replaces OpenMQ for the
  # application without a change to it. Its connection pool backs jms/__defaultConnectionFactory (what
  # java:comp/DefaultJMSConnectionFactory and an injected JMSContext use; Payara creates that resource on OpenMQ at the
  # first start, so it is pointed at the Artemis pool rather than created), the queues are its admin objects under
  # the names the message-driven beans look up, and every message-driven bean that names no adapter is activated
  # by it (GlassFish's system property for the default inbound adapter; otherwise they would go to OpenMQ's jmsra).
  if [[ -z "$artemis_rar" ]]; then
    artemis_rar="$(ls "$here"/../../../artemis-ra/target/artemis-ra.rar 2>/dev/null | head -1 || true)"
    [[ -n "$artemis_rar" ]] || artemis_rar="$(find "${MAVEN_REPO:-$HOME/.m2/repository}/dev/switchboard/switchboard-artemis-ra" \
      -name 'switchboard-artemis-ra-*.rar' 2>/dev/null | sort -V | tail -1 || true)"
  fi
  [[ -f "$artemis_rar" ]] || { echo "provision.sh: the Artemis resource adapter (.rar) was not found: build config/artemis-ra or pass --artemis-rar" >&2; exit 2; }
  [[ -n "$broker_user" && -n "$broker_password" ]] || { echo "provision.sh: --broker needs --broker-user and --broker-password" >&2; exit 2; }
  hostport="${broker#artemis://}"
  ra_props="ConnectionParameters=$(esc "host=${hostport%%:*};port=${hostport##*:}"):UserName=$(esc "$broker_user")"
  # the password lives in the domain's alias store (encrypted with its master password), domain.xml only names it
  ra_props="$ra_props:Password=$(esc '${ALIAS=switchboard-broker-password}')"
  printf 'AS_ADMIN_ALIASPASSWORD=%s\n' "$broker_password" > "$secrets"
  pool_props="$ra_props"
  # A connection that lost the broker keeps reconnecting (the adapter's default) and a blocking call waits for that
  # at most 5 s instead of for ever: the readiness check hung for a minute after a kill -9 of the broker without
  # CallFailoverTimeout. (ReconnectAttempts=0 instead left the outbox's sends to a restarted broker lost.)
  ra_props="$ra_props:CallTimeout=5000:CallFailoverTimeout=5000"
  # the adapter's own UserName/Password reach only the message-driven beans; the outbound pool signs in with the
  # pool's UserName/Password properties (Payara's default resource principal), so both get them
  cat >> "$cmds" <<CMDS
create-password-alias switchboard-broker-password
create-resource-adapter-config --property $ra_props artemis-ra
deploy --type rar --target ${group:-server} --name artemis-ra $artemis_rar
create-connector-connection-pool --raname artemis-ra --connectiondefinition org.apache.activemq.artemis.ra.ActiveMQRAConnectionFactory --transactionsupport XATransaction --steadypoolsize 2 --maxpoolsize 64 --isconnectvalidatereq=false --failconnection=true --property $pool_props ArtemisPool
set resources.connector-resource.jms/__defaultConnectionFactory.pool-name=ArtemisPool
$(resource create-admin-object --raname artemis-ra --restype jakarta.jms.Queue --property Address=SwitchboardDeliveries jms/switchboard/Deliveries)
$(resource create-admin-object --raname artemis-ra --restype jakarta.jms.Queue --property Address=SwitchboardCallbacks jms/switchboard/Callbacks)
create-jvm-options --target $cfg -Dcom.sun.enterprise.connectors.inbound.ramid=artemis-ra
# Artemis opens 15 sessions per message-driven bean (its activation spec's maxSession default, which neither the
# adapter's config nor a default in its ra.xml changes) and each takes a bean from the pool at once: with 8 the ninth is
# refused ("Message Bean Resources exceeded") and the activation fails. Two beans x 15 = 30 stay below the 45 or 64
# connections: a bean waiting for its second connection always finds one freed by another.
set configs.config.$cfg.mdb-container.max-pool-size=15
CMDS
fi
# The integration tests deploy the EAR once per test class into one server: each redeploy leaves some
# memory behind, so they ask for more than the 512 MB a production domain starts with
if [[ -n "$max_heap" ]]; then
  printf '%s\n' "delete-jvm-options --target $cfg -Xmx512m" "create-jvm-options --target $cfg -Xmx$max_heap" >> "$cmds"
fi
# One JSON object per line in server.log (Payara's own JSON formatter) for log shippers; text is Payara's ULF
if [[ "$log_format" == json ]]; then
  echo "set-log-file-format --target $cfg fish.payara.enterprise.server.logging.JSONLogFormatter" >> "$cmds"
fi
# MicroProfile Config values are cached for 60 s by default; tests that switch settings want them at once
[[ -n "$config_cache" ]] && echo "set-config-cache --target $cfg --duration=$config_cache" >> "$cmds"
# The embedded default's token issuer, at the domain level: KEYCLOAK_SERVER_URL + KEYCLOAK_REALM_NAME or
# MP_JWT_VERIFY_* in the environment take precedence (see KeycloakConfigSource).
config_properties=("mp.jwt.verify.publickey.location=file:$keys/jwt-public.pem" "mp.jwt.verify.issuer=switchboard-dev"
  "${config_properties[@]}")
# domain-level MicroProfile Config values (name=value): below environment variables, above the defaults
for property in "${config_properties[@]}"; do
  echo "set-config-property --source=domain --propertyName=${property%%=*} --propertyValue=${property#*=}" >> "$cmds"
done

echo "provision.sh: configuring domain $domain (this starts and stops it once)"
"$asadmin" start-domain "$domain" >/dev/null
out="$("$asadmin" --port "$admin_port" --interactive=false --passwordfile "$secrets" multimode --file "$cmds" 2>&1)" || true
if grep -qiE "Command .* failed|remote failure" <<<"$out"; then
  echo "$out" >&2
  "$asadmin" stop-domain "$domain" >/dev/null || true
  echo "provision.sh: configuring domain $domain failed" >&2
  exit 1
fi
"$asadmin" stop-domain "$domain" >/dev/null
echo "provision.sh: domain $domain ready at $domain_dir"
if [[ -n "$group" ]]; then
  echo "provision.sh: deployment group $group: instances $(for ((i = 1; i <= instances; i++)); do
    printf '%s (http %s) ' "$domain-$i" $((8080 + port_offset + 100 * i)); done)"
  echo "provision.sh: start it with: asadmin start-domain $domain && asadmin --port $admin_port start-deployment-group $group"
  echo "provision.sh: deploy with: asadmin --port $admin_port deploy --target $group --name switchboard ear/target/switchboard.ear"
fi
