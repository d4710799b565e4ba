# Fills in the @NAME@ placeholders of the asadmin command files in server-config/micro.
# Sourced by run.sh, server-config/payara-server/prepare-domain.sh and benchmarks/startup.sh.

# render FILE NAME=VALUE...
# Prints FILE with every @NAME@ replaced by VALUE and its comment lines left out. Values are
# escaped for asadmin property lists (':' becomes '\:'), so passwords and URLs go in as they are.
render() {
  local file=$1 pair value
  shift
  local expressions=()
  for pair in "$@"; do
    value=$(printf '%s' "${pair#*=}" | sed -e 's/[\\&|]/\\&/g' -e 's/:/\\\\:/g')
    expressions+=(-e "s|@${pair%%=*}@|$value|g")
  done
  sed "${expressions[@]}" -e '/^#/d' "$file"
}
