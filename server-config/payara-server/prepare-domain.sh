#!/usr/bin/env bash
# Prepares a running Payara Server 6 domain for Rundbrief and deploys the EAR, with the same
# command files as the Payara Micro run (server-config/micro). Every step is an ordinary asadmin
# command, so the same can be done in the admin console instead.
#
#   ASADMIN=/opt/payara6/bin/asadmin server-config/payara-server/prepare-domain.sh \
#     --db-url jdbc:postgresql://db.example.com:5432/rundbrief \
#     --db-password '...' --db-schema-password '...' \
#     --ldap-url ldap://ldap.example.com:389 --ldap-base-dn ou=people,dc=example,dc=com \
#     --ldap-group-base-dn ou=groups,dc=example,dc=com \
#     --ldap-bind-dn cn=rundbrief,ou=services,dc=example,dc=com --ldap-bind-password '...' \
#     --public-url https://news.example.com --smtp-host mail.example.com --smtp-port 25 \
#     --mail-from newsletter@example.com --ear ear/target/rundbrief.ear
#
# The realm "rundbrief", one of:
#   (default)              a file realm in the domain's config/rundbrief-keyfile, empty: add staff
#                          with asadmin create-file-user --authrealmname rundbrief --groups
#                          rundbrief-nord-editor NAME (with --demo-data: the demo staff, password demo)
#   --ldap-url URL         an LDAP realm (server-config/payara-server/realm-ldap.asadmin); needs
#                          --ldap-base-dn DN (where users are), --ldap-bind-dn DN and
#                          --ldap-bind-password PW (the account that searches); optional
#                          --ldap-group-base-dn DN (where groups are; default the base DN),
#                          --ldap-user-filter F (default uid=%s; Active Directory: sAMAccountName=%s),
#                          --ldap-group-filter F (default uniqueMember=%d; groupOfNames and
#                          Active Directory: member=%d)
#   --realm FILE           asadmin commands that create it (a JDBC realm, or anything else)
# System properties: rundbrief.public-base-url from --public-url; --demo-data sets
# rundbrief.demo-data=true (demo tenants nord and sued; never in production);
# --system-property NAME=VALUE sets any other, once per property.
# Pass the admin connection with ASADMIN_OPTS (e.g. "--port 4848 --user admin
# --passwordfile admin.pw"). Passwords, DNs and URLs are escaped for asadmin here; give them as
# they are.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

ASADMIN=${ASADMIN:-asadmin}
ASADMIN_OPTS=${ASADMIN_OPTS:-}
DB_URL= DB_USER=rundbrief_app DB_PASSWORD= SCHEMA_USER=rundbrief_owner SCHEMA_PASSWORD=
PUBLIC_URL= SMTP_HOST=localhost SMTP_PORT=25 MAIL_FROM=
REALM= EAR="$root/ear/target/rundbrief.ear" DRIVER="$root/web/target/runtime/postgresql.jar"
LDAP_URL= LDAP_BASE_DN= LDAP_GROUP_BASE_DN= LDAP_BIND_DN= LDAP_BIND_PASSWORD=
LDAP_USER_FILTER='uid=%s' LDAP_GROUP_FILTER='uniqueMember=%d'
DEMO= PROPERTIES=()

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
    --ldap-url) LDAP_URL=$2; shift 2 ;;
    --ldap-base-dn) LDAP_BASE_DN=$2; shift 2 ;;
    --ldap-group-base-dn) LDAP_GROUP_BASE_DN=$2; shift 2 ;;
    --ldap-bind-dn) LDAP_BIND_DN=$2; shift 2 ;;
    --ldap-bind-password) LDAP_BIND_PASSWORD=$2; shift 2 ;;
    --ldap-user-filter) LDAP_USER_FILTER=$2; shift 2 ;;
    --ldap-group-filter) LDAP_GROUP_FILTER=$2; shift 2 ;;
    --demo-data) DEMO=true; shift ;;
    --system-property) PROPERTIES+=("$2"); shift 2 ;;
    --ear) EAR=$2; shift 2 ;;
    --driver) DRIVER=$2; shift 2 ;;
    -h|--help) sed -n '2,/^set /{/^#/p}' "$0"; exit 0 ;;
    *) echo "Unknown option: $1" >&2; exit 2 ;;
  esac
done
for required in DB_URL PUBLIC_URL MAIL_FROM; do
  [ -n "${!required}" ] || { echo "--$(echo "$required" | tr 'A-Z_' 'a-z-') is required" >&2; exit 2; }
done
[ -n "$DB_PASSWORD" ] && [ -n "$SCHEMA_PASSWORD" ] || {
  echo "--db-password and --db-schema-password are required (asadmin takes no empty password)" >&2; exit 2; }
if [ -n "$LDAP_URL" ]; then
  [ -z "$REALM" ] || { echo "Give either --realm or --ldap-url" >&2; exit 2; }
  for required in LDAP_BASE_DN LDAP_BIND_DN LDAP_BIND_PASSWORD; do
    [ -n "${!required}" ] || { echo "--$(echo "$required" | tr 'A-Z_' 'a-z-') is required with --ldap-url" >&2; exit 2; }
  done
fi
for property in ${PROPERTIES[@]+"${PROPERTIES[@]}"}; do
  case "$property" in
    ?*=*) ;;
    *) echo "--system-property needs NAME=VALUE, not: $property" >&2; exit 2 ;;
  esac
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
elif [ -n "$LDAP_URL" ]; then
  render "$here/realm-ldap.asadmin" LDAP_URL="$LDAP_URL" BASE_DN="$LDAP_BASE_DN" \
    USER_FILTER="$LDAP_USER_FILTER" GROUP_BASE_DN="${LDAP_GROUP_BASE_DN:-$LDAP_BASE_DN}" \
    GROUP_FILTER="$LDAP_GROUP_FILTER" BIND_DN="$LDAP_BIND_DN" \
    BIND_PASSWORD="$LDAP_BIND_PASSWORD" > "$work/realm.asadmin"
else
  domain_dir=$(asadmin __locations 2>/dev/null | head -n 1)
  [ -d "$domain_dir/config" ] || { echo "Cannot find the domain's folder; is the domain running?" >&2; exit 1; }
  keyfile=$domain_dir/config/rundbrief-keyfile
  [ -e "$keyfile" ] || : > "$keyfile"
  render "$root/server-config/micro/realm-file.asadmin" REALM_FILE="$keyfile" > "$work/realm.asadmin"
  if [ -n "$DEMO" ]; then
    printf 'AS_ADMIN_USERPASSWORD=demo\n' > "$work/demo-password"
    render "$root/server-config/micro/demo-users.asadmin" PASSWORD_FILE="$work/demo-password" \
      >> "$work/realm.asadmin"
  fi
fi
asadmin multimode --file "$work/realm.asadmin"

echo "Mail session mail/rundbrief and system properties"
{
  render "$root/server-config/micro/mail-session.asadmin" SMTP_HOST="$SMTP_HOST" \
    SMTP_PORT="$SMTP_PORT" MAIL_FROM="$MAIL_FROM"
  render "$here/system-properties.asadmin" PUBLIC_URL="$PUBLIC_URL"
  [ -z "$DEMO" ] || echo 'create-system-properties rundbrief.demo-data=true'
  for property in ${PROPERTIES[@]+"${PROPERTIES[@]}"}; do
    printf 'create-system-properties "%s=@VALUE@"\n' "${property%%=*}" > "$work/property.asadmin"
    render "$work/property.asadmin" VALUE="${property#*=}"
  done
} > "$work/mail.asadmin"
asadmin multimode --file "$work/mail.asadmin"
if [ -z "$REALM" ] && [ -z "$LDAP_URL" ] && [ -z "$DEMO" ]; then
  echo "The file realm rundbrief has no staff yet: asadmin create-file-user --authrealmname rundbrief --groups rundbrief-central-admin NAME"
fi
echo "Deploying $EAR"
asadmin deploy --force=true "$EAR"
