#!/bin/sh
# Installs the Debian 12 packages infcert needs to build, test, verify,
# benchmark and render its report.  Run as root (CI does); idempotent.
#   sh tools/install-deps.sh           install what is missing (root)
#   sh tools/install-deps.sh --check   list what is missing; status 1 if any
# (INSTALL_DEPS_PKGS replaces the package list: the tests use it)
# `make`, `make check` and `make report` run it once (stamp file
# build/.deps-ok): as root they install what is missing, otherwise they
# print the one command to run.
set -eu
PKGS="${INSTALL_DEPS_PKGS:-build-essential libgmp-dev libmpfr-dev pkgconf
      frama-c-base why3 z3 cvc4 cvc5
      sphinxbase-utils pocketsphinx-testdata pocketsphinx-en-us
      chromium
      pari-gp python3 python3-mpmath libflint-arb-dev hyperfine
      clang libclang-rt-14-dev valgrind}"
missing () {
  for p in $PKGS; do
    dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' || echo "$p"
  done
}
if [ "${1:-}" = --check ]; then
  if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "install-deps: not a Debian system (no dpkg-query): packages not checked" >&2
    exit 0
  fi
  m=$(missing | tr '\n' ' ')
  [ -z "$m" ] && exit 0
  echo "$m"
  exit 1
fi
if [ "$(id -u)" != 0 ]; then
  echo "install-deps: run as root (or: sudo $0)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $PKGS
