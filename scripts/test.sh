#!/usr/bin/env bash
# Runs every test: unit tests, and integration tests that start the real AppHost (local PostgreSQL and Redis).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/prerequisites.sh

dotnet build VideoEngager.sln -nologo -clp:ErrorsOnly
dotnet test --solution VideoEngager.sln --no-build "$@"
