#!/bin/sh
# Runs each test program / script; each prints "ok ..." / "FAIL ..." lines.
# Prints a summary line "N passed, N failed" and exits non-zero on failure.
pass=0; fail=0; failed=""
for t in "$@"; do
  out=$(mktemp)
  t0=$(date +%s)
  case "$t" in
    *.sh) sh "$t" >"$out" 2>&1; rc=$? ;;
    *)    "$t" >"$out" 2>&1; rc=$? ;;
  esac
  p=$(grep -c '^ok ' "$out"); f=$(grep -c '^FAIL' "$out")
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; echo "FAIL $t exited with status $rc" >>"$out"; fi
  pass=$((pass + p)); fail=$((fail + f))
  if [ "$f" -ne 0 ]; then failed="$failed $t"; grep -v '^ok ' "$out" | tail -40; fi
  echo "$(basename "$t"): $p passed, $f failed ($(( $(date +%s) - t0 )) s)"
  rm -f "$out"
done
echo "tests: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
