#!/usr/bin/env bash
# Dossiers and progress iGate -> National Portal through the hub (a child process), then the baseline: the same with
# one Hangfire job per message (Hub:Delivery:JobPerMessage), on --baseline-changes progress entries; prints both and the ratio.
# Usage: bench/run-dossiers-bench.sh [--changes N] [--baseline-changes N] [--skip-baseline] [--timeout-minutes M] [--host-dll PATH]
set -euo pipefail
cd "$(dirname "$0")/.."
# Builds the benchmark and, through its project reference, the host (both Release).
dotnet build -c Release tests/IntegrationHub.Benchmarks/IntegrationHub.Benchmarks.csproj
dotnet run -c Release --no-build --project tests/IntegrationHub.Benchmarks -- dossiers "$@"
