#!/usr/bin/env bash
# SLA report benchmark (issue 14 item 5): a year's delivered-within report of one flow with --messages of history (default
# 400,000, among --flows K flows with as many each, default 3), computed per message in C# as before and per local day in PostgreSQL as now, alternately on the same database
# (the host's embedded PostgreSQL), with the figures checked equal, the new statement's plan, and GET /api/sla over HTTP.
# Usage: bench/run-sla-report-bench.sh [--messages N] [--flows K] [--rounds N] [--timeout-minutes M] [--host-dll PATH]
set -euo pipefail
cd "$(dirname "$0")/.."
# Builds the benchmark and, through its project reference, the host (both Release).
dotnet build -c Release tests/IntegrationHub.Benchmarks/IntegrationHub.Benchmarks.csproj
dotnet run -c Release --no-build --project tests/IntegrationHub.Benchmarks -- sla-report "$@"
