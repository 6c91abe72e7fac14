#!/bin/sh
# test_deps.sh — the two-command start: `make` (and so `make check`,
# `make report`) checks the Debian packages once per build folder; with a
# package missing, a user who is not root gets the one command to run and
# a non-zero status, and no stamp; with nothing missing the stamp is made.
ROOT=$(cd "$(dirname "$0")/.." && pwd)
fails=0
ok () { echo "ok deps $1"; }
bad () { echo "FAIL deps $1"; fails=$((fails + 1)); }
if sh "$ROOT/tools/install-deps.sh" --check >/dev/null; then ok "every package of tools/install-deps.sh is installed"
else bad "missing packages: $(sh "$ROOT/tools/install-deps.sh" --check)"; fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
chmod 777 "$tmp"
# as a user who is not root (nobody, when the test runs as root)
asuser () { if [ "$(id -u)" = 0 ]; then setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; else "$@"; fi; }
out=$(cd "$ROOT" && INSTALL_DEPS_PKGS="no-such-package-infcert" asuser make -s BUILD="$tmp/b" "$tmp/b/.deps-ok" 2>&1); rc=$?
[ $rc -ne 0 ] && ok "a missing package stops make (status $rc)" || bad "a missing package: make exited 0"
case "$out" in
  *"missing Debian packages: no-such-package-infcert"*"sudo sh tools/install-deps.sh"*) ok "the message names the package and the one command" ;;
  *) bad "message: $out" ;;
esac
[ ! -e "$tmp/b/.deps-ok" ] && ok "no stamp after a failed check" || bad "stamp made after a failed check"
out=$(cd "$ROOT" && INSTALL_DEPS_PKGS="coreutils" asuser make -s BUILD="$tmp/c" "$tmp/c/.deps-ok" 2>&1); rc=$?
[ $rc -eq 0 ] && [ -e "$tmp/c/.deps-ok" ] && ok "nothing missing: the stamp is made, silently${out:+ (said: $out)}" || bad "nothing missing: status $rc, $out"
[ $fails -eq 0 ]
