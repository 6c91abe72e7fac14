#!/bin/sh
# test_textbook.sh — the public textbook suite (issue 11): 342 series and
# products from textbook exercises (comparison, ratio/root, integral test,
# p-series, Leibniz, telescoping, differences of equal growth, Stirling,
# the log-log scale, Dirichlet/Abel, non-monotone alternating, products of
# second order and with negative factors, traps) in tests/data/textbook.tsv,
# each with its true verdict and a reference computed without infcert
# (tests/data/textbook_refs.py).  Checks: no wrong verdict, every enclosure
# contains its reference, the decided rate reaches TEXTBOOK_MIN_RATE (default
# in tests/textbook_run.py).  2 workers, --timeout 10 per case; ~3.5 min.
# More cases, kept out for the run time: tests/data/textbook_more.tsv
# (tests/textbook_run.py --data tests/data/textbook_more.tsv).
# Under the sanitizers (make check-sanitize) terms run about 10 times
# slower and the decided rate at --timeout 10 would measure the build, not
# the engine: the suite runs in the plain build only.
if [ -n "$IC_TEST_SANITIZED" ] || [ -n "$VALGRIND" ]; then echo "ok textbook: not run under sanitizers or valgrind (timing-dependent rate)"; exit 0; fi
B=${INFCERT:-build/infcert}
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
exec "$PY" "$(dirname "$0")/textbook_run.py" --binary "$B" "$@"
