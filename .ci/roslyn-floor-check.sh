#!/usr/bin/env bash
# The declared Roslyn floor is 4.8 (.NET 8 SDK, Visual Studio 2022 17.8). This packs the package and, in a host that
# runs Roslyn 4.8 itself (tools/FtpReplyAnalyzers.RoslynFloor: Microsoft.CodeAnalysis.CSharp.Workspaces 4.8.0), loads
# the package's two DLLs from analyzers/dotnet/cs as the compiler and an IDE do, and checks:
#   1. neither references a Microsoft.CodeAnalysis newer than 4.8 (the compiler would drop it: CS9057) nor a
#      System.Composition newer than 4.8's 7.0 (the fixes would not load);
#   2. each carries its PDB, with deterministic source paths (/_/...);
#   3. the analyzers report on samples/FtpClientSample exactly the sample's diagnostics, plus FTPR0009 for an option
#      value they cannot use;
#   4. the code fixes, found and created as hosts do, fix each diagnostic they can: every fixed project compiles and
#      has one diagnostic fewer of that id.
# (No older compiler binary than the SDK's own is served here: the Microsoft.Net.Compilers.Toolset package starts at
# 4.14. Roslyn 4.8's libraries are, and they are what a 4.8 compiler or IDE runs the analyzers in.)
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d)
[[ -n "${KEEP_WORK:-}" ]] || trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
started=$(date +%s)
echo "roslyn-floor-check: pack"
dotnet pack "$repo/src/FtpReplyAnalyzers.Package/FtpReplyAnalyzers.Package.csproj" -c Release -o "$work/feed" -p:Version=0.0.0-floor -nologo -v:q \
  || { echo "roslyn-floor-check: FAILED: dotnet pack" >&2; exit 1; }
(cd "$work" && mkdir package && cd package && unzip -q "$work/feed/FtpReplyAnalyzers.0.0.0-floor.nupkg")
printf 'root = true\n\n[*.cs]\ndotnet_diagnostic.FTPR0001.max_retries = 0\n' > "$work/floor.editorconfig"

echo "roslyn-floor-check: load and run on Roslyn 4.8"
dotnet run --project "$repo/tools/FtpReplyAnalyzers.RoslynFloor" -c Release -- \
  --analyzers "$work/package/analyzers/dotnet/cs" --sources "$repo/samples/FtpClientSample" --editorconfig "$work/floor.editorconfig" --pdb \
  --expect FTPR0001=3 --expect FTPR0002=3 --expect FTPR0003=1 --expect FTPR0004=1 --expect FTPR0005=1 --expect FTPR0006=1 --expect FTPR0007=1 \
  --expect FTPR0009=1 --min-fixes 9
echo "roslyn-floor-check: passed in $(( $(date +%s) - started )) s"
