#!/usr/bin/env bash
# Installs the system packages the build needs (GSL and pkg-config), only when
# they are missing. Safe to run repeatedly; needs root (or sudo) only when it
# actually has to install something.
set -euo pipefail

missing=()
if ! command -v pkg-config >/dev/null 2>&1; then missing+=(pkg-config); fi
if ! pkg-config --exists gsl 2>/dev/null; then missing+=(libgsl-dev); fi

if ((${#missing[@]} == 0)); then
  exit 0
fi

echo "ensure-deps: installing ${missing[*]}" >&2
if [[ $(id -u) -eq 0 ]]; then
  apt_get=(apt-get)
elif command -v sudo >/dev/null 2>&1; then
  apt_get=(sudo apt-get)
else
  echo "ensure-deps: need root or sudo to install ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${apt_get[@]}" update -qq
"${apt_get[@]}" install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
pkg-config --exists gsl || { echo "ensure-deps: gsl still not found by pkg-config" >&2; exit 1; }
