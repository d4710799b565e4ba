#!/usr/bin/env bash
# Runs Rundbrief on Payara Micro: builds what is missing, prepares the server, starts it.
#
# Default: an embedded H2 database in ./data (kept across restarts), filled with demo data on
# first start, and a file realm with the demo staff. With --db-url it runs against PostgreSQL
# instead, without demo data unless --demo-data is given.
set -euo pipefail
cd "$(dirname "$0")"

usage() {
  cat <<'TXT'
Usage: ./run.sh [options]

  --port N                 HTTP port (env RUNDBRIEF_PORT, default 8080)
  --data DIR               data folder: H2 database, realm file (env RUNDBRIEF_DATA, default ./data)
  --db-url URL             PostgreSQL JDBC URL, e.g. jdbc:postgresql://localhost:5432/rundbrief
                           (env RUNDBRIEF_DB_URL; without it the embedded H2 database is used)
  --db-user USER           application role (env RUNDBRIEF_DB_USER, default rundbrief_app)
  --db-password PW         its password (env RUNDBRIEF_DB_PASSWORD)
  --db-schema-user USER    schema owner for migrations (env RUNDBRIEF_DB_SCHEMA_USER, default rundbrief_owner)
  --db-schema-password PW  its password (env RUNDBRIEF_DB_SCHEMA_PASSWORD)
  --demo-data              load demo data into PostgreSQL too (always on with H2)
  --realm FILE             asadmin commands that create the security realm "rundbrief" (LDAP,
                           JDBC, or a file realm with your staff) instead of the demo file realm
                           (env RUNDBRIEF_REALM)
  --public-url URL         the address people reach Rundbrief at; links in mails start with it
                           (env RUNDBRIEF_PUBLIC_URL, default http://localhost:PORT)
  --smtp-host HOST         mail server of the shared mail session mail/rundbrief
                           (env RUNDBRIEF_SMTP_HOST, default localhost)
  --smtp-port N            its SMTP port (env RUNDBRIEF_SMTP_PORT, default 2525)
  --mail-from ADDRESS      sender address of the mail session (env RUNDBRIEF_MAIL_FROM,
                           default newsletter@localhost)
  --rebuild                build the application even if it is there
  -h, --help               this text
TXT
}

PORT=${RUNDBRIEF_PORT:-8080}
DATA=${RUNDBRIEF_DATA:-./data}
DB_URL=${RUNDBRIEF_DB_URL:-}
DB_USER=${RUNDBRIEF_DB_USER:-rundbrief_app}
DB_PASSWORD=${RUNDBRIEF_DB_PASSWORD:-}
SCHEMA_USER=${RUNDBRIEF_DB_SCHEMA_USER:-rundbrief_owner}
SCHEMA_PASSWORD=${RUNDBRIEF_DB_SCHEMA_PASSWORD:-}
DEMO=${RUNDBRIEF_DEMO_DATA:-}
REALM=${RUNDBRIEF_REALM:-}
PUBLIC_URL=${RUNDBRIEF_PUBLIC_URL:-}
SMTP_HOST=${RUNDBRIEF_SMTP_HOST:-localhost}
SMTP_PORT=${RUNDBRIEF_SMTP_PORT:-2525}
MAIL_FROM=${RUNDBRIEF_MAIL_FROM:-newsletter@localhost}
REBUILD=
# One server by itself: never a member of a cluster (server-config/instances.sh makes those).
CLUSTER=
SYSTEM_PROPERTIES=

while [ $# -gt 0 ]; do
  case "$1" in
    --port) PORT=$2; shift 2 ;;
    --data) DATA=$2; shift 2 ;;
    --db-url) DB_URL=$2; shift 2 ;;
    --db-user) DB_USER=$2; shift 2 ;;
    --db-password) DB_PASSWORD=$2; shift 2 ;;
    --db-schema-user) SCHEMA_USER=$2; shift 2 ;;
    --db-schema-password) SCHEMA_PASSWORD=$2; shift 2 ;;
    --demo-data) DEMO=true; shift ;;
    --realm) REALM=$2; shift 2 ;;
    --public-url) PUBLIC_URL=$2; shift 2 ;;
    --smtp-host) SMTP_HOST=$2; shift 2 ;;
    --smtp-port) SMTP_PORT=$2; shift 2 ;;
    --mail-from) MAIL_FROM=$2; shift 2 ;;
    --rebuild) REBUILD=true; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "Unknown option: $1" >&2; usage >&2; exit 2 ;;
  esac
done

WAR=web/target/rundbrief.war
MICRO=web/target/runtime/payara-micro.jar
PGJAR=web/target/runtime/postgresql.jar
if [ -n "$REBUILD" ] || [ ! -f "$WAR" ] || [ ! -f "$MICRO" ]; then
  echo "Building Rundbrief ..."
  ./mvnw -q -DskipTests package
fi

mkdir -p "$DATA"
DATA=$(cd "$DATA" && pwd)
SERVER_CONFIG=server-config
. server-config/asadmin-templates.sh
. server-config/micro/configure.sh
configure_micro

java ${JAVA_OPTS:-} -jar "$MICRO" "${MICRO_ARGS[@]}" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null' INT TERM

URL="http://localhost:$PORT/"
for _ in $(seq 1 180); do
  if ! kill -0 "$SERVER" 2>/dev/null; then
    echo "Payara Micro stopped before Rundbrief was ready." >&2
    exit 1
  fi
  if curl -fsS -o /dev/null "${URL}resources/rundbrief/rundbrief.css" 2>/dev/null; then
    cat <<TXT

  Rundbrief is ready at $URL  ($DB_LABEL)
  Mail goes to SMTP $SMTP_HOST:$SMTP_PORT; links in mails start with $PUBLIC_URL
TXT
    if [ -n "$DEMO" ]; then
      cat <<'TXT'
  Demo sign-ins (password "demo"):
    admin        central administrator
    central      central marketing
    nord-editor  editor of Tochter Nord GmbH
    sued-editor  editor of Tochter Süd AG
    nord-viewer  viewer of Tochter Nord GmbH
TXT
    fi
    echo "  Stop with Ctrl+C."
    break
  fi
  sleep 1
done
wait "$SERVER"
