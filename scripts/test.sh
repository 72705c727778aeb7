#!/usr/bin/env bash
# Runs every test: the pages' JavaScript unit tests (node --test), .NET unit tests, and integration and browser tests
# that start the real AppHost (local PostgreSQL, Redis and coturn) and drive Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/prerequisites.sh

node --test tests/Escalation.Web.Tests.js/*.test.mjs
dotnet build VideoEngager.sln -nologo -clp:ErrorsOnly
dotnet test --solution VideoEngager.sln --no-build "$@"
