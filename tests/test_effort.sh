#!/bin/sh
# test_effort.sh — the effort limit (README: without --timeout no
# refinement round may end after about 10 s) on Stirling-type sums, whose
# terms get dearer with n (exact factorials, then Gamma) so the round-cost
# estimate can be wrong; they once ran 30-70 s.  Each run must end within
# 20 s of wall time, print the mathematically right verdict, and any
# interval it prints must contain the reference.  References: closed forms
# (checked with mpmath 1.3.0 at 40 digits: nsum of 1/binomial(2n,n) agrees
# with 1/3 + 2 pi sqrt(3)/27 to 1e-41; sum C(2n,n)/(4^n n) = 2 log 2 from
# sum C(2n,n) x^n/n = 2 log(2/(1+sqrt(1-4x))), where mpmath's nsum is off
# by 6e-3) or, for sum n! e^n/n^(n+2), a direct mpmath sum to K plus the
# Stirling series tail sqrt(2 pi) sum_k c_k zeta(3/2+k, K), equal for
# K = 20000 and 40000 to 1e-33.  A stalled process (SIGSTOP, as under a
# load spike) must still stop at the deadline: the deadline is polled
# inside the rounds, not only estimated between them.
B=${INFCERT:-build/infcert}
exec /usr/bin/python3 - "$B" <<'PYEOF'
import json, signal, subprocess, sys, time
from fractions import Fraction
B = sys.argv[1]
fails = 0

def check(name, ok, why=""):
    global fails
    print(("ok " + name) if ok else ("FAIL %s: %s" % (name, why)))
    fails += 0 if ok else 1

def run(term, stall=None):
    t0 = time.monotonic()
    p = subprocess.Popen([B, "sum", term, "--json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if stall:
        time.sleep(stall[0])
        if p.poll() is None:
            p.send_signal(signal.SIGSTOP); time.sleep(stall[1]); p.send_signal(signal.SIGCONT)
    try:
        out, err = p.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        p.kill(); out, err = p.communicate()
    wall = time.monotonic() - t0
    try: j = json.loads(out)
    except ValueError: j = {}
    return p.returncode, j, wall, err

# references as decimal strings with more digits than any enclosure here
REF_BINOM = "0.7363998587187150779097951683649234960631"      # 1/3 + 2 pi sqrt(3)/27
REF_2LOG2 = "1.386294361119890618834464242840143207237"      # 2 log 2
REF_STIRLING = "6.831981331708616819709594831290098533615"   # sum n! e^n / n^(n+2)
REF_PI2_2 = "4.934802200544679309417245499938075567657"      # pi^2/2 = sum (2^n n!)^2/((2n)! n^2)

cases = [
    ("factorial(n)*exp(n)/n^(n+1)", "diverges", None),       # ~ sqrt(2 pi) n^-1/2
    ("n^n/(factorial(n)*exp(n))", "diverges", None),         # ~ (2 pi n)^-1/2
    ("factorial(n)^2/factorial(2*n)", "converges", REF_BINOM),
    ("factorial(n)*exp(n)/n^(n+2)", "converges", REF_STIRLING),  # ~ sqrt(2 pi) n^-3/2
    ("factorial(2*n)/(4^n*factorial(n)^2*n)", "converges", REF_2LOG2),  # ~ n^-3/2 / sqrt(pi)
    ("factorial(n)^2*4^n/factorial(2*n)/n^2", "converges", REF_PI2_2),
]
for term, verdict, ref in cases:
    rc, j, wall, err = run(term)
    ok = j.get("verdict") == verdict and wall < 20
    why = "verdict %s exit %d, %.1f s" % (j.get("verdict"), rc, wall)
    if ok and "limit" in j:
        lo, hi = Fraction(j["limit"]["lo"]), Fraction(j["limit"]["hi"])
        ok = lo <= Fraction(ref) <= hi
        why += ", [%s, %s] misses %s" % (j["limit"]["lo"], j["limit"]["hi"], ref)
    if ok and verdict == "converges":
        ok = "limit" in j and j["digits"] >= 6
        why += ", %s digits" % j.get("digits")
    check("%s: %s, %.1f s" % (term, verdict, wall), ok, why)

# undecided, but it checked every term up to n = 262144 (exact factorials,
# then Gamma): must still end well within the limit
rc, j, wall, err = run("factorial(2*n)/(4^n*factorial(n)^2)*sin(n)")
check("unknown Stirling sum ends in %.1f s" % wall, rc == 3 and wall < 20, "exit %d, %.1f s" % (rc, wall))

# a stall of 8 s inside a round: the round is cut at the 10 s deadline and
# the best enclosure so far is reported (exit 0 with every digit asked, or
# exit 4: the effort limit stopped it with fewer digits, or none and a
# limit_note); never a run that goes on to 20 s
rc, j, wall, err = run("factorial(n)^2*4^n/factorial(2*n)/n^2", stall=(1.5, 8.0))
ok = wall < 12.5 and j.get("verdict") == "converges"
why = "exit %d, %.1f s, %s" % (rc, wall, err.strip())
if ok and "limit" in j:
    ok = Fraction(j["limit"]["lo"]) <= Fraction(REF_PI2_2) <= Fraction(j["limit"]["hi"])
    why += " [%s, %s]" % (j["limit"]["lo"], j["limit"]["hi"])
if ok:
    ok = (rc == 0 and j["digits"] >= j["digits_wanted"]) or \
         (rc == 4 and (j["digits"] >= 1 or "effort limit" in j.get("limit_note", "")))
check("stalled run stops at the deadline (%.1f s)" % wall, ok, why)
sys.exit(1 if fails else 0)
PYEOF
