#!/bin/sh
# tests/run.sh TEST... — runs the test programs and scripts, IC_TEST_JOBS at
# a time (default: the number of cores, at most 4).  Each prints "ok ..." /
# "FAIL ..." lines (tests/run1.sh runs one).  Prints a line per test as it
# ends, then "tests: N passed, N failed", and exits non-zero on a failure.
# The tests that take longest start first so that the last one to end is a
# short one (the names in SLOW below; measured in `make check`).
here=$(dirname "$0")
jobs=${IC_TEST_JOBS:-$(nproc 2>/dev/null || echo 1)}
[ "$jobs" -gt 4 ] && jobs=4
[ "$jobs" -ge 1 ] 2>/dev/null || jobs=1
SLOW="test_textbook.sh test_verify_broken.sh test_certify test_claims_fixes.sh
      test_json_schema.sh test_soundness test_prod_order2.sh test_asym_scales.sh
      test_effort.sh test_cli.sh test_lscale.sh test_diff_fuzz.sh"
dir=$(mktemp -d) || exit 1
trap 'rm -rf "$dir"' EXIT INT TERM
first=""; rest=""
for t in "$@"; do
  case " $(echo $SLOW) " in
    *" $(basename "$t") "*) first="$first $t" ;;
    *) rest="$rest $t" ;;
  esac
done
# SLOW's own order among the slow ones
ordered=""
for s in $SLOW; do
  for t in $first; do [ "$(basename "$t")" = "$s" ] && ordered="$ordered $t"; done
done
printf '%s\n' $ordered $rest | xargs -P "$jobs" -n 1 sh "$here/run1.sh" "$dir"
pass=0; fail=0; n=0
for t in "$@"; do
  r="$dir/$(basename "$t").res"
  if [ -f "$r" ]; then
    read -r p f s <"$r"
  else
    p=0; f=1; echo "FAIL $t did not run"
  fi
  pass=$((pass + p)); fail=$((fail + f)); n=$((n + 1))
done
echo "tests: $pass passed, $fail failed ($n tests, $jobs at a time)"
[ "$fail" -eq 0 ]
