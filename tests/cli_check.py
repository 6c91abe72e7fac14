"""cli_check.py — shared by the Python-driven CLI tests (test_asym_*.sh):
run infcert with --json, print "ok NAME" / "FAIL NAME: why" lines (counted
by tests/run.sh), and check an interval against a reference bracket with
exact rational arithmetic."""
import json, subprocess, sys
from fractions import Fraction

B = sys.argv[1] if len(sys.argv) > 1 else "build/infcert"
fails = 0

def run(kind, term, *args):
    """(exit status, parsed JSON or {}) of `infcert KIND TERM --json ARGS`."""
    p = subprocess.run([B, kind, "--json", *args, "--", term], capture_output=True, text=True, timeout=300)
    try:
        return p.returncode, json.loads(p.stdout)
    except ValueError:
        return p.returncode, {}

def check(name, ok, why=""):
    global fails
    print(("ok " + name) if ok else ("FAIL %s: %s" % (name, why)))
    if not ok:
        fails += 1

def meets(j, lo_ref, hi_ref):
    """1 if the printed limit [lo, hi] meets [lo_ref, hi_ref] (exactly)."""
    lim = j["limit"]
    return Fraction(lim["lo"]) <= Fraction(str(hi_ref)) and Fraction(str(lo_ref)) <= Fraction(lim["hi"])

def finish():
    sys.exit(1 if fails else 0)
