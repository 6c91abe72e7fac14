#!/bin/sh
# test_cxx.sh — libinfcert from C++: tests/cxx_link.cc is compiled with
# g++ (Debian package g++, via build-essential in tools/install-deps.sh)
# and, when installed, clang++, against build/libinfcert.a, then run.  A
# failed compile is a failure: infcert.h promises extern "C" and C++
# compatibility.
BUILD=${BUILD:-build}
here=$(dirname "$0")
src=$(cd "$here/.." && pwd)/src
lib=$BUILD/libinfcert.a
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ ! -f "$lib" ]; then echo "FAIL cxx: $lib missing (make all first)"; exit 1; fi

# In the sanitized build (make check-sanitize: clang, ASan + UBSan + the
# integer sanitizer) the library needs the sanitizer runtimes: clang++ links
# them with the same flags; g++ cannot link clang's integer sanitizer, so
# only clang++ is tried there.
san=""
if [ -n "$IC_TEST_SANITIZED" ]; then san="-fsanitize=address,undefined,integer -fno-sanitize-recover=all"; fi

run_with () {
  cxx=$1
  if ! "$cxx" -std=c++17 -O1 -Wall -Wextra -Werror $san -I"$src" -o "$tmp/cxx_link_$cxx" "$here/cxx_link.cc" "$lib" \
       -lmpfr -lgmp -lm -lpthread > "$tmp/cc.log" 2>&1; then
    echo "FAIL cxx: $cxx cannot compile tests/cxx_link.cc against infcert.h:"
    head -20 "$tmp/cc.log"
    return
  fi
  echo "ok cxx: $cxx compiles and links tests/cxx_link.cc"
  "$tmp/cxx_link_$cxx" > "$tmp/raw" 2>&1; rc=$?
  sed "s/^\(ok\|FAIL\) c++:/\1 $cxx:/" "$tmp/raw"
  if [ $rc -ne 0 ] && ! grep -q '^FAIL' "$tmp/raw"; then echo "FAIL cxx: $cxx program exited with status $rc"; fi
}

if [ -n "$san" ]; then echo "note: sanitized build: g++ not tried (clang's integer sanitizer)"
elif command -v g++ >/dev/null 2>&1; then run_with g++
else echo "FAIL cxx: g++ not installed (Debian: apt-get install g++; tools/install-deps.sh)"; fi
if command -v clang++ >/dev/null 2>&1; then run_with clang++
else echo "note: clang++ not installed, only g++ tested"; fi
exit 0
