#!/usr/bin/env bash
# A local test CA and a server certificate it signs, for tests and demos (never production: use
# ACME there, see deploy/README.md). openssl only.
#   bash deploy/tls/make-test-ca.sh DIR [NAME...]
# NAME is a DNS name or an IP address; the certificate also always names localhost, 127.0.0.1
# and 127.0.0.2. Writes DIR/ca.key, DIR/ca.crt, DIR/server.key, DIR/server.crt (the server
# certificate followed by the CA's, as nginx's ssl_certificate wants) and DIR/dhparam.pem
# (RFC 7919 ffdhe2048), then prints their paths as NAME=path lines.
# Idempotent: an existing CA is kept; the server certificate is made again only when it is
# missing, expires within a week, or does not name every NAME asked for.
set -euo pipefail

dir=${1:?usage: make-test-ca.sh DIR [DNS-or-IP NAME...]}
shift
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
umask 077

names=(localhost 127.0.0.1 127.0.0.2 "$@")
san=""
declare -A seen=()
for name in "${names[@]}"; do
  [ -n "${seen[$name]:-}" ] && continue
  seen[$name]=1
  if [[ $name =~ ^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$ || $name == *:* ]]; then
    san+="${san:+,}IP:$name"
  else
    san+="${san:+,}DNS:$name"
  fi
done

if [ ! -s "$dir/ca.key" ] || [ ! -s "$dir/ca.crt" ]; then
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 3650 \
    -subj "/CN=Campus Systems test CA $(date -u +%Y%m%d%H%M%S)" \
    -addext 'basicConstraints=critical,CA:TRUE,pathlen:0' \
    -addext 'keyUsage=critical,keyCertSign,cRLSign' \
    -keyout "$dir/ca.key" -out "$dir/ca.crt" 2> /dev/null
  rm -f "$dir/server.crt"
fi

fresh() {
  [ -s "$dir/server.crt" ] && [ -s "$dir/server.key" ] || return 1
  openssl x509 -in "$dir/server.crt" -noout -checkend 604800 > /dev/null || return 1
  openssl verify -CAfile "$dir/ca.crt" "$dir/server.crt" > /dev/null 2>&1 || return 1
  local have
  have=$(openssl x509 -in "$dir/server.crt" -noout -ext subjectAltName 2> /dev/null | tail -n +2 | tr -d ' ')
  local entry
  IFS=, read -ra wanted <<< "$san"
  for entry in "${wanted[@]}"; do
    [[ ",$have," == *",${entry/IP:/IPAddress:},"* ]] || return 1
  done
}

if ! fresh; then
  openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
    -subj "/CN=${names[3]:-localhost}" -keyout "$dir/server.key" -out "$dir/server.csr" 2> /dev/null
  cat > "$dir/server.ext" <<EOF
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature
extendedKeyUsage=serverAuth
subjectAltName=$san
EOF
  openssl x509 -req -in "$dir/server.csr" -CA "$dir/ca.crt" -CAkey "$dir/ca.key" -CAcreateserial \
    -days 825 -sha256 -extfile "$dir/server.ext" -out "$dir/server.leaf.crt" 2> /dev/null
  cat "$dir/server.leaf.crt" "$dir/ca.crt" > "$dir/server.crt"
  rm -f "$dir/server.csr" "$dir/server.ext" "$dir/server.leaf.crt" "$dir/ca.srl"
fi

if [ ! -s "$dir/dhparam.pem" ]; then
  openssl genpkey -genparam -algorithm DH -pkeyopt group:ffdhe2048 -out "$dir/dhparam.pem" 2> /dev/null
fi

# nginx's workers may run as another user: the certificates are read by the master (root or the
# caller), so only the CA key stays private.
chmod 644 "$dir/ca.crt" "$dir/server.crt" "$dir/dhparam.pem"
chmod 600 "$dir/ca.key" "$dir/server.key"

echo "CA_CERT=$dir/ca.crt"
echo "CA_KEY=$dir/ca.key"
echo "SERVER_CERT=$dir/server.crt"
echo "SERVER_KEY=$dir/server.key"
echo "DHPARAM=$dir/dhparam.pem"
