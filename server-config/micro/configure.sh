# Prepares one Payara Micro server of Rundbrief from the asadmin command files in this folder.
# Sourced by run.sh, server-config/instances.sh and benchmarks/startup.sh (after
# server-config/asadmin-templates.sh).
#
# configure_micro
#   reads   DATA (absolute data folder), PORT, WAR, PGJAR, DB_URL (empty: embedded H2 in DATA/db),
#           DB_USER, DB_PASSWORD, SCHEMA_USER, SCHEMA_PASSWORD, REALM (asadmin file creating the
#           realm "rundbrief"; empty: a file realm in DATA/realm, with the demo staff if DEMO),
#           DEMO, SMTP_HOST, SMTP_PORT, MAIL_FROM, PUBLIC_URL (empty: http://localhost:PORT),
#           SYSTEM_PROPERTIES (optional: further key=value lines for the system properties), and
#           for a member of a cluster (optional; without CLUSTER the server joins no cluster):
#           CLUSTER (the cluster's name), CLUSTER_MEMBERS (host:port of every member, itself
#           included, comma-separated), CLUSTER_HOST and CLUSTER_PORT (its own address in the data
#           grid), INSTANCE_NAME
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
    if [ -n "${SYSTEM_PROPERTIES:-}" ]; then printf '%s\n' "$SYSTEM_PROPERTIES"; fi
  } > "$conf/system.properties"
  chmod 600 "$postboot" "$conf/system.properties"
  if [ -n "${CLUSTER:-}" ]; then
    # Payara's data grid (Hazelcast) on an explicit member list, no multicast. Backups of the
    # grid's data (web sessions) go to members on other hosts only, unless every member is on
    # one host: then to any other member, or a member's death would lose its sessions.
    MICRO_ARGS+=(--clustermode "tcpip:$CLUSTER_MEMBERS" --clustername "$CLUSTER"
      --interfaces "$CLUSTER_HOST" --startport "$CLUSTER_PORT" --name "$INSTANCE_NAME")
    if [ -z "$(tr ',' '\n' <<< "$CLUSTER_MEMBERS" | sed 's/:[0-9]*$//' | grep -vxF "$CLUSTER_HOST")" ]
    then
      MICRO_ARGS+=(--nohostaware)
    fi
  else
    MICRO_ARGS+=(--nocluster)
  fi
  MICRO_ARGS+=(--disablephonehome --port "$PORT" --deploy "$WAR"
    --postbootcommandfile "$postboot" --systemproperties "$conf/system.properties"
    --rootdir "$conf/domain")
}
