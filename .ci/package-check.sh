#!/usr/bin/env bash
# Packs FtpReplyAnalyzers and installs it into a fresh project outside the repo, from a local folder
# source with its own package cache, as a user would; then checks what the user sees:
#   1. dotnet build prints the FTPR warnings with their ids and help links;
#   2. -p:ErrorLog writes a SARIF file listing the rules with their help URIs;
#   3. dotnet format applies the code fixes;
#   4. .editorconfig severities apply (error fails the build, none silences);
#   5. afterwards the project builds with no FTPR warning and no error.
# Fails loudly on any step.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d)
[[ -n "${KEEP_WORK:-}" ]] || trap 'rm -rf "$work"' EXIT; echo "work: $work"
version="0.0.0-check.$(date +%s)"
export NUGET_PACKAGES="$work/packages"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

fail() { echo "package-check: FAILED: $*" >&2; exit 1; }
step() { echo "package-check: $*"; }
started=$(date +%s)

step "pack $version"
dotnet pack "$repo/src/FtpReplyAnalyzers.Package/FtpReplyAnalyzers.Package.csproj" -c Release -o "$work/feed" -p:Version="$version" -nologo -v:q \
  || fail "dotnet pack"
[[ -f "$work/feed/FtpReplyAnalyzers.$version.nupkg" ]] || fail "no FtpReplyAnalyzers.$version.nupkg"
# The listing goes to a file first: `unzip -l | grep -q` under pipefail fails at random when grep
# exits on its first match while unzip is still writing (SIGPIPE).
unzip -l "$work/feed/FtpReplyAnalyzers.$version.nupkg" > "$work/package-files.txt" || fail "unzip -l"
grep -qF "analyzers/dotnet/cs/FtpReplyAnalyzers.dll" "$work/package-files.txt" || { cat "$work/package-files.txt"; fail "analyzer dll not under analyzers/dotnet/cs"; }
grep -qF "analyzers/dotnet/cs/FtpReplyAnalyzers.CodeFixes.dll" "$work/package-files.txt" || { cat "$work/package-files.txt"; fail "code-fix dll not under analyzers/dotnet/cs"; }

step "create a fresh project that installs the package from a local folder"
app="$work/app"
mkdir -p "$app"
cat > "$app/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$work/feed" />
  </packageSources>
</configuration>
XML
cat > "$app/UserApp.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <NoWarn>\$(NoWarn);SYSLIB0014</NoWarn>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="FtpReplyAnalyzers" Version="$version" PrivateAssets="all" />
  </ItemGroup>
</Project>
XML
cp "$repo/samples/FtpClientSample/"*.cs "$app/"
# A user's build does not see the repo's Directory.Build.props: the project lives outside it.

step "build: the FTPR warnings appear with their help links"
dotnet build "$app/UserApp.csproj" -nologo -p:ErrorLog="$work/app.sarif%2Cversion=2.1" > "$work/build1.log" 2>&1 || { cat "$work/build1.log"; fail "first build"; }
grep -E "warning FTPR0001: .*\(https://[^)]*/docs/rules/FTPR0001.md\)" "$work/build1.log" > /dev/null || { cat "$work/build1.log"; fail "no FTPR0001 warning with help link"; }
for id in FTPR0002 FTPR0003 FTPR0005 FTPR0006; do
  grep -E "warning $id: .*\(https://[^)]*/docs/rules/$id.md\)" "$work/build1.log" > /dev/null || { cat "$work/build1.log"; fail "no $id warning with help link"; }
done
count=$(grep -oE "[A-Za-z]+\.cs\([0-9]+,[0-9]+\): warning FTPR000[0-9]" "$work/build1.log" | sort -u | wc -l)
step "  $count distinct FTPR warnings"

step "SARIF lists the rules with their help URIs"
[[ -s "$work/app.sarif" ]] || fail "no SARIF file"
for id in FTPR0001 FTPR0002 FTPR0003 FTPR0005 FTPR0006; do
  grep -q "\"id\": \"$id\"" "$work/app.sarif" || fail "SARIF has no rule $id"
  grep -q "docs/rules/$id.md" "$work/app.sarif" || fail "SARIF has no help URI for $id"
done

step ".editorconfig severity: FTPR0002 raised to error fails the build"
printf 'root = true\n\n[*.cs]\ndotnet_diagnostic.FTPR0002.severity = error\ndotnet_diagnostic.FTPR0001.severity = none\n' > "$app/.editorconfig"
if dotnet build "$app/UserApp.csproj" -nologo --no-incremental > "$work/build-severity.log" 2>&1; then
  fail "the build passed with FTPR0002 as an error"
fi
grep -qE "error FTPR0002" "$work/build-severity.log" || { cat "$work/build-severity.log"; fail "no error FTPR0002"; }
if grep -qE "(warning|error) FTPR0001" "$work/build-severity.log"; then fail "FTPR0001 reported with severity none"; fi
rm "$app/.editorconfig"

step "dotnet format applies the fixes"
# TransferMonitor.cs holds the mistakes no fix can settle (FTPR0004, FTPR0007): it showed in the first build
# and is left out of the fix-and-rebuild steps.
grep -qE "warning FTPR0004" "$work/build1.log" && grep -qE "warning FTPR0007" "$work/build1.log" || fail "no FTPR0004/FTPR0007 in the first build"
mv "$app/TransferMonitor.cs" "$work/TransferMonitor.cs.manual"
fixable="FTPR0001 FTPR0002 FTPR0003 FTPR0005 FTPR0006 FTPR0008"
dotnet format analyzers "$app/UserApp.csproj" --diagnostics $fixable --severity info -v:q > "$work/format.log" 2>&1 || { cat "$work/format.log"; fail "dotnet format"; }
# What is left: exactly the FTPR0001 that gets no fix (below); dotnet format lists it and exits 2 for it.
dotnet format analyzers "$app/UserApp.csproj" --diagnostics $fixable --severity info --verify-no-changes -v:n > "$work/verify.log" 2>&1 || true
left=$( { grep -oE "[A-Za-z]+\.cs\([0-9]+,[0-9]+\): warning FTPR[0-9]+" "$work/verify.log" || true; } | sed -E 's/\([0-9]+,[0-9]+\)//' | sort -u | tr '\n' ' ')
[[ "$left" == "FtpControlConnection.cs: warning FTPR0001 " ]] || { cat "$work/verify.log"; fail "dotnet format left FTPR diagnostics behind: $left"; }

step "the fixed project builds, with no FTPR warning but the FTPR0001 that gets no fix"
dotnet build "$app/UserApp.csproj" -nologo --no-incremental > "$work/build2.log" 2>&1 || { cat "$work/build2.log"; fail "build after the fixes"; }
# No retry can recover there (docs/rules/FTPR0001.md, "Where the fix is not offered"): FtpControlConnection.RetrieveAsync
# sends RETR on a data connection set up elsewhere; a second RETR alone would wait for data that never comes.
remaining=$( { grep -oE "[A-Za-z]+\.cs\([0-9]+,[0-9]+\): warning FTPR[0-9]+" "$work/build2.log" || true; } | sed -E 's/\([0-9]+,[0-9]+\)//' | sort -u | tr '\n' ' ')
[[ "$remaining" == "FtpControlConnection.cs: warning FTPR0001 " ]] || { grep -E "warning FTPR" "$work/build2.log"; fail "FTPR warnings after the fixes: $remaining"; }
grep -q "0 Error(s)" "$work/build2.log" || fail "errors after the fixes"

step "passed in $(( $(date +%s) - started )) s"
