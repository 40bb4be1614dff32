#!/usr/bin/env bash
# Starts a throwaway PostgreSQL on a free port in a temporary directory and prints the connection
# string. Usage: eval "$(scripts/pg-start.sh)"  -> exports HR_TEST_POSTGRES and HR_PG_DIR.
# Stop it with scripts/pg-stop.sh. HR_PG_OPTIONS adds server options, e.g. HR_PG_OPTIONS='-c shared_buffers=2GB' (the benches).
# PostgreSQL refuses to run as root, so as root it runs as 'postgres'.
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
dir=$(mktemp -d /tmp/hr-pg.XXXXXX)
port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
as=()
if [ "$(id -u)" -eq 0 ]; then
  chown postgres "$dir"
  as=(runuser -u postgres --)
fi
"${as[@]}" "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1
"${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 ${HR_PG_OPTIONS:-}" \
  start >/dev/null
echo "export HR_PG_DIR='$dir'"
echo "export HR_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=true'"
