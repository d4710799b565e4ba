#!/usr/bin/env bash
# Prepares a running Payara Server 6 domain for Rundbrief and deploys the EAR, with the same
# command files as the Payara Micro run (server-config/micro). Every step is an ordinary asadmin
# command, so the same can be done in the admin console instead.
#
#   ASADMIN=/opt/payara6/bin/asadmin server-config/payara-server/prepare-domain.sh \
#     --db-url jdbc:postgresql://db.example.com:5432/rundbrief \
#     --db-password '...' --db-schema-password '...' \
#     --realm realm.asadmin --ear ear/target/rundbrief.ear \
#     --public-url https://news.example.com --smtp-host mail.example.com --smtp-port 25 \
#     --mail-from newsletter@example.com
#
# --realm FILE: asadmin commands that create the realm "rundbrief" (LDAP, JDBC, or a file realm
# with create-file-user lines); without it a file realm with the demo staff is created.
# Pass the admin connection with ASADMIN_OPTS (e.g. "--port 4848 --user admin
# --passwordfile admin.pw"). Passwords and URLs are escaped for asadmin here; give them as they are.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

ASADMIN=${ASADMIN:-asadmin}
ASADMIN_OPTS=${ASADMIN_OPTS:-}
DB_URL= DB_USER=rundbrief_app DB_PASSWORD= SCHEMA_USER=rundbrief_owner SCHEMA_PASSWORD=
PUBLIC_URL= SMTP_HOST=localhost SMTP_PORT=25 MAIL_FROM=
REALM= EAR="$root/ear/target/rundbrief.ear" DRIVER="$root/web/target/runtime/postgresql.jar"

while [ $# -gt 0 ]; do
  case "$1" in
    --db-url) DB_URL=$2; shift 2 ;;
    --db-user) DB_USER=$2; shift 2 ;;
    --db-password) DB_PASSWORD=$2; shift 2 ;;
    --db-schema-user) SCHEMA_USER=$2; shift 2 ;;
    --db-schema-password) SCHEMA_PASSWORD=$2; shift 2 ;;
    --realm) REALM=$2; shift 2 ;;
    --public-url) PUBLIC_URL=$2; shift 2 ;;
    --smtp-host) SMTP_HOST=$2; shift 2 ;;
    --smtp-port) SMTP_PORT=$2; shift 2 ;;
    --mail-from) MAIL_FROM=$2; shift 2 ;;
    --ear) EAR=$2; shift 2 ;;
    --driver) DRIVER=$2; shift 2 ;;
    -h|--help) sed -n '2,/^set /{/^#/p}' "$0"; exit 0 ;;
    *) echo "Unknown option: $1" >&2; exit 2 ;;
  esac
done
for required in DB_URL PUBLIC_URL MAIL_FROM; do
  [ -n "${!required}" ] || { echo "--$(echo "$required" | tr 'A-Z_' 'a-z-') is required" >&2; exit 2; }
done
for f in "$EAR" "$DRIVER"; do [ -f "$f" ] || { echo "Missing $f (./mvnw package builds it)" >&2; exit 2; }; done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
asadmin() { "$ASADMIN" $ASADMIN_OPTS "$@"; }
. "$root/server-config/asadmin-templates.sh"

echo "PostgreSQL driver"
asadmin add-library "$DRIVER"

echo "Datasources jdbc/rundbrief and jdbc/rundbrief-schema"
render "$root/server-config/micro/datasource-postgresql.asadmin" DB_URL="$DB_URL" \
  DB_USER="$DB_USER" DB_PASSWORD="$DB_PASSWORD" \
  SCHEMA_USER="$SCHEMA_USER" SCHEMA_PASSWORD="$SCHEMA_PASSWORD" > "$work/datasources.asadmin"
asadmin multimode --file "$work/datasources.asadmin"

echo "Security realm rundbrief"
if [ -n "$REALM" ]; then
  grep -v '^#' "$REALM" > "$work/realm.asadmin"
else
  domain_dir=$(asadmin __locations 2>/dev/null | head -n 1)
  [ -d "$domain_dir/config" ] || { echo "Cannot find the domain's folder; is the domain running?" >&2; exit 1; }
  keyfile=$domain_dir/config/rundbrief-keyfile
  : > "$keyfile"
  printf 'AS_ADMIN_USERPASSWORD=demo\n' > "$work/demo-password"
  {
    render "$root/server-config/micro/realm-file.asadmin" REALM_FILE="$keyfile"
    render "$root/server-config/micro/demo-users.asadmin" PASSWORD_FILE="$work/demo-password"
  } > "$work/realm.asadmin"
fi
asadmin multimode --file "$work/realm.asadmin"

echo "Mail session mail/rundbrief and system properties"
{
  render "$root/server-config/micro/mail-session.asadmin" SMTP_HOST="$SMTP_HOST" \
    SMTP_PORT="$SMTP_PORT" MAIL_FROM="$MAIL_FROM"
  render "$here/system-properties.asadmin" PUBLIC_URL="$PUBLIC_URL"
} > "$work/mail.asadmin"
asadmin multimode --file "$work/mail.asadmin"
echo "Deploying $EAR"
asadmin deploy --force=true "$EAR"
