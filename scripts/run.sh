#!/usr/bin/env bash
# Runs the whole app through the AppHost: dashboard, PostgreSQL, Redis, smtp4dev, the Genesys emulator and services.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/prerequisites.sh

cat <<'INFO'
Starting VideoEngager (Ctrl+C stops everything) ...
  Dashboard        http://localhost:18888
  Public API       http://localhost:5080   (OpenAPI: /openapi/v1.json, UI: /scalar)
  Mailbox          http://localhost:5081   (smtp4dev)
  Genesys emulator http://localhost:5090
  Widget key       demo-widget-key  (tenant "demo"; header X-Tenant-Key)
  Admin key        local-admin-key  (header X-Admin-Key)
Try: curl -H 'X-Tenant-Key: demo-widget-key' 'http://localhost:5080/availability?queueId=VIP-Video-Q&days=14'
INFO
exec dotnet run --project AppHost/AppHost.csproj --launch-profile http "$@"
