#!/usr/bin/env bash
# Installs what the app and its tests need beyond the .NET SDK, only when missing:
# PostgreSQL and Redis server binaries (Debian packages; run as local processes by the AppHost when no container
# runtime answers), coturn (the video room's TURN relay, also a local process), Chromium with fonts for Arabic (the
# browser tests drive it), Node.js (runs the pages' JavaScript unit tests), and the repository's dotnet tools (smtp4dev, dotnet-ef).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
compgen -G "/usr/lib/postgresql/*/bin/postgres" >/dev/null || missing+=(postgresql)
command -v redis-server >/dev/null || missing+=(redis-server)
command -v setpriv >/dev/null || missing+=(util-linux)
command -v turnserver >/dev/null || missing+=(coturn)
command -v chromium >/dev/null || missing+=(chromium)
command -v node >/dev/null || missing+=(nodejs)
[ -d /usr/share/fonts/truetype/noto ] || missing+=(fonts-noto-core)

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} ..."
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  # The packages' own services are not used: the AppHost starts throw-away servers on its own ports.
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

dotnet tool restore >/dev/null
