#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine: installs what it needs (PostgreSQL, Chromium), starts PostgreSQL on
# loopback for the tests that need it, runs every test project, and stops PostgreSQL again.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

need=()
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || need+=(postgresql)
[ -x /usr/bin/chromium ] || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  echo "test.sh: installing ${need[*]}" >&2
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi

# A private PostgreSQL cluster on loopback, owned by this run, removed at exit.
pgbin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
pgdir="$(mktemp -d)"
pgport="${CHOKEPOINT_TEST_PGPORT:-55432}"
cleanup() {
  if [ -f "$pgdir/data/postmaster.pid" ]; then
    run_pg "$pgbin/pg_ctl" -D "$pgdir/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$pgdir"
}
trap cleanup EXIT
run_pg() {
  if [ "$(id -u)" -eq 0 ]; then
    chown -R postgres:postgres "$pgdir"
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}
run_pg "$pgbin/initdb" -D "$pgdir/data" -U chokepoint --auth=trust -E UTF8 >/dev/null
run_pg "$pgbin/pg_ctl" -D "$pgdir/data" -o "-c listen_addresses=127.0.0.1 -p $pgport -k $pgdir" -l "$pgdir/log" -w start >/dev/null
export CHOKEPOINT_TEST_POSTGRES="Host=127.0.0.1;Port=$pgport;Username=chokepoint;Database=postgres"
export CHOKEPOINT_TEST_CHROMIUM=/usr/bin/chromium

dotnet build Chokepoint.slnx -c Release --nologo -v quiet -clp:ErrorsOnly
dotnet test Chokepoint.slnx -c Release --no-build --nologo "$@"
