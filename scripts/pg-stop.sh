#!/usr/bin/env bash
# Stops the throwaway PostgreSQL started by pg-start.sh and removes its directory.
set -u
[ -n "${HR_PG_DIR:-}" ] && [ -d "$HR_PG_DIR" ] || exit 0
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
as=()
[ "$(id -u)" -eq 0 ] && as=(runuser -u postgres --)
"${as[@]}" "$bin/pg_ctl" -D "$HR_PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
rm -rf "$HR_PG_DIR"
