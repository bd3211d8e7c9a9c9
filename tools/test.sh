#!/usr/bin/env bash
# The repository's test command: every test project of FtpReplyAnalyzers.sln, the end-to-end tests of the code fixes
# among them. Those run the fixed code against a real FTP server on loopback (pyftpdlib, Debian's python3-pyftpdlib,
# run with /usr/bin/python3); this script installs the package when it is missing and says so. Extra arguments go to
# `dotnet test` (for example --filter "FullyQualifiedName~FixRecoveryTests").
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

python=/usr/bin/python3
if ! "$python" -c "import pyftpdlib" 2>/dev/null; then
    echo "test.sh: pyftpdlib is missing for $python (the end-to-end tests' FTP server needs it): installing python3-pyftpdlib with apt-get."
    if [[ $(id -u) -eq 0 ]]; then
        sudo=()
    elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
        sudo=(sudo -n)
    else
        echo "test.sh: cannot install it without root. Install it, then run this again: sudo apt-get install -y python3-pyftpdlib" >&2
        exit 1
    fi
    if ! command -v apt-get >/dev/null; then
        echo "test.sh: apt-get not found. Install pyftpdlib for $python (Debian and Ubuntu: python3-pyftpdlib), then run this again." >&2
        exit 1
    fi
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq python3-pyftpdlib
    "$python" -c "import pyftpdlib" || { echo "test.sh: python3-pyftpdlib was installed but $python still cannot import pyftpdlib." >&2; exit 1; }
    echo "test.sh: python3-pyftpdlib installed."
fi

# A line per finished test project (and per failed test, with its message).
dotnet test FtpReplyAnalyzers.sln --logger "console;verbosity=minimal" "$@"
