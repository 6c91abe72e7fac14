#!/bin/sh
# test_install.sh — `make install DESTDIR=<fresh folder> PREFIX=...` puts the
# shared library (soname, symlinks), the static archive, infcert.pc,
# infcert.h, the man page and the Python module where they belong; a C
# program built with `pkg-config --cflags --libs infcert` against that tree
# runs and certifies sum 1/n^2 to 30 digits (checked against pi^2/6 from
# MPFR at 300 bits); a Python session with the tree on its paths does the
# same; the .so exports exactly the functions of infcert.h and imports no
# exit().  Under the sanitizer build the installed objects need the
# sanitizer runtime: not run there.
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-$ROOT/build}
if [ -n "$IC_TEST_SANITIZED" ]; then echo "ok install: not run under sanitizers"; exit 0; fi
fails=0
ok () { echo "ok install $1"; }
bad () { echo "FAIL install $1"; fails=$((fails + 1)); }
check () { name=$1; shift; if "$@" >/dev/null 2>&1; then ok "$name"; else bad "$name"; fi; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
VER=$(sed -n 's/^#define INFCERT_VERSION "\(.*\)"/\1/p' "$ROOT/src/infcert.h")
MAJOR=${VER%%.*}
PYVER=$(/usr/bin/python3 -c 'import sys; print("%d.%d" % sys.version_info[:2])')

for PREFIX in /usr/local /usr; do
  D="$tmp/stage$(echo $PREFIX | tr / _)"
  if ! make -s -C "$ROOT" install BUILD="$BUILD" DESTDIR="$D" PREFIX="$PREFIX" >"$tmp/make.log" 2>&1; then
    bad "make install PREFIX=$PREFIX: $(tail -3 "$tmp/make.log")"; continue
  fi
  P="$D$PREFIX"
  if [ "$PREFIX" = /usr ]; then SITE="$P/lib/python3/dist-packages"; else SITE="$P/lib/python$PYVER/dist-packages"; fi
  for f in bin/infcert lib/libinfcert.a "lib/libinfcert.so.$VER" lib/pkgconfig/infcert.pc include/infcert.h \
           share/man/man1/infcert.1; do
    check "$PREFIX: $f" test -f "$P/$f"
  done
  check "$PREFIX: python module in $SITE" test -f "$SITE/infcert/__init__.py"
  check "$PREFIX: libinfcert.so.$MAJOR -> libinfcert.so.$VER" test "$(readlink "$P/lib/libinfcert.so.$MAJOR")" = "libinfcert.so.$VER"
  check "$PREFIX: libinfcert.so -> libinfcert.so.$MAJOR" test "$(readlink "$P/lib/libinfcert.so")" = "libinfcert.so.$MAJOR"
  check "$PREFIX: nothing outside DESTDIR" test -z "$(find "$D" -mindepth 1 -maxdepth 1 ! -name "$(echo $PREFIX | cut -d/ -f2)")"
  check "$PREFIX: infcert.pc libdir" grep -qx "libdir=$PREFIX/lib" "$P/lib/pkgconfig/infcert.pc"
  check "$PREFIX: _install.py names the library folder" grep -q "LIBDIR = '$PREFIX/lib'" "$SITE/infcert/_install.py"
done

P="$tmp/stage_usr_local/usr/local"
SO="$P/lib/libinfcert.so.$VER"
check "soname is libinfcert.so.$MAJOR" sh -c "readelf -d '$SO' | grep -q 'SONAME.*\[libinfcert.so.$MAJOR\]'"

# exported symbols: exactly the functions declared in infcert.h
sed -n 's/^[a-z_ ]*[ *]\(ic_[a-z_0-9]*\) (.*/\1/p' "$ROOT/src/infcert.h" | sort -u > "$tmp/header"
nm -D --defined-only "$SO" | awk '$2 == "T" {print $3}' | sed 's/@.*//' | sort -u > "$tmp/exported"
if [ -s "$tmp/header" ] && cmp -s "$tmp/header" "$tmp/exported"; then ok "exports = infcert.h ($(wc -l < "$tmp/header") functions)"
else bad "exports differ from infcert.h: $(diff "$tmp/header" "$tmp/exported" | grep '^[<>]' | tr '\n' ' ')"; fi
if nm -D --undefined-only "$SO" | grep -qw 'exit'; then bad "the .so imports exit()"; else ok "the .so never calls exit()"; fi

# a C program through pkg-config, against the staged tree
cat > "$tmp/prog.c" <<'CEOF'
#include <stdio.h>
#include <stdlib.h>
#include <infcert.h>
int main (void)
{
  ic_error err;
  ic_node *e = ic_term_parse ("1/n^2", &err);
  if (!e) { printf ("parse: %s\n", err.msg); return 1; }
  ic_options opt; ic_options_default (&opt); opt.digits = 30;
  ic_result r; ic_result_init (&r);
  if (ic_certify (&r, IC_KIND_SUM, e, &opt, &err) != IC_OK) { printf ("certify: %s\n", err.msg); return 1; }
  mpfr_t z; mpfr_init2 (z, 300);
  mpfr_const_pi (z, MPFR_RNDN); mpfr_sqr (z, z, MPFR_RNDN); mpfr_div_ui (z, z, 6, MPFR_RNDN);
  /* pi^2/6 within 2^-290 of z: the enclosure (30 digits) must hold it with room */
  int in = r.has_limit && mpfr_cmp (r.lo, z) < 0 && mpfr_cmp (z, r.hi) < 0;
  printf ("%s %ld %s\n", ic_verdict_name (r.kind, r.verdict), r.digits, in ? "contains" : "MISSES");
  char *j = NULL; ic_status st = ic_certify_json ("prod", "1 - 1/n^2", 2, 20, 0, 0, &j);
  printf ("%d %s\n", (int) st, j ? "json" : "null");
  ic_free (j);
  mpfr_clear (z); ic_result_clear (&r); ic_node_free (e);
  return 0;
}
CEOF
export PKG_CONFIG_PATH="$P/lib/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$tmp/stage_usr_local"
flags=$(pkg-config --cflags --libs infcert 2>"$tmp/pc.err")
check "pkg-config --cflags --libs infcert" test -n "$flags"
check "pkg-config --modversion = $VER" test "$(pkg-config --modversion infcert)" = "$VER"
if cc -o "$tmp/prog" "$tmp/prog.c" $flags 2>"$tmp/cc.err"; then
  ok "a C program compiles and links with pkg-config's flags"
  out=$(LD_LIBRARY_PATH="$P/lib" "$tmp/prog")
  check "the program uses the installed .so" sh -c "LD_LIBRARY_PATH='$P/lib' ldd '$tmp/prog' | grep -q '$P/lib/libinfcert.so.$MAJOR'"
  case "$out" in
    "converges "[3-9][0-9]" contains"*) ok "C: sum 1/n^2 to 30 digits contains pi^2/6 ($(echo "$out" | head -1))" ;;
    *) bad "C: sum 1/n^2: $out" ;;
  esac
  case "$out" in *"0 json"*) ok "C: ic_certify_json" ;; *) bad "C: ic_certify_json: $out" ;; esac
else
  bad "compile with pkg-config flags: $(head -5 "$tmp/cc.err")"
fi
unset PKG_CONFIG_PATH PKG_CONFIG_SYSROOT_DIR

# a Python session with the staged tree on its paths (no INFCERT_LIB)
out=$(env -u INFCERT_LIB PYTHONPATH="$P/lib/python$PYVER/dist-packages" LD_LIBRARY_PATH="$P/lib" /usr/bin/python3 -c '
import fractions, infcert
r = infcert.sum("1/n^2", digits=30)
# pi^2/6 to 40 digits (a published constant, independent of infcert)
z = fractions.Fraction("1.644934066848226436472415166646025189218949901206")
print(infcert.__file__)
print(r.verdict, r.digits >= 30, z in r.limit)
' 2>&1)
case "$out" in
  "$P/lib/python$PYVER/dist-packages/infcert/__init__.py"*"converges True True"*) ok "Python: the installed module certifies sum 1/n^2 to 30 digits" ;;
  *) bad "Python: $out" ;;
esac
[ $fails -eq 0 ]
