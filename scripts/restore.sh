#!/usr/bin/env bash
# Restores a backup made by scripts/backup.sh; stop the app first (docs/operations.md).
# Usage: scripts/restore.sh <file> [--Database:Provider=Postgres ...]
# Configuration as for the app (environment: Database__Provider, ConnectionStrings__HealthRecords).
# HR_APP: the host's DLL (default: a publish in /opt/healthrecords, else this checkout's Release build).
set -euo pipefail
[ $# -ge 1 ] || { echo "Usage: $0 <file> [configuration arguments]" >&2; exit 2; }
here=$(cd "$(dirname "$0")/.." && pwd)
app=${HR_APP:-}
if [ -z "$app" ]; then
  if [ -f /opt/healthrecords/HealthRecords.Web.dll ]; then app=/opt/healthrecords/HealthRecords.Web.dll
  else app="$here/src/HealthRecords.Web/bin/Release/net10.0/HealthRecords.Web.dll"; fi
fi
file=$1; shift
exec dotnet "$app" restore --from "$file" "$@"
