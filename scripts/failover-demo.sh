#!/usr/bin/env bash
# Exercises docs/operations.md "PostgreSQL with a streaming replica for failover" on this machine: a primary and a
# standby (two clusters on local ports, replication slot standby1), the app on a connection string listing both hosts
# (Target Session Attributes=primary). It creates a resident, stops the primary hard, promotes the standby, shows the
# app carrying on without a restart (reads the resident, creates another), then rebuilds the old primary as the new
# standby as step 5 says (slot created on the new primary, pg_hba rule for the old primary, a fresh base backup) and checks that
# it streams. Prints "failover demo: OK" and exits 0, or says what failed and exits 1. Leaves nothing behind.
# HR_APP: the host's DLL (default: this checkout's Release build). Needs Debian's postgresql package and node.
set -euo pipefail
cd "$(dirname "$0")/.."
app=${HR_APP:-$PWD/src/HealthRecords.Web/bin/Release/net10.0/HealthRecords.Web.dll}
[ -f "$app" ] || { echo "build first: $app is missing" >&2; exit 1; }
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
dir=$(mktemp -d /tmp/hr-failover.XXXXXX)
free_port() { node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
p1=$(free_port); p2=$(free_port); web=$(free_port)
as=()
if [ "$(id -u)" -eq 0 ]; then chown postgres "$dir"; as=(runuser -u postgres --); fi
pg() { "${as[@]}" "$bin/$@"; }
sql() { local port=$1; shift; "$bin/psql" -X -q -t -A -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d "${DB:-postgres}" -c "$*"; }
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true
  for d in a b; do [ -f "$dir/$d/postmaster.pid" ] && pg pg_ctl -D "$dir/$d" -m immediate stop >/dev/null 2>&1 || true; done
  rm -rf "$dir"
}
trap cleanup EXIT
fail() { echo "failover demo FAILED: $*" >&2; [ -f "$dir/app.log" ] && grep -E "^(fail|crit|warn)|Exception:" "$dir/app.log" | tail -n 20 >&2; exit 1; }
step() { echo "== $*"; }

step "primary on port $p1 (1. Primary)"
pg initdb -D "$dir/a" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
cat >>"$dir/a/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
wal_level = replica
max_wal_senders = 10
max_replication_slots = 10
wal_keep_size = 64MB
hot_standby = on
wal_log_hints = on
fsync = off
CONF
echo "host replication replicator 127.0.0.1/32 trust" >>"$dir/a/pg_hba.conf"
pg pg_ctl -D "$dir/a" -l "$dir/a.log" -o "-p $p1" -w start >/dev/null
sql "$p1" "CREATE ROLE replicator WITH REPLICATION LOGIN; SELECT pg_create_physical_replication_slot('standby1');" >/dev/null
sql "$p1" "CREATE DATABASE hr;" >/dev/null

step "standby on port $p2 (2. Standby: pg_basebackup --slot=standby1 --write-recovery-conf)"
pg pg_basebackup -h 127.0.0.1 -p "$p1" -U replicator -D "$dir/b" --slot=standby1 --write-recovery-conf --checkpoint=fast --wal-method=stream
pg pg_ctl -D "$dir/b" -l "$dir/b.log" -o "-p $p2" -w start >/dev/null
[ "$(sql "$p2" "SELECT pg_is_in_recovery()")" = t ] || fail "the standby is not in recovery"

step "app on both hosts: Host=127.0.0.1:$p1,127.0.0.1:$p2;Target Session Attributes=primary"
export Database__Provider=Postgres DataProtection__KeysPath="$dir/keys" Demo__Enabled=true Demo__Residents=0
export ConnectionStrings__HealthRecords="Host=127.0.0.1:$p1,127.0.0.1:$p2;Target Session Attributes=primary;Database=hr;Username=postgres"
dotnet "$app" --urls "http://127.0.0.1:$web" >"$dir/app.log" 2>&1 &
app_pid=$!
url="http://127.0.0.1:$web"
for _ in $(seq 1 240); do curl -fs "$url/health/ready" >/dev/null 2>&1 && break; kill -0 "$app_pid" 2>/dev/null || fail "the app exited"; sleep 0.5; done
curl -fs "$url/health/ready" >/dev/null || fail "the app did not become ready"
jar="$dir/cookies"
curl -fs -c "$jar" -H 'Content-Type: application/json' "$url/api/auth/login" -d '{"userName":"yisheng","password":"Demo@2026"}' >/dev/null || fail "sign-in"
id_number() { node -e "const f='500104'+process.argv[1]+'$1';const w=[7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2];let s=0;for(let i=0;i<17;i++)s+=f[i]*w[i];console.log(f+'10X98765432'[s%11])" "$2"; }
create() {
  local body
  body=$(curl -s -b "$jar" -H 'Content-Type: application/json' "$url/api/residents" -d "{\"villageCode\":\"500104103203\",\"confirmNotDuplicate\":true,\"info\":{\"name\":\"$1\",\"sex\":1,\"birthDate\":\"1960-01-0$2\",\"idDocumentType\":1,\"idNumber\":\"$(id_number 0${2}1 1960010$2)\",\"residenceType\":1},\"cover\":{\"currentAddress\":\"跳磴镇石林村1组\",\"registeredAddress\":\"跳磴镇石林村1组\"}}")
  echo "$body" | node -e "let d='';process.stdin.on('data',c=>d+=c).on('end',()=>{try{console.log(JSON.parse(d).id ?? (()=>{throw 0})())}catch{console.error(d);process.exit(1)}})"
}
first=$(create 切换甲 1) || fail "creating a resident on the primary"
echo "resident $first created on the primary"

step "3. Failover: the primary stops hard, the standby is promoted"
pg pg_ctl -D "$dir/a" -m immediate stop >/dev/null
pg pg_ctl -D "$dir/b" -w promote >/dev/null
for _ in $(seq 1 60); do [ "$(sql "$p2" "SELECT pg_is_in_recovery()")" = f ] && break; sleep 0.5; done
[ "$(sql "$p2" "SELECT pg_is_in_recovery()")" = f ] || fail "the standby was not promoted"

step "4. The app carries on without a restart"
ok=""
for _ in $(seq 1 60); do
  if curl -fs -b "$jar" "$url/api/residents/$first" | grep -q 切换甲; then ok=1; break; fi
  sleep 0.5
done
[ -n "$ok" ] || fail "the app did not read the resident from the promoted standby"
second=$(create 切换乙 2) || fail "creating a resident after the failover"
curl -fs "$url/health/ready" >/dev/null || fail "not ready after the failover"
echo "read resident $first and created resident $second on the new primary"

step "5. The old primary becomes the new standby (slot and pg_hba rule on the new primary, pg_basebackup)"
sql "$p2" "SELECT pg_create_physical_replication_slot('standby1');" >/dev/null
echo "host replication replicator 127.0.0.1/32 trust" >>"$dir/b/pg_hba.conf"
sql "$p2" "SELECT pg_reload_conf();" >/dev/null
# The old primary stopped hard (as a lost machine would), so pg_rewind would first need a clean shutdown of it as a
# primary, which could take writes; the demo takes the other path of step 5: empty it and copy the new primary.
rm -rf "$dir/a"
pg pg_basebackup -h 127.0.0.1 -p "$p2" -U replicator -D "$dir/a" --slot=standby1 --write-recovery-conf --checkpoint=fast --wal-method=stream \
  || fail "pg_basebackup from the new primary"
pg pg_ctl -D "$dir/a" -l "$dir/a.log" -o "-p $p1" -w start >/dev/null
state=""
for _ in $(seq 1 60); do state=$(sql "$p2" "SELECT r.state FROM pg_stat_replication r JOIN pg_replication_slots s ON s.active_pid = r.pid WHERE s.slot_name = 'standby1'"); [ "$state" = streaming ] && break; sleep 0.5; done
[ "$state" = streaming ] || fail "the old primary does not stream from the new one (state '$state')"
found=""
for _ in $(seq 1 60); do found=$(DB=hr sql "$p1" "SELECT count(*) FROM \"HealthRecords\" WHERE \"Id\" = $second"); [ "$found" = 1 ] && break; sleep 0.5; done
[ "$found" = 1 ] || fail "the new standby lacks the resident created after the failover"
echo "failover demo: OK"
