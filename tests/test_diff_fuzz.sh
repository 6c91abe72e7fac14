#!/bin/sh
# test_diff_fuzz.sh — differential soundness, short run (issue 16).
# 1. tests/diff_fuzz.py --selftest: the references against textbook values
#    (pi^2/6, log 2, Wallis, sinh(pi)/pi, sophomore's dream, ...) and the
#    checker against made-up outputs (a miss, a crash, a hang, ... must be
#    caught);
# 2. the seven examples, then DIFF_FUZZ_SHORT_CASES random cases of
#    a fixed seed, references computed with mpmath independently of
#    infcert: every enclosure must contain its reference, every verdict must
#    be allowed, no crash, no hang.  An "ok" line per family without
#    failure, a FAIL block (command line, true value, replay command) per
#    failure.  ~35 s on 2 cores.
# The long run: make diff-fuzz / make check-long (mk/difffuzz.mk).
B=${INFCERT:-build/infcert}
PY=${DIFF_FUZZ_PYTHON:-/usr/bin/python3}
[ -x "$PY" ] || PY=python3
if ! "$PY" -c 'import mpmath' 2>/dev/null; then
  echo "FAIL diff_fuzz: $PY cannot import mpmath (Debian: apt-get install python3-mpmath)"
  exit 1
fi
here=$(dirname "$0")
"$PY" "$here/diff_fuzz.py" --selftest; rc=$?
if [ -n "$VALGRIND" ]; then
  # under valgrind (make check-valgrind) every run is ~30x slower: a few cases
  "$PY" "$here/diff_fuzz.py" --binary "$B" --seed "${DIFF_FUZZ_SHORT_SEED:-20260601}" \
    --cases 6 --timeout 60 --jobs 2 --ok-lines || rc=1
else
  "$PY" "$here/diff_fuzz.py" --binary "$B" --seed "${DIFF_FUZZ_SHORT_SEED:-20260601}" \
    --cases "${DIFF_FUZZ_SHORT_CASES:-100}" --pinned --timeout 5 --jobs 2 --ok-lines || rc=1
fi
exit $rc
