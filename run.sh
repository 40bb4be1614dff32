#!/usr/bin/env bash
# Starts the system on its embedded default: SQLite in ./data, the demo county 重庆市大渡口区 with
# synthetic residents, and one demo sign-in per role (printed at start).
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build HealthRecords.slnx -c Release -v quiet -nologo
cd src/HealthRecords.Web
root=$(cd ../.. && pwd)
export ConnectionStrings__HealthRecords="${HR_SQLITE:-Data Source=$root/data/healthrecords.db}"
exec dotnet bin/Release/net10.0/HealthRecords.Web.dll --urls "${HR_URLS:-http://127.0.0.1:5080}" \
  --Demo:Enabled=true --Demo:Residents="${HR_DEMO_RESIDENTS:-3000}" "$@"
