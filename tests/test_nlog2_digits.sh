#!/bin/sh
# test_nlog2_digits.sh — sum 1/(n log(n)^2) at 300 and 1000 digits (issue
# 13: the fast interval series of taylor_fast.c and the sieved direct sum)
# against an independent 1060-digit reference (tests/data/nlog2_1000.txt,
# mpmath, with its provenance): every digit asked, exit 0, and the printed
# enclosure contains the reference (compared exactly as rationals).
B=${INFCERT:-build/infcert}
exec /usr/bin/python3 - "$B" "$(dirname "$0")" <<'PYEOF'
import sys
sys.path.insert(0, sys.argv[2])
from fractions import Fraction
from cli_check import run, check, finish
ref = [l for l in open(sys.argv[2] + "/data/nlog2_1000.txt") if not l.startswith("#")][0].strip()
r = Fraction(ref)
eps = Fraction(1, 10 ** 1040)        # the reference is good to about 1060 digits
for digits in (300, 1000):
    rc, j = run("sum", "1/(n*log(n)^2)", "--from", "2", "--digits", str(digits))
    name = "sum 1/(n*log(n)^2) --from 2 --digits %d" % digits
    lim = j.get("limit")
    check(name + ": all digits, exit 0", rc == 0 and lim and j.get("digits", 0) >= digits,
          "exit %d, %s digits" % (rc, j.get("digits")))
    check(name + ": contains the reference",
          bool(lim) and Fraction(lim["lo"]) <= r + eps and r - eps <= Fraction(lim["hi"]),
          "[%s, %s]" % (lim and lim["lo"][:40], lim and lim["hi"][:40]))
    check(name + ": width below 10^-%d relative" % digits,
          bool(lim) and (Fraction(lim["hi"]) - Fraction(lim["lo"])) <= r / 10 ** digits, "too wide")
finish()
PYEOF
