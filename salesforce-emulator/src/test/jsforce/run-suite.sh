#!/usr/bin/env bash
# Runs the jsforce suite against the emulator jar given as $1. Called by Maven in the integration-test phase.
# A developer machine without Node still builds: the suite is then reported loudly as not run.
set -euo pipefail
case "$0" in */*) cd "${0%/*}" ;; esac
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "=================================================================="
  echo "jsforce suite NOT RUN: node not found"
  echo "=================================================================="
  exit 0
fi
export EMULATOR_JAR="${1:?path to salesforce-emulator.jar}"
if [ ! -d node_modules/jsforce ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
node --test --test-reporter=spec test/
