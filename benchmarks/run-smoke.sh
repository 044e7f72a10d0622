#!/usr/bin/env bash
# Quick benchmark smoke test for CI: builds the benchmark project and runs every benchmark class once in quick mode
# (--quick: Dry job, in-process, so no per-benchmark project is generated and built; the smallest size only). The point
# is not the timings but that every benchmark runs and that the ways being compared agree (hand-written, engine and
# RulesEngine on their failure counts, the report writers on their finding counts: each GlobalSetup throws otherwise).
# Exits non-zero if anything failed. Extra arguments go to BenchmarkDotNet.
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

dotnet run -c Release --project benchmarks/Procurement.Rules.Benchmarks -- \
  --quick --filter '*' \
  --artifacts benchmarks/BenchmarkDotNet.Artifacts "$@"
