#!/usr/bin/env bash
# Procedures National Portal -> iGate: connectors alone (baseline), then the hub end to end as a child process.
# Usage: bench/run-procedures-bench.sh [--procedures N] [--skip-baseline] [--timeout-minutes M] [--host-dll PATH]
set -euo pipefail
cd "$(dirname "$0")/.."
# Builds the benchmark and, through its project reference, the host (both Release).
dotnet build -c Release tests/IntegrationHub.Benchmarks/IntegrationHub.Benchmarks.csproj
dotnet run -c Release --no-build --project tests/IntegrationHub.Benchmarks -- "$@"
