#!/usr/bin/env bash
# Time to ready and idle resident memory of Payara Micro with Rundbrief deployed (default run:
# embedded H2, demo data) against bare Payara Micro, side by side, alternating, on this machine.
#
#   benchmarks/startup.sh [rounds]      (default 3 rounds; builds the application if needed)
#
# "Ready" is the first successful HTTP answer: for Rundbrief a static file of the deployed
# application, for bare Payara Micro any answer on its port. Memory is the resident set size
# (RSS) after 20 seconds idle.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-3}
[ -f web/target/rundbrief.war ] || ./mvnw -q -DskipTests package
MICRO=web/target/runtime/payara-micro.jar
. server-config/asadmin-templates.sh
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

now_ms() { date +%s%3N; }

# measure NAME URL -- java args...
measure() {
  local name=$1 url=$2; shift 3
  local start pid ready rss
  start=$(now_ms)
  java "$@" > "$WORK/$name.log" 2>&1 &
  pid=$!
  until curl -s -o /dev/null -w '%{http_code}' "$url" 2>/dev/null | grep -qE '^[1-5][0-9][0-9]$' \
      && { [ "$name" != rundbrief ] || curl -fs -o /dev/null "$url"; }; do
    kill -0 "$pid" 2>/dev/null || { echo "$name stopped; see $WORK/$name.log" >&2; exit 1; }
    sleep 0.2
  done
  ready=$(( $(now_ms) - start ))
  sleep 20
  rss=$(( $(ps -o rss= -p "$pid") / 1024 ))
  kill "$pid"; wait "$pid" 2>/dev/null || true
  printf '%s\t%d\t%d\n' "$name" "$ready" "$rss"
}

prepare_rundbrief() {
  local data=$WORK/data
  rm -rf "$data"; mkdir -p "$data/db" "$data/realm" "$data/micro"
  : > "$data/realm/keyfile"
  printf 'AS_ADMIN_USERPASSWORD=demo\n' > "$data/micro/pw"
  {
    render server-config/micro/datasource-h2.asadmin DATA_DIR="$data"
    render server-config/micro/realm-file.asadmin REALM_FILE="$data/realm/keyfile"
    render server-config/micro/demo-users.asadmin PASSWORD_FILE="$data/micro/pw"
  } > "$data/micro/post-boot.asadmin"
  printf 'rundbrief.demo-data=true\n' > "$data/micro/system.properties"
}

echo -e "what\tready_ms\trss_mb"
for round in $(seq 1 "$ROUNDS"); do
  measure bare "http://localhost:8181/" -- -jar "$MICRO" --nocluster --disablephonehome --port 8181
  prepare_rundbrief
  measure rundbrief "http://localhost:8182/resources/rundbrief/rundbrief.css" -- -jar "$MICRO" \
    --nocluster --disablephonehome --port 8182 --deploy web/target/rundbrief.war \
    --postbootcommandfile "$WORK/data/micro/post-boot.asadmin" \
    --systemproperties "$WORK/data/micro/system.properties"
done
