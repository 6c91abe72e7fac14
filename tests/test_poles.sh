#!/bin/sh
# test_poles.sh — undefined points far beyond the first stretch of
# evaluation (src/poles.c): a pole of a rational subterm at n = 10^6 is bad
# input naming that n (exit 2), an earlier undefined point is named first,
# and beyond the last pole the term is analysed as usual.  Expected
# messages are written here from the mathematics (the integer zeros of the
# denominators), never taken from infcert's output.
B=${INFCERT:-build/infcert}
exec /usr/bin/python3 - "$B" <<'PYEOF'
import json, subprocess, sys
B = sys.argv[1]
fails = 0
def run(*args):
    p = subprocess.run([B, *args], capture_output=True, text=True, timeout=120)
    return p.returncode, p.stdout, p.stderr
def check(name, ok, why=""):
    global fails
    print(("ok " if ok else "FAIL ") + name + ("" if ok else ": " + why))
    if not ok: fails += 1
def undefined(kind, term, n, why, *extra):
    rc, out, err = run(kind, *extra, "--", term)
    want = "infcert: term undefined at n = %d: %s" % (n, why)
    check("%s %s undefined at %d" % (kind, term, n), rc == 2 and err.startswith(want),
          "exit %d, stderr %r, want %r" % (rc, err.strip(), want))
undefined("sum", "1/(n-10^6)^2", 10 ** 6, "division by zero")
undefined("sum", "1/(n^2-4*10^12)", 2 * 10 ** 6, "division by zero")         # n^2 = 4 10^12 at n = 2 10^6
undefined("sum", "n/((n-300000)*(n-700000))", 300000, "division by zero")   # the first of two poles
undefined("sum", "log((n-123457)^2)/n^2", 123457, "log of a non-positive number")
undefined("sum", "(n-10^6)^(-2)", 10 ** 6, "0 raised to a negative power")
undefined("prod", "1+1/(n-777777)", 777777, "division by zero")
undefined("sum", "sin(n)/(3*n-2999997)", 999999, "division by zero")       # 3n = 2999997
undefined("sum", "log(n-5)", 1, "log of a non-positive number")            # before the root n = 5
# --from past the pole: analysed as usual, sum_{m>=1} 1/m^2
rc, out, err = run("sum", "--json", "--from", "1000001", "--", "1/(n-10^6)^2")
j = json.loads(out)
check("past the pole: converges to pi^2/6", rc == 0 and j["verdict"] == "converges"
      and float(j["limit"]["lo"]) <= 1.6449340668482264 <= float(j["limit"]["hi"]), "exit %d %s" % (rc, out[:200]))
# JSON error object
rc, out, err = run("sum", "--json", "--", "1/(n-10^6)^2")
j = json.loads(out)
check("json domain error names n", rc == 2 and j["error"]["kind"] == "domain" and j["error"]["n"] == "1000000"
      and j["exit_status"] == 2, out[:200])
# no integer zero: 2n - 1000001 is odd, never 0; n^2 + 1 has no real zero
for t in ("1/(2*n-1000001)", "1/(n^2+1)", "1/(n^2-2*10^12)"):
    rc, out, err = run("sum", "--timeout", "10", "--", t)
    check(t + " has no pole", rc != 2, "exit %d, %s" % (rc, err.strip()))
print("%d failed" % fails)
sys.exit(1 if fails else 0)
PYEOF
