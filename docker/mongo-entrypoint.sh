#!/usr/bin/env bash
# Installs MongoDB's replica-set key file, then hands over to the image's own entrypoint.
# mongod refuses a key file that others may read, and a bind mount keeps the host's owner and mode,
# so the file is copied into the container's config volume with the owner and mode mongod wants.
set -euo pipefail
source=/tayari/mongo-keyfile
target=/data/configdb/keyfile
if [ ! -f "$source" ]; then
  echo "tayari: no MongoDB key file at docker/certs/mongo-keyfile; run docker/make-certs.sh first" >&2
  exit 1
fi
install -m 0400 -o mongodb -g mongodb "$source" "$target"
exec docker-entrypoint.sh "$@"
