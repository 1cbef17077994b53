#!/usr/bin/env bash
# Makes the key material docker-compose.yml mounts, in docker/certs/ (ignored by git and docker):
#   ca/ca.crt                 a certificate authority of our own (10 years), which the app trusts
#   private/ca.key            its key, mounted into no container: keep a copy offline
#   node/node.crt, node.key   KurrentDB's certificate, for the names kurrentdb and localhost (2 years)
#   mongo-keyfile             the secret MongoDB replica-set members authenticate each other with
# Usage: docker/make-certs.sh [--mongo-only] [--force]
#   --mongo-only  only the MongoDB key file (enough for the dev profile, whose KurrentDB has no TLS)
#   --force       replace files that exist (renewing the CA means restarting every service)
# Needs openssl. Existing files are kept unless --force, so running it twice is harmless.
set -euo pipefail

mongo_only=0
force=0
for arg in "$@"; do
  case "$arg" in
    --mongo-only) mongo_only=1 ;;
    --force) force=1 ;;
    *) echo "usage: $0 [--mongo-only] [--force]" >&2; exit 2 ;;
  esac
done

dir="$(cd "$(dirname "$0")" && pwd)/certs"
mkdir -p "$dir/ca" "$dir/node" "$dir/private"
umask 077

fresh() { [ "$force" = 1 ] || [ ! -f "$1" ]; }

if fresh "$dir/mongo-keyfile"; then
  # 756 bytes of base64, as MongoDB's documentation suggests.
  openssl rand -base64 756 > "$dir/mongo-keyfile"
  echo "made $dir/mongo-keyfile"
fi

[ "$mongo_only" = 1 ] && exit 0

if fresh "$dir/ca/ca.crt"; then
  openssl req -x509 -new -nodes -newkey rsa:4096 -sha256 -days 3650 \
    -subj "/CN=Tayari KurrentDB CA" \
    -keyout "$dir/private/ca.key" -out "$dir/ca/ca.crt"
  echo "made $dir/ca/ca.crt"
fi

if fresh "$dir/node/node.crt"; then
  # The common name KurrentDB expects of a node certificate (CertificateReservedNodeCommonName's
  # default, as es-gencert-cli writes it); clients check the names in subjectAltName.
  openssl req -new -nodes -newkey rsa:2048 -sha256 -subj "/CN=eventstoredb-node" \
    -keyout "$dir/node/node.key" -out "$dir/node/node.csr"
  # A node certificate serves both as server and as client (between cluster nodes).
  printf '%s\n' \
    'subjectAltName=DNS:kurrentdb,DNS:localhost,IP:127.0.0.1' \
    'keyUsage=critical,digitalSignature,keyEncipherment' \
    'extendedKeyUsage=serverAuth,clientAuth' > "$dir/node/node.ext"
  openssl x509 -req -sha256 -days 730 -in "$dir/node/node.csr" -CA "$dir/ca/ca.crt" -CAkey "$dir/private/ca.key" \
    -CAcreateserial -CAserial "$dir/private/ca.srl" -extfile "$dir/node/node.ext" -out "$dir/node/node.crt"
  rm -f "$dir/node/node.csr" "$dir/node/node.ext"
  echo "made $dir/node/node.crt"
fi

# The certificates are public; the app containers (user node) must read ca.crt, and KurrentDB (uid
# 1000 in its image) its own key. KurrentDB reads every file of ca/, so nothing secret goes there.
chmod 755 "$dir" "$dir/ca" "$dir/node"
chmod 700 "$dir/private"
chmod 644 "$dir/ca/ca.crt" "$dir/node/node.crt"
chmod 600 "$dir/private/ca.key" "$dir/node/node.key" "$dir/mongo-keyfile"
if [ "$(id -u)" = 0 ]; then
  chown 1000:1000 "$dir/node/node.key"
else
  echo "KurrentDB runs as uid 1000 and must read node/node.key: if that is not you, run" >&2
  echo "  sudo chown 1000:1000 $dir/node/node.key" >&2
fi
