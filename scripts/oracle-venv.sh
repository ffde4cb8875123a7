#!/usr/bin/env bash
# Makes .cache/oracle-venv, a Python virtual environment holding the reference MS-DRG grouper (msdrg==1.2.0), used
# by the grouper's agreement tests and benchmark only. Idempotent: does nothing when the environment is ready.
# Needs python3 (3.11 or later) and pip's package index; the wheel is cached in .cache/oracle.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=.cache/oracle-venv
if [ -x "$VENV/bin/python" ] && "$VENV/bin/python" -c "import msdrg" 2>/dev/null; then
  exit 0
fi
mkdir -p .cache/oracle
ls .cache/oracle/msdrg-1.2.0-*.whl >/dev/null 2>&1 || python3 -m pip download --no-deps -q -d .cache/oracle msdrg==1.2.0
python3 -m venv "$VENV"
"$VENV/bin/pip" install -q --no-deps .cache/oracle/msdrg-1.2.0-*.whl
"$VENV/bin/python" -c "import msdrg" >/dev/null
echo "oracle environment ready: $VENV" >&2
