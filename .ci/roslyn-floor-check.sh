#!/usr/bin/env bash
# The declared Roslyn floor is 4.8 (.NET 8 SDK, Visual Studio 2022 17.8). This packs the package and, in a host that
# runs Roslyn 4.8 itself (tools/FtpReplyAnalyzers.RoslynFloor: Microsoft.CodeAnalysis.CSharp.Workspaces 4.8.0), loads
# the package's two DLLs from analyzers/dotnet/cs as the compiler and an IDE do, and checks:
#   1. neither references a Microsoft.CodeAnalysis newer than 4.8 (the compiler would drop it: CS9057) nor a
#      System.Composition newer than 4.8's 7.0 (the fixes would not load);
#   2. each carries its PDB, with deterministic source paths (/_/...);
#   3. the analyzers report on samples/FtpClientSample exactly the sample's judged diagnostics (samples.verdicts.tsv),
#      plus FTPR0009 for an option value they cannot use;
#   4. the code fixes, found and created as hosts do, fix each diagnostic they can: every fixed project compiles and
#      has one diagnostic fewer of that id.
# Then the oldest compiler binary the package source serves, csc 4.14 from Microsoft.Net.Compilers.Toolset (its 4.8 is
# not served; Roslyn 4.8's libraries are, and they are what a 4.8 compiler or IDE runs the analyzers in), run with
# `dotnet exec` over the sample with the package's analyzers: exactly the sample's judged warnings and one FTPR0009.
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

# What the sample must give: its judged diagnostics (tools/FtpReplyAnalyzers.Scan/samples.verdicts.tsv, kept with the
# sample), counted per rule, plus the one FTPR0009 for max_retries = 0. Each one of a rule with a fix gets fixed, but
# those judged no-fix.
verdicts="$repo/tools/FtpReplyAnalyzers.Scan/samples.verdicts.tsv"
expected=$( (awk -F'\t' '$3 ~ /^FtpClientSample\// { print $5 }' "$verdicts"; echo FTPR0009) | sort | uniq -c | awk '{ print $2 "=" $1 }' | tr '\n' ' ')
# (A judged diagnostic whose shape column says no-fix gets no fix by design: the fixer runs and declines.)
fixable=$(awk -F'\t' '$3 ~ /^FtpClientSample\// && $5 ~ /^FTPR000[123568]$/ && $7 != "no-fix"' "$verdicts" | wc -l)
[[ -n "$expected" && "$fixable" -gt 0 ]] || { echo "roslyn-floor-check: FAILED: no judged diagnostics for the sample in $verdicts" >&2; exit 1; }
echo "roslyn-floor-check: expected on the sample: $expected($fixable with a fix)"
expect_args=()
for pair in $expected; do expect_args+=(--expect "$pair"); done

echo "roslyn-floor-check: load and run on Roslyn 4.8"
dotnet run --project "$repo/tools/FtpReplyAnalyzers.RoslynFloor" -c Release -- \
  --analyzers "$work/package/analyzers/dotnet/cs" --sources "$repo/samples/FtpClientSample" --editorconfig "$work/floor.editorconfig" --pdb \
  "${expect_args[@]}" --min-fixes "$fixable"
echo "roslyn-floor-check: csc 4.14 (Microsoft.Net.Compilers.Toolset), the oldest compiler binary served"
mkdir -p "$work/toolset"
cat > "$work/toolset/Toolset.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
  <ItemGroup><PackageDownload Include="Microsoft.Net.Compilers.Toolset" Version="[4.14.0]" /></ItemGroup>
</Project>
XML
NUGET_PACKAGES="$work/nuget" dotnet restore "$work/toolset/Toolset.csproj" -nologo -v:q > "$work/toolset.log" 2>&1 || { cat "$work/toolset.log"; echo "roslyn-floor-check: FAILED: restore Microsoft.Net.Compilers.Toolset 4.14.0" >&2; exit 1; }
csc="$work/nuget/microsoft.net.compilers.toolset/4.14.0/tasks/netcore/bincore/csc.dll"
# The .NET 10 reference assemblies of the SDK's own targeting pack.
refs=$(ls -d "$(dirname "$(readlink -f "$(command -v dotnet)")")"/packs/Microsoft.NETCore.App.Ref/10.* | sort -V | tail -1)
{
  echo "/nologo /nostdlib+ /target:exe /langversion:12 /nullable:enable /nowarn:SYSLIB0014 /out:$work/sample414.dll"
  for r in "$refs"/ref/net10.0/*.dll; do echo "/reference:$r"; done
  echo "/analyzer:$work/package/analyzers/dotnet/cs/FtpReplyAnalyzers.dll"
  echo "/analyzer:$work/package/analyzers/dotnet/cs/FtpReplyAnalyzers.CodeFixes.dll"
  echo "/analyzerconfig:$work/floor.globalconfig"
  for f in "$repo"/samples/FtpClientSample/*.cs; do echo "$f"; done
} > "$work/csc.rsp"
# The sample lies outside $work, where an .editorconfig's [*.cs] would not reach it: a global config does.
printf 'is_global = true\ndotnet_diagnostic.FTPR0001.max_retries = 0\n' > "$work/floor.globalconfig"
dotnet exec "$csc" -version | sed 's/^/roslyn-floor-check:   csc /'
dotnet exec "$csc" @"$work/csc.rsp" > "$work/csc414.log" 2>&1 || { cat "$work/csc414.log"; echo "roslyn-floor-check: FAILED: csc 4.14" >&2; exit 1; }
if grep -E "CS9057|CS8032|AD0001" "$work/csc414.log"; then echo "roslyn-floor-check: FAILED: csc 4.14 did not load or run the analyzers" >&2; exit 1; fi
got=$(grep -oE "warning FTPR[0-9]+" "$work/csc414.log" | sort | uniq -c | awk '{print $3 "=" $1}' | tr '\n' ' ')
echo "roslyn-floor-check:   $got"
[[ "$got" == "$expected" ]] \
  || { cat "$work/csc414.log"; echo "roslyn-floor-check: FAILED: csc 4.14 reported $got" >&2; exit 1; }
echo "roslyn-floor-check: passed in $(( $(date +%s) - started )) s"
