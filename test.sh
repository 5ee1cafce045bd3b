#!/usr/bin/env bash
# Runs every test of the shop. Installs what the tests need when it is missing (Debian's Chromium for the
# browser tests, PayPal's Node SDK for the sandbox fidelity tests), then runs `dotnet test` and ends with one
# line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"

if ! command -v chromium >/dev/null 2>&1 && [ ! -x /usr/bin/chromium ]; then
    echo "Installing Debian's chromium for the browser tests..."
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null \
        || { echo "could not install chromium" >&2; exit 1; }
fi

# PayPal's official Node SDK, at the version pinned in Shop.Tests/PayPalSdk/package-lock.json, drives the
# PayPal sandbox in PayPalSdkTests (needs Node.js and npm).
if [ ! -d Shop.Tests/PayPalSdk/node_modules ]; then
    echo "Installing PayPal's Node SDK for the sandbox tests (npm ci)..."
    # Without it the other tests still run; PayPalSdkTests then fail and say what is missing.
    if ! command -v npm >/dev/null 2>&1; then
        echo "npm is missing (install Node.js 20 or later with npm): PayPalSdkTests will fail" >&2
    else
        (cd Shop.Tests/PayPalSdk && npm ci --no-audit --no-fund >/dev/null) || echo "npm ci failed in Shop.Tests/PayPalSdk: PayPalSdkTests will fail" >&2
    fi
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
dotnet test Shop.sln "$@" 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}

# dotnet test closes with "Passed!  - Failed: 0, Passed: N, ..." per test assembly (or, at normal
# verbosity, with a "Total tests / Passed: N / Failed: N" block); add them up.
awk '/^(Passed|Failed)!/ { summary = 1; for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1) + 0; if ($i == "Passed:") p += $(i+1) + 0 } }
     /^[[:space:]]+Passed: [0-9]+$/ { bp += $2 } /^[[:space:]]+Failed: [0-9]+$/ { bf += $2 }
     END { if (!summary) { p = bp; f = bf } printf "%d passed, %d failed\n", p, f }' "$log"
exit "$rc"
