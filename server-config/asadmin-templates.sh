# Fills in the @NAME@ placeholders of the asadmin command files in server-config/micro.
# Sourced by run.sh, server-config/payara-server/prepare-domain.sh and benchmarks/startup.sh.

# render FILE NAME=VALUE...
# Prints FILE with every @NAME@ replaced by VALUE and its comment lines left out. Values are
# escaped for asadmin property lists (':' becomes '\:' and '=' becomes '\='), so passwords, URLs
# and LDAP names (cn=...,dc=...) go in as they are; the templates keep property lists in double
# quotes, where asadmin and Payara Micro pass the backslashes on. A backslash or a double quote
# would be read differently by the two, so a value with either is refused.
render() {
  local file=$1 pair value
  shift
  local expressions=()
  for pair in "$@"; do
    value=${pair#*=}
    case "$value" in
      *\\*|*\"*)
        echo "The value of ${pair%%=*} contains a backslash or a double quote, which asadmin cannot take here" >&2
        return 1 ;;
    esac
    value=$(printf '%s' "$value" | sed -e 's/[:=]/\\&/g' -e 's/[\\&|]/\\&/g')
    expressions+=(-e "s|@${pair%%=*}@|$value|g")
  done
  sed "${expressions[@]}" -e '/^#/d' "$file"
}
