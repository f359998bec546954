#!/usr/bin/env bash
# Starts the machine's PostgreSQL if it is not accepting connections, installing it when absent.
# A fresh install asks for a password over TCP: one is set and exported as LEDGER_PG_PASSWORD.
set -euo pipefail

ready() { pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; }

if command -v pg_isready >/dev/null 2>&1 && ready; then
  echo "postgres: already accepting connections on 127.0.0.1:5432"
  exit 0
fi

if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
  echo "postgres: not installed; installing from Debian packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql >/dev/null
  fresh=1
fi

version=$(ls /etc/postgresql | sort -V | tail -n 1)
pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
for _ in $(seq 1 30); do ready && break; sleep 1; done
ready || { echo "postgres: could not start PostgreSQL $version" >&2; exit 1; }

if [ "${fresh:-0}" = 1 ]; then
  su postgres -c "psql -q -c \"ALTER USER postgres PASSWORD 'postgres'\""
  echo "postgres: password set for a fresh install (LEDGER_PG_PASSWORD=postgres)"
fi
echo "postgres: started $version on 127.0.0.1:5432"
