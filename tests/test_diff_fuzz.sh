#!/bin/sh
# test_diff_fuzz.sh — short differential soundness run (issue 16): the
# issue's seven examples, then DIFF_FUZZ_SHORT_CASES random cases of fixed
# seed from tests/diff_fuzz.py, whose references are computed with mpmath,
# independently of infcert.  Every enclosure must contain its reference,
# every verdict must be allowed, no crash, no hang.  Prints an "ok" line per
# family without failure and a FAIL block (command line, true value, replay
# command) per failure.  ~40 s on 2 cores.
#   make check-long / make diff-fuzz run the long version (mk/difffuzz.mk).
B=${INFCERT:-build/infcert}
PY=${DIFF_FUZZ_PYTHON:-/usr/bin/python3}
[ -x "$PY" ] || PY=python3
if ! "$PY" -c 'import mpmath' 2>/dev/null; then
  echo "FAIL diff_fuzz: $PY cannot import mpmath (Debian: apt-get install python3-mpmath)"
  exit 1
fi
here=$(dirname "$0")
if [ -n "$VALGRIND" ]; then
  # under valgrind (make check-valgrind) every run is ~30x slower: a few cases
  exec "$PY" "$here/diff_fuzz.py" --binary "$B" --seed "${DIFF_FUZZ_SHORT_SEED:-20260601}" \
    --cases 6 --timeout 60 --jobs 2 --ok-lines
fi
exec "$PY" "$here/diff_fuzz.py" --binary "$B" --seed "${DIFF_FUZZ_SHORT_SEED:-20260601}" \
  --cases "${DIFF_FUZZ_SHORT_CASES:-100}" --pinned --timeout 5 --jobs 2 --ok-lines
