#!/usr/bin/env bash
# Checks the JSON-LD of a built site with a JSON-LD processor (PyPI pyld) against
# schema.org's vocabulary (rdflib's copy), offline: .ci/jsonld-check.py says how.
# Installs both into a virtual environment the first time; the Swift test
# OpenDataTests uses the same environment.
#   .ci/jsonld-check.sh [SITE]        (default Site, built by `congkhai build`)
set -euo pipefail
cd "$(dirname "$0")/.."
site=${1:-Site}
venv=${JSONLD_VENV:-$HOME/.cache/congkhai/jsonld-venv}
if ! "$venv/bin/python" -c 'import pyld, rdflib' 2>/dev/null; then
  python3 -m venv "$venv" 2>/dev/null || { apt-get install -y -qq python3-venv >/dev/null && python3 -m venv "$venv"; }
  "$venv/bin/pip" install -q pyld rdflib
fi
"$venv/bin/python" .ci/jsonld-check.py "$site"
