#!/bin/sh
# Installs the Debian 12 packages infcert needs to build, test, verify,
# benchmark and render its report.  Run as root (CI does); idempotent.
set -eu
PKGS="build-essential libgmp-dev libmpfr-dev
      frama-c-base why3 z3 cvc4 cvc5
      sphinxbase-utils pocketsphinx-testdata
      chromium
      pari-gp python3-mpmath hyperfine
      clang libclang-rt-14-dev valgrind"
if [ "$(id -u)" != 0 ]; then
  echo "install-deps: run as root (or: sudo $0)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $PKGS
