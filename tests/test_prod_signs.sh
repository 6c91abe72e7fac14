#!/bin/sh
# test_prod_signs.sh — products whose factors are negative infinitely often
# (kernel ic_verdict_prod_signflip).  The verdicts are facts, each with the
# reason given here: P_N = S_N H_N with S_N = +-1 flipping infinitely often.
B=${INFCERT:-build/infcert}
exec /usr/bin/python3 - "$B" "$(dirname "$0")" <<'PYEOF'
import sys
sys.path.insert(0, sys.argv[2])
from cli_check import run, check, finish

def verdict(term, want, *args, limit_zero=False):
    # --timeout instead of the 10 s effort limit: the verdict of a
    # sign-flipping product comes after the last envelope start (n = 262144),
    # about 2 s here and 11 s in the sanitized build
    rc, j = run("prod", term, "--digits", "10", "--timeout", "150", *args)
    name = "prod %s %s: %s" % (term, " ".join(args), want)
    ok = j.get("verdict") == want and rc == 0
    if ok and limit_zero:
        ok = j.get("limit", {}).get("lo") == "0" and j.get("limit", {}).get("hi") == "0"
    check(name, ok, "exit %d verdict %s limit %s" % (rc, j.get("verdict"), j.get("limit")))

# |P_N| -> a nonzero limit while the sign flips: no limit
verdict("-1", "diverges")                                   # -1, 1, -1, ...
verdict("(-1)^n", "diverges")
verdict("(-1)^n*(1+1/n^2)", "diverges")                     # |P_N| -> sinh(pi)/pi
verdict("(-1)^(n+1)*(1 + 1/n^2)", "diverges")
verdict("-(1+1/n^2)", "diverges")
verdict("-(1 - 1/n^2)", "diverges", "--from", "2")         # |P_N| -> 1/2
# |P_N| -> 0: P_N -> 0
verdict("-(1-1/n)", "diverges_to_zero", "--from", "2", limit_zero=True)   # |P_N| = 1/N
verdict("(-1)^n*(1-1/n)", "diverges_to_zero", "--from", "2", limit_zero=True)
verdict("-1/2", "diverges_to_zero", limit_zero=True)
# a zero factor (n = 3)
verdict("(-1)^n*(n-3)/n^2", "zero_factor", limit_zero=True)
# prod h without a finite limit says nothing in general (h = -1: prod -h
# = prod 1 converges), but |P_N| = |H_N| growing without bound leaves P_N
# no finite limit whatever the signs: prod -(1 + 1/n), |P_N| = N + 1
verdict("-(1+1/n)", "diverges")
verdict("(-1)^n*(n+1)/n", "diverges")                       # |P_N| = N + 1
finish()
PYEOF
