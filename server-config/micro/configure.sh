# Prepares one Payara Micro server of Rundbrief from the asadmin command files in this folder.
# Sourced by run.sh, server-config/instances.sh and benchmarks/startup.sh (after
# server-config/asadmin-templates.sh).
#
# configure_micro
#   reads   DATA (absolute data folder), PORT, WAR, PGJAR, DB_URL (empty: embedded H2 in DATA/db),
#           DB_USER, DB_PASSWORD, SCHEMA_USER, SCHEMA_PASSWORD, REALM (asadmin file creating the
#           realm "rundbrief"; empty: a file realm in DATA/realm, with the demo staff if DEMO),
#           DEMO, SMTP_HOST, SMTP_PORT, MAIL_FROM, PUBLIC_URL (empty: http://localhost:PORT)
#   writes  DATA/micro (made anew: post-boot commands, system properties, Payara's own folder)
#   sets    MICRO_ARGS (the arguments after "java -jar payara-micro.jar"), DB_LABEL, and DEMO=true
#           with H2
configure_micro() {
  local conf=$DATA/micro postboot=$DATA/micro/post-boot.asadmin
  rm -rf "$conf"
  mkdir -p "$conf" "$DATA/db" "$DATA/realm"
  MICRO_ARGS=()
  if [ -n "$DB_URL" ]; then
    render "$SERVER_CONFIG/micro/datasource-postgresql.asadmin" DB_URL="$DB_URL" \
      DB_USER="$DB_USER" DB_PASSWORD="$DB_PASSWORD" \
      SCHEMA_USER="$SCHEMA_USER" SCHEMA_PASSWORD="$SCHEMA_PASSWORD" > "$postboot"
    MICRO_ARGS+=(--addlibs "$PGJAR")
    DB_LABEL="PostgreSQL $DB_URL"
  else
    render "$SERVER_CONFIG/micro/datasource-h2.asadmin" DATA_DIR="$DATA" > "$postboot"
    DEMO=true
    DB_LABEL="embedded H2 database in $DATA/db"
  fi
  if [ -n "$REALM" ]; then
    [ -f "$REALM" ] || { echo "No such file: $REALM" >&2; return 2; }
    grep -v '^#' "$REALM" >> "$postboot"
  else
    # The demo realm is written anew at every start: its users are the demo users.
    : > "$DATA/realm/keyfile"
    render "$SERVER_CONFIG/micro/realm-file.asadmin" REALM_FILE="$DATA/realm/keyfile" >> "$postboot"
    if [ -n "$DEMO" ]; then
      printf 'AS_ADMIN_USERPASSWORD=demo\n' > "$conf/demo-password"
      chmod 600 "$conf/demo-password"
      render "$SERVER_CONFIG/micro/demo-users.asadmin" PASSWORD_FILE="$conf/demo-password" \
        >> "$postboot"
    else
      echo "Note: the realm has no staff; nobody can sign in. Use --demo-data or --realm FILE." >&2
    fi
  fi
  render "$SERVER_CONFIG/micro/mail-session.asadmin" SMTP_HOST="$SMTP_HOST" \
    SMTP_PORT="$SMTP_PORT" MAIL_FROM="$MAIL_FROM" >> "$postboot"
  PUBLIC_URL=${PUBLIC_URL:-http://localhost:$PORT}
  {
    printf 'rundbrief.demo-data=%s\n' "${DEMO:-false}"
    printf 'rundbrief.public-base-url=%s\n' "$PUBLIC_URL"
  } > "$conf/system.properties"
  chmod 600 "$postboot"
  MICRO_ARGS+=(--nocluster --disablephonehome --port "$PORT" --deploy "$WAR"
    --postbootcommandfile "$postboot" --systemproperties "$conf/system.properties"
    --rootdir "$conf/domain")
}
