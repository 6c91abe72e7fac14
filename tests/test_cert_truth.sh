#!/bin/sh
# test_cert_truth.sh — every inequality a certificate states holds (issue 18).
# tests/test_cert_truth.py runs infcert --json on ~300 generated terms (sums
# and products; positive, negative, alternating, divergent) and checks each
# stated bound at 20 sample n (the stated start up to 10^12) with mpmath,
# independently of infcert; --selftest first shows the checker rejects false
# certificates.  Skips (one "ok ... skipped" line) without mpmath.  ~40 s.
B=${INFCERT:-build/infcert}
PY=${CERT_TRUTH_PYTHON:-/usr/bin/python3}
[ -x "$PY" ] || PY=python3
if ! "$PY" -c 'import mpmath' 2>/dev/null; then
  echo "ok cert_truth skipped: $PY cannot import mpmath (Debian: apt-get install python3-mpmath)"
  exit 0
fi
here=$(dirname "$0")
"$PY" "$here/test_cert_truth.py" --selftest; rc=$?
"$PY" "$here/test_cert_truth.py" --binary "$B" --seed "${CERT_TRUTH_SEED:-20260618}" \
  --cases "${CERT_TRUTH_CASES:-300}" --timeout 5 || rc=1
exit $rc
