#!/usr/bin/env bash
# Rundbrief instances on one server, each with its own HTTP port. Separate instances have their
# own data folder or PostgreSQL database, realm, mail session and settings, share nothing but the
# installed binaries (Payara Micro, the WAR, the PostgreSQL driver) and never form a cluster.
# Members of a cluster (--cluster) share one PostgreSQL database and Payara's data grid.
set -euo pipefail

usage() {
  cat <<'TXT'
Usage: server-config/instances.sh [--home DIR] COMMAND [NAME...] [options]

Commands:
  create NAME --port N [options]   set up a new instance (nothing is started)
  start [NAME...]                  start instances one after another, each waited for until it is
                                   ready (default: every instance)
  stop [NAME...]                   stop instances by their recorded PID (default: every instance)
  list                             every instance: port, state, PID, resident memory, database
  remove NAME --delete-data        remove a stopped instance with its data folder

Options of create (each instance keeps its own; see README "Separate instances on one server"):
  --port N                 HTTP port (required, unique among the instances)
  --db-url URL             PostgreSQL JDBC URL of the instance's own database (default: an
                           embedded H2 database in the instance's folder, with demo data)
  --db-user USER           application role (default rundbrief_app)
  --db-password PW         its password
  --db-schema-user USER    schema owner for migrations (default rundbrief_owner)
  --db-schema-password PW  its password
  --demo-data              load the demo tenants into an empty PostgreSQL database too
  --realm FILE             asadmin commands creating the realm "rundbrief" (copied into the
                           instance; default: a file realm, with the demo staff if demo data)
  --public-url URL         address the public reaches this instance at (default http://localhost:PORT)
  --smtp-host HOST         mail server of the instance's mail session (default localhost)
  --smtp-port N            its port (default 25)
  --mail-from ADDRESS      sender of the mail session (required)
  --heap SIZE              maximum Java heap (default 192m)
  --java-options "..."     further JVM options, replacing the small-footprint defaults
  --system-property K=V    a further system property (see README "Configuration for IT");
                           may be given several times

Options of create for a member of a cluster (see README "A cluster of instances"):
  --cluster NAME           the cluster it belongs to: instances with the same cluster name share
                           one PostgreSQL database (--db-url required) and Payara's data grid
  --cluster-port N         its port in the data grid (required with --cluster; open it between
                           the members)
  --cluster-host ADDRESS   the IP address of this server that the other members reach it at
                           (default 127.0.0.1: every member on this server)
  --cluster-members LIST   members on other servers, host:port,... (the members in this home
                           with the same cluster name are found by themselves)

Instances live in --home DIR (env RUNDBRIEF_INSTANCES, default ./instances), one folder each.
The binaries come from RUNDBRIEF_WAR, RUNDBRIEF_MICRO and RUNDBRIEF_POSTGRESQL_JAR (default:
web/target/rundbrief.war, web/target/runtime/payara-micro.jar and postgresql.jar, which
"./mvnw package" builds). START_TIMEOUT (seconds, default 180) bounds the wait for readiness.
TXT
}

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
SERVER_CONFIG=$here
HOME_DIR=${RUNDBRIEF_INSTANCES:-./instances}
WAR=${RUNDBRIEF_WAR:-$root/web/target/rundbrief.war}
MICRO=${RUNDBRIEF_MICRO:-$root/web/target/runtime/payara-micro.jar}
PGJAR=${RUNDBRIEF_POSTGRESQL_JAR:-$root/web/target/runtime/postgresql.jar}
START_TIMEOUT=${START_TIMEOUT:-180}
# Small footprint: a fixed small heap, the serial collector (no collector threads), the client
# compiler only, small thread stacks. Measured in docs/benchmarks.md.
DEFAULT_JAVA_OPTIONS="-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -XX:MaxMetaspaceSize=256m"

. "$here/asadmin-templates.sh"
. "$here/micro/configure.sh"

die() { echo "$*" >&2; exit 2; }

# Instance folders: NAME/instance.conf, NAME/data (H2 database, realm, Payara's folder),
# NAME/server.log, NAME/server.pid.
dir_of() { printf '%s/%s' "$HOME_DIR" "$1"; }
exists() { [ -f "$(dir_of "$1")/instance.conf" ]; }
all_names() {
  local conf
  for conf in "$HOME_DIR"/*/instance.conf; do
    [ -f "$conf" ] && basename "$(dirname "$conf")"
  done
  return 0
}
names_or_all() { if [ $# -gt 0 ]; then printf '%s\n' "$@"; else all_names; fi; }

# Reads an instance's configuration into the variables configure_micro uses.
load() {
  local name=$1
  exists "$name" || die "No instance named $name in $HOME_DIR"
  PORT= DB_URL= DB_USER=rundbrief_app DB_PASSWORD= SCHEMA_USER=rundbrief_owner SCHEMA_PASSWORD=
  DEMO= REALM= PUBLIC_URL= SMTP_HOST=localhost SMTP_PORT=25 MAIL_FROM= HEAP=192m
  JAVA_OPTIONS=$DEFAULT_JAVA_OPTIONS SYSTEM_PROPERTIES=
  CLUSTER= CLUSTER_PORT= CLUSTER_HOST=127.0.0.1 CLUSTER_MEMBERS= INSTANCE_NAME=$name
  # shellcheck disable=SC1090
  . "$(dir_of "$name")/instance.conf"
  DATA=$(cd "$(dir_of "$name")" && pwd)/data
}

# The data grid's member list of a cluster: host:port of every instance in this home with that
# cluster name, then the members on other servers that these instances name.
cluster_members() {
  local cluster=$1 other
  for other in $(all_names); do
    (
      load "$other"
      if [ "$CLUSTER" = "$cluster" ]; then
        echo "$CLUSTER_HOST:$CLUSTER_PORT"
        [ -z "$CLUSTER_MEMBERS" ] || tr ',' '\n' <<< "$CLUSTER_MEMBERS"
      fi
    )
  done | awk '!seen[$0]++' | paste -sd, -
}

# The PID of a running instance, or nothing. A recorded PID counts only while that process is
# this instance's Payara Micro (PIDs are reused after a process ends).
running_pid() {
  local pidfile pid
  pidfile=$(dir_of "$1")/server.pid
  [ -f "$pidfile" ] || return 0
  pid=$(cat "$pidfile")
  if [ -r "/proc/$pid/cmdline" ] \
      && tr '\0' ' ' < "/proc/$pid/cmdline" | grep -qF -- "$(cd "$(dir_of "$1")" && pwd)/data/micro/"; then
    echo "$pid"
  fi
}

# The readiness answer: 200 and the application's own database check, so that a server without
# the application deployed (its health answer is empty and UP) does not count as ready.
ready() {
  local body
  body=$(curl -s --max-time 5 -w '\n%{http_code}' "http://localhost:$1/health/ready" 2>/dev/null) \
    || return 1
  [ "${body##*$'\n'}" = 200 ] && grep -q '"name":"database","status":"UP"' <<< "$body"
}

cmd_create() {
  local name=${1:-}
  [ -n "$name" ] || die "create: NAME is missing"
  shift
  [[ $name =~ ^[a-z0-9][a-z0-9-]{0,39}$ ]] \
    || die "create: the name must be lower-case letters, digits and dashes (at most 40)"
  exists "$name" && die "create: an instance named $name exists already"
  local port= db_url= db_user=rundbrief_app db_password= schema_user=rundbrief_owner
  local schema_password= demo= realm= public_url= smtp_host=localhost smtp_port=25 mail_from=
  local heap=192m java_options=$DEFAULT_JAVA_OPTIONS system_properties=
  local cluster= cluster_port= cluster_host=127.0.0.1 cluster_members=
  while [ $# -gt 0 ]; do
    case "$1" in
      --port) port=$2; shift 2 ;;
      --db-url) db_url=$2; shift 2 ;;
      --db-user) db_user=$2; shift 2 ;;
      --db-password) db_password=$2; shift 2 ;;
      --db-schema-user) schema_user=$2; shift 2 ;;
      --db-schema-password) schema_password=$2; shift 2 ;;
      --demo-data) demo=true; shift ;;
      --realm) realm=$2; shift 2 ;;
      --public-url) public_url=$2; shift 2 ;;
      --smtp-host) smtp_host=$2; shift 2 ;;
      --smtp-port) smtp_port=$2; shift 2 ;;
      --mail-from) mail_from=$2; shift 2 ;;
      --heap) heap=$2; shift 2 ;;
      --java-options) java_options=$2; shift 2 ;;
      --system-property)
        [[ $2 =~ ^[A-Za-z0-9_.-]+=[^$'\n']*$ ]] \
          || die "create: --system-property must look like key=value (one line)"
        system_properties+=${system_properties:+$'\n'}$2
        shift 2 ;;
      --cluster) cluster=$2; shift 2 ;;
      --cluster-port) cluster_port=$2; shift 2 ;;
      --cluster-host) cluster_host=$2; shift 2 ;;
      --cluster-members) cluster_members=$2; shift 2 ;;
      *) die "create: unknown option $1" ;;
    esac
  done
  [[ $port =~ ^[0-9]+$ ]] && [ "$port" -ge 1 ] && [ "$port" -le 65535 ] \
    || die "create: --port N is required (1-65535)"
  [[ $smtp_port =~ ^[0-9]+$ ]] || die "create: --smtp-port must be a number"
  [[ $heap =~ ^[0-9]+[mMgG]$ ]] || die "create: --heap must look like 192m or 1g"
  [ -n "$mail_from" ] || die "create: --mail-from ADDRESS is required"
  [ -z "$realm" ] || [ -f "$realm" ] || die "create: no such realm file: $realm"
  if [ -n "$cluster" ]; then
    [[ $cluster =~ ^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$ ]] \
      || die "create: the cluster name must be letters, digits, dashes and underscores (at most 40)"
    [ -n "$db_url" ] \
      || die "create: a member of a cluster needs --db-url (the cluster's PostgreSQL database)"
    [[ $cluster_port =~ ^[0-9]+$ ]] && [ "$cluster_port" -ge 1 ] && [ "$cluster_port" -le 65535 ] \
      || die "create: --cluster-port N is required with --cluster (1-65535)"
    [ "$cluster_port" != "$port" ] || die "create: --cluster-port and --port must differ"
    [[ $cluster_host =~ ^[0-9]{1,3}(\.[0-9]{1,3}){3}$ ]] \
      || die "create: --cluster-host must be an IPv4 address of this server"
    [[ -z $cluster_members || $cluster_members =~ ^[^,:]+:[0-9]+(,[^,:]+:[0-9]+)*$ ]] \
      || die "create: --cluster-members must look like host:port,host:port (no port ranges)"
  elif [ -n "$cluster_port$cluster_members" ]; then
    die "create: --cluster-port and --cluster-members belong to a member of a cluster (--cluster)"
  fi
  local other
  for other in $(all_names); do
    (load "$other"; [ "$PORT" != "$port" ]) || die "create: port $port is taken by instance $other"
    [ -z "$cluster_port" ] \
      || (load "$other"; [ "$PORT" != "$cluster_port" ] && [ "$CLUSTER_PORT" != "$cluster_port" ] \
        && [ "$CLUSTER_PORT" != "$port" ]) \
      || die "create: port $cluster_port or $port is taken by instance $other"
    [ -z "$cluster" ] \
      || (load "$other"; [ "$CLUSTER" != "$cluster" ] || [ "$DB_URL" = "$db_url" ]) \
      || die "create: the members of cluster $cluster share one database; $other uses another"
  done

  local dir
  dir=$(dir_of "$name")
  mkdir -p "$dir/data"
  chmod 700 "$dir"
  if [ -n "$realm" ]; then
    cp "$realm" "$dir/realm.asadmin"
    realm=$(cd "$dir" && pwd)/realm.asadmin
  fi
  {
    echo "# Rundbrief instance $name, made by server-config/instances.sh; read at every start."
    local var
    for var in port db_url db_user db_password schema_user schema_password demo realm \
        public_url smtp_host smtp_port mail_from heap java_options system_properties \
        cluster cluster_port cluster_host cluster_members; do
      printf '%s=%q\n' "$(tr 'a-z' 'A-Z' <<< "$var")" "${!var}"
    done
  } > "$dir/instance.conf"
  chmod 600 "$dir/instance.conf"
  echo "Created instance $name (port $port${cluster:+, cluster $cluster on $cluster_host:$cluster_port}) in $dir"
}

cmd_start() {
  [ -f "$WAR" ] && [ -f "$MICRO" ] || die "Missing $WAR or $MICRO (./mvnw package builds them)"
  local name failed=0
  for name in $(names_or_all "$@"); do
    if [ -n "$(running_pid "$name")" ]; then
      echo "$name: running already (PID $(running_pid "$name"))"
      continue
    fi
    start_one "$name" || failed=1
  done
  return "$failed"
}

start_one() {
  local name=$1 dir pid began waited body booted log
  (
    load "$name"
    dir=$(cd "$(dir_of "$name")" && pwd)
    if [ -n "$CLUSTER" ]; then
      CLUSTER_MEMBERS=$(cluster_members "$CLUSTER")
    fi
    configure_micro > /dev/null
    # shellcheck disable=SC2086
    setsid java -Xmx"$HEAP" $JAVA_OPTIONS -jar "$MICRO" "${MICRO_ARGS[@]}" \
      > "$dir/server.log" 2>&1 < /dev/null &
    echo $! > "$dir/server.pid"
  ) || return 1
  load "$name"
  pid=$(cat "$(dir_of "$name")/server.pid")
  log=$(dir_of "$name")/server.log
  began=$(date +%s)
  printf '%s: starting on port %s (PID %s) ' "$name" "$PORT" "$pid"
  local deployed=
  until ready "$PORT"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "- stopped before it was ready; the end of $log:"
      tail -n 20 "$log" >&2
      rm -f "$(dir_of "$name")/server.pid"
      return 1
    fi
    # Once the application answers, a check that stays down (the database or the mail server
    # cannot be reached) is reported after 30 s instead of waiting for the time-out.
    booted=$(grep -c 'Payara Micro .* ready in' "$log" || true)
    body=$(curl -s --max-time 5 "http://localhost:$PORT/health/ready" 2>/dev/null || true)
    # Payara Micro says it is ready even when the application failed to deploy; its health
    # answer then lacks the application's checks.
    if [ "$booted" -gt 0 ] && [ -n "$body" ] && ! grep -q '"name":"database"' <<< "$body"; then
      echo "- Payara Micro is up but Rundbrief did not deploy; stopping it. From $log:"
      grep -m 5 -E 'SEVERE|Exception' "$log" | cut -c 1-400 >&2 || true
      kill -KILL "$pid"
      rm -f "$(dir_of "$name")/server.pid"
      return 1
    fi
    if [ -z "$deployed" ] && grep -q '"name":"database"' <<< "$body"; then
      deployed=$(date +%s)
    fi
    waited=$(( $(date +%s) - began ))
    if [ "$waited" -ge "$START_TIMEOUT" ] \
        || { [ -n "$deployed" ] && [ $(( $(date +%s) - deployed )) -ge 30 ]; }; then
      echo "- not ready after ${waited} s; it keeps running (stop it with: $0 stop $name)."
      echo "Its readiness answer: ${body:-(none)}" >&2
      return 1
    fi
    sleep 1
  done
  echo "- ready in $(( $(date +%s) - began )) s at http://localhost:$PORT/"
}

cmd_stop() {
  local name pid
  for name in $(names_or_all "$@"); do
    exists "$name" || die "No instance named $name in $HOME_DIR"
    pid=$(running_pid "$name")
    if [ -z "$pid" ]; then
      echo "$name: not running"
      rm -f "$(dir_of "$name")/server.pid"
      continue
    fi
    kill -TERM "$pid"
    for _ in $(seq 1 60); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.5
    done
    if kill -0 "$pid" 2>/dev/null; then
      echo "$name: still running 30 s after SIGTERM; killing it"
      kill -KILL "$pid"
    fi
    rm -f "$(dir_of "$name")/server.pid"
    echo "$name: stopped (PID $pid)"
  done
}

cmd_list() {
  local name pid state rss
  printf '%-20s %6s  %-9s %8s %8s  %-24s %s\n' NAME PORT STATE PID RSS_MB CLUSTER DATABASE
  for name in $(all_names); do
    (
      load "$name"
      pid=$(running_pid "$name")
      state=stopped rss=-
      if [ -n "$pid" ]; then
        rss=$(( $(ps -o rss= -p "$pid") / 1024 ))
        if ready "$PORT"; then state=ready; else state=unready; fi
      fi
      printf '%-20s %6s  %-9s %8s %8s  %-24s %s\n' "$name" "$PORT" "$state" "${pid:--}" "$rss" \
        "${CLUSTER:--}${CLUSTER:+@$CLUSTER_HOST:$CLUSTER_PORT}" "${DB_URL:-H2 in $DATA/db}"
    )
  done
}

cmd_remove() {
  local name=${1:-} confirmed=${2:-}
  [ -n "$name" ] || die "remove: NAME is missing"
  exists "$name" || die "No instance named $name in $HOME_DIR"
  [ -z "$(running_pid "$name")" ] || die "remove: $name is running; stop it first"
  [ "$confirmed" = --delete-data ] \
    || die "remove: this deletes $(dir_of "$name") with its data; confirm with --delete-data"
  rm -rf "$(dir_of "$name")"
  echo "Removed instance $name"
}

if [ "${1:-}" = --home ]; then
  HOME_DIR=$2
  shift 2
fi
mkdir -p "$HOME_DIR"
HOME_DIR=$(cd "$HOME_DIR" && pwd)
command=${1:-}
[ $# -gt 0 ] && shift
case "$command" in
  create) cmd_create "$@" ;;
  start) cmd_start "$@" ;;
  stop) cmd_stop "$@" ;;
  list) cmd_list ;;
  remove) cmd_remove "$@" ;;
  -h|--help|help) usage ;;
  *) usage >&2; exit 2 ;;
esac
