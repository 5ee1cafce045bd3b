#!/usr/bin/env bash
# Runs every test of the shop. Installs what the tests need when it is missing (Debian's Chromium for the
# browser tests), then runs `dotnet test` and ends with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"

if ! command -v chromium >/dev/null 2>&1 && [ ! -x /usr/bin/chromium ]; then
    echo "Installing Debian's chromium for the browser tests..."
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null \
        || { echo "could not install chromium" >&2; exit 1; }
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
dotnet test Shop.sln --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}

# At minimal verbosity dotnet test closes with "Passed!  - Failed: 0, Passed: N, ..." per assembly; at normal
# verbosity (used above) with a "Total tests: N" block holding "Passed: N" / "Failed: N" lines. Add up either.
awk '/^(Passed|Failed)!/ { for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1) + 0; if ($i == "Passed:") p += $(i+1) + 0 }; summary = 1; next }
     /^Total tests:/ { block = 1; next }
     block && /^[[:space:]]+Passed:/ { bp += $2 }
     block && /^[[:space:]]+Failed:/ { bf += $2 }
     block && /Total time:/ { block = 0 }
     END { if (!summary) { p = bp; f = bf }; printf "%d passed, %d failed\n", p, f }' "$log"
exit "$rc"
