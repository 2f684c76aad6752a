#!/usr/bin/env bash
# Personal data at rest benchmark (issue 15 item 5): realistic iGate dossier payloads through PersonalDataPayloads.Protect
# then Unprotect (AES-256-GCM per personal id) against the same payloads' JSON parse and serialise without encryption,
# in alternating rounds of one run, as a ratio; every payload checked to read back as it was. No database, no network.
# Usage: bench/run-encryption-bench.sh [--dossiers N] [--rounds N] [--timeout-minutes M]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build -c Release tests/IntegrationHub.Benchmarks/IntegrationHub.Benchmarks.csproj
dotnet run -c Release --no-build --project tests/IntegrationHub.Benchmarks -- encryption "$@"
