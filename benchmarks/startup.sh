#!/usr/bin/env bash
# Time to ready and resident memory of one Rundbrief instance against bare Payara Micro, side by
# side, alternating, on this machine; then how many small instances run at once.
#
#   benchmarks/startup.sh [rounds] [instances]   (default 3 rounds, then 4 instances at once;
#                                                 builds the application if needed)
#
# Per round, one after another:
#   bare-default   Payara Micro without an application, the JVM's default settings
#   bare-small     the same with the instances' small-footprint settings
#   default        Rundbrief as ./run.sh starts it (embedded H2, demo data), JVM defaults
#   small          Rundbrief as server-config/instances.sh starts it (-Xmx192m, serial GC,
#                  client compiler, small stacks)
# "Ready" is the first successful HTTP answer for bare Payara Micro, and for Rundbrief a
# /health/ready answer with the application's database check (the mail server, postfix's
# smtp-sink, is up throughout). "RSS idle" is the resident set
# size 20 s after ready; "RSS used" after 100 requests (sign-in page, REST lists and a page of
# subscribers as a central user) and 10 s more.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-3}
FIT=${2:-4}
[ -f web/target/rundbrief.war ] || ./mvnw -q -DskipTests package
MICRO=$PWD/web/target/runtime/payara-micro.jar
WAR=$PWD/web/target/rundbrief.war
PGJAR=$PWD/web/target/runtime/postgresql.jar
SERVER_CONFIG=$PWD/server-config
SMALL=$(sed -n 's/^DEFAULT_JAVA_OPTIONS="\(.*\)"$/\1/p' server-config/instances.sh)
. server-config/asadmin-templates.sh
. server-config/micro/configure.sh
WORK=$(mktemp -d)
# Every Rundbrief server here sends to postfix's smtp-sink on loopback, so that it is ready.
SINK=$(command -v smtp-sink || echo /usr/sbin/smtp-sink)
"$SINK" -u nobody -c 127.0.0.1:2599 100 > /dev/null 2>&1 &
SINK_PID=$!
trap 'kill $SINK_PID 2>/dev/null; pkill -f -- "$WORK" 2>/dev/null || true; rm -rf "$WORK"' EXIT
PORT=8191

now_ms() { date +%s%3N; }
rss_mb() { echo $(( $(ps -o rss= -p "$1") / 1024 )); }

app_ready() {
  curl -s --max-time 5 "http://localhost:$PORT/health/ready" 2>/dev/null \
    | grep -q '"name":"database","status":"UP"'
}
bare_ready() {
  curl -s -o /dev/null -w '%{http_code}' "http://localhost:$PORT/" 2>/dev/null \
    | grep -qE '^[1-5][0-9][0-9]$'
}

use() {
  local i
  for i in $(seq 1 25); do
    curl -s -o /dev/null "http://localhost:$PORT/login.xhtml"
    curl -s -o /dev/null -u admin:demo "http://localhost:$PORT/api/v1/tenants"
    curl -s -o /dev/null -u nord-editor:demo "http://localhost:$PORT/api/v1/tenants/nord/lists"
    curl -s -o /dev/null -u central:demo "http://localhost:$PORT/api/v1/tenants/nord/subscribers?size=50"
  done
}

# measure NAME KIND JAVA_OPTIONS [application]
measure() {
  local name=$1 kind=$2 options=$3 start pid ready idle used
  local args=(--nocluster --disablephonehome --port "$PORT" --rootdir "$WORK/$name-root")
  if [ "$kind" = app ]; then
    DATA=$WORK/$name DB_URL= REALM= DEMO=true SMTP_HOST=127.0.0.1 SMTP_PORT=2599 \
      MAIL_FROM=news@bench.example PUBLIC_URL=
    rm -rf "$DATA"; mkdir -p "$DATA"
    configure_micro > /dev/null
    args=("${MICRO_ARGS[@]}")
  fi
  start=$(now_ms)
  # shellcheck disable=SC2086
  java $options -jar "$MICRO" "${args[@]}" > "$WORK/$name.log" 2>&1 &
  pid=$!
  until { [ "$kind" = app ] && app_ready; } || { [ "$kind" = bare ] && bare_ready; }; do
    kill -0 "$pid" 2>/dev/null || { echo "$name stopped; see its log" >&2; tail "$WORK/$name.log" >&2; exit 1; }
    sleep 0.2
  done
  ready=$(( $(now_ms) - start ))
  sleep 20
  idle=$(rss_mb "$pid")
  used=-
  if [ "$kind" = app ]; then
    use
    sleep 10
    used=$(rss_mb "$pid")
  fi
  kill "$pid"; wait "$pid" 2>/dev/null || true
  printf '%s\t%s\t%d\t%s\t%s\n' "$round" "$name" "$ready" "$idle" "$used"
}

echo -e "round\twhat\tready_ms\trss_idle_mb\trss_used_mb"
for round in $(seq 1 "$ROUNDS"); do
  measure bare-default bare ""
  measure bare-small bare "-Xmx192m $SMALL"
  measure default app ""
  measure small app "-Xmx192m $SMALL"
done

# Several small instances at once, each started by server-config/instances.sh and used as above.
[ "$FIT" -gt 0 ] || exit 0
HOME_DIR=$WORK/instances
export RUNDBRIEF_WAR=$WAR RUNDBRIEF_MICRO=$MICRO RUNDBRIEF_POSTGRESQL_JAR=$PGJAR
for i in $(seq 1 "$FIT"); do
  server-config/instances.sh --home "$HOME_DIR" create "fit-$i" --port $((8190 + i)) \
    --smtp-host 127.0.0.1 --smtp-port 2599 --mail-from "news@fit-$i.example" > /dev/null
done
before=$(awk '/MemAvailable/ {print int($2/1024)}' /proc/meminfo)
began=$(now_ms)
server-config/instances.sh --home "$HOME_DIR" start | sed 's/^/  /' || true
echo "all $FIT started one after another in $(( ($(now_ms) - began) / 1000 )) s"
for i in $(seq 1 "$FIT"); do PORT=$((8190 + i)) use; done
sleep 10
after=$(awk '/MemAvailable/ {print int($2/1024)}' /proc/meminfo)
server-config/instances.sh --home "$HOME_DIR" list
total=0
for i in $(seq 1 "$FIT"); do
  total=$(( total + $(rss_mb "$(cat "$HOME_DIR/fit-$i/server.pid")") ))
done
echo "instances: $FIT, RSS together: $total MB, per instance: $(( total / FIT )) MB," \
  "available memory fell by $(( before - after )) MB"
server-config/instances.sh --home "$HOME_DIR" stop > /dev/null
