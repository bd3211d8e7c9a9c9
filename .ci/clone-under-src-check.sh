#!/usr/bin/env bash
# The build settings meant for this repository's own src/ (warnings as errors, the extended analyzer rules)
# must not leak to its tests and samples when the clone itself lies under a folder named src/ (a user's
# ~/src/FtpReplyAnalyzers). This clones the committed HEAD into a fresh temp folder whose path contains
# /src/, and there:
#   1. builds the solution (analyzers, code fixes, package, tests, benchmarks, both samples);
#   2. checks which projects get the settings: the ones under the clone's src/, and only those;
#   3. runs the meta tests (FtpReplyAnalyzers.Tests.Meta) but their three sweeps.
# Why not the whole suite: the settings are decided when MSBuild evaluates the projects, so a leak shows in
# steps 1 and 2 (RS1035 in the tests and the benchmarks, the sample's FTPR warnings as errors; step 2 also sees
# the settings lost from src/). What the rule tests check does not depend on where the clone lies, and .ci/run
# has already run the whole suite in the repository. The meta tests are the ones that find the repository's
# files (samples, docs, README, release tracking) from their output folder: they prove the clone's build runs
# from there too. Their sweeps (RobustnessTests' 500 mutants, FixSweepTests, RuleIndependenceTests) find their files
# the same way and took most of five minutes of the namespace's run on the shared 2-core machine; without them
# this step took 104 s there (234 s while other builds ran), most of it the clone's first build.
# Fails with a message naming the step.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d)
[[ -n "${KEEP_WORK:-}" ]] || trap 'rm -rf "$work"' EXIT
clone="$work/src/FtpReplyAnalyzers"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

fail() { echo "clone-under-src-check: FAILED: $*" >&2; exit 1; }
step() { echo "clone-under-src-check: $*"; }
started=$(date +%s)

head=$(git -C "$repo" rev-parse HEAD)
step "clone $head into $clone"
mkdir -p "$work/src"
git clone -q --no-checkout "$repo" "$clone" || fail "git clone of $repo"
git -C "$clone" -c advice.detachedHead=false checkout -q --detach "$head" || fail "checkout of $head"
cd "$clone"

step "dotnet build FtpReplyAnalyzers.sln"
if ! dotnet build FtpReplyAnalyzers.sln -nologo -v:q > "$work/build.log" 2>&1; then
  grep -E ': error [A-Z]+[0-9]+' "$work/build.log" | sort -u > "$work/errors.txt" || true
  if [[ -s "$work/errors.txt" ]]; then
    head -10 "$work/errors.txt" >&2
    echo "errors by project and id:" >&2
    sed -E 's/.*: error ([A-Z]+[0-9]+):.*\[(.*)\]$/  \2 \1/' "$work/errors.txt" | sed "s#$clone/##" | sort | uniq -c >&2
  else
    tail -40 "$work/build.log" >&2
  fi
  fail "the solution does not build in a clone under $work/src/ (settings meant for the repository's src/ reach other projects?)"
fi

step "only the projects under the clone's src/ treat warnings as errors and enforce the extended analyzer rules"
for project in $(git ls-files '*.csproj'); do
  settings=$(dotnet msbuild "$project" -getProperty:TreatWarningsAsErrors -getProperty:EnforceExtendedAnalyzerRules | tr -d ' \n') \
    || fail "evaluation of $project"
  case "$project" in
    src/*) want='{"Properties":{"TreatWarningsAsErrors":"true","EnforceExtendedAnalyzerRules":"true"}}' ;;
    *) want='' ;;
  esac
  if [[ -n "$want" && "$settings" != "$want" ]]; then
    fail "$project lies under src/ but does not get the settings: $settings"
  fi
  if [[ -z "$want" && ( "$settings" == *'"TreatWarningsAsErrors":"true"'* || "$settings" == *'"EnforceExtendedAnalyzerRules":"true"'* ) ]]; then
    fail "$project lies outside the repository's src/ but gets its settings (the clone's path contains /src/): $settings"
  fi
done

step "dotnet test (FtpReplyAnalyzers.Tests.Meta but the sweeps)"
if ! dotnet test tests/FtpReplyAnalyzers.Tests/FtpReplyAnalyzers.Tests.csproj --no-build -nologo -v:q \
    --filter 'FullyQualifiedName~FtpReplyAnalyzers.Tests.Meta.&FullyQualifiedName!~.RobustnessTests.&FullyQualifiedName!~.FixSweepTests.&FullyQualifiedName!~.RuleIndependenceTests.' > "$work/test.log" 2>&1; then
  tail -60 "$work/test.log" >&2
  fail "the meta tests fail in a clone under $work/src/"
fi
grep -E '^(Passed!|Failed!)' "$work/test.log" || true

step "OK in $(( $(date +%s) - started ))s"
