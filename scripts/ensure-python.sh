#!/usr/bin/env bash
# The Python side (the Dask driver in python/, with dask[distributed] and
# pandas from PyPI, and matplotlib and nbclient for the example notebook) in a virtual environment, .venv, created and brought up
# to date only when needed. Needs python3 with venv (apt: python3-venv,
# installed if missing).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then
  sudo=""; ((EUID == 0)) || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends python3-venv >/dev/null
fi
[[ -x .venv/bin/python ]] || python3 -m venv .venv
stamp=.venv/.simrun-dask-installed
if [[ ! -f $stamp || python/pyproject.toml -nt $stamp ]]; then
  .venv/bin/pip install -q --disable-pip-version-check -e 'python/[examples]'
  touch "$stamp"
fi
