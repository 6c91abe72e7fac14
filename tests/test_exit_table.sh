#!/bin/sh
# test_exit_table.sh — the exit status table is ONE table: README.md
# ("## Exit status"), man/infcert.1 (EXIT STATUS) and `infcert --help`
# ("exit status:") must list the same statuses with the same words (markup
# and line breaks aside), and every row is exercised by real commands whose
# status is checked.
#
# Rows that need the library to say why a run stopped (ic_result.stopped,
# filled by ic_certify): a verdict with fewer digits than asked because of
# --max-prec or --max-memory (4) and a limit out of MPFR's range (6).  Until
# the library fills `stopped`, main.c reads the older limit_missing, which
# knows only the effort limit and "no tail bound", so those commands exit
# 6, 0 and 4 instead.
#
# Row 7 (claims: a result differs from its expect: line) is not tested
# here yet: `infcert claims` (src/claims_cli.c) still exits 0 on such a
# mismatch; the case is below, printed as a note, to be turned into a check
# when claims_cli.c returns 7.
B=${INFCERT:-build/infcert}
exec /usr/bin/python3 - "$B" "$(cd "$(dirname "$0")/.." && pwd)" <<'PYEOF'
import os, re, subprocess, sys, tempfile, time
B, ROOT = sys.argv[1], sys.argv[2]
fails = 0

def check(name, ok, why=""):
    global fails
    print(("ok " + name) if ok else ("FAIL %s: %s" % (name, why)))
    fails += 0 if ok else 1

def norm(text):
    """The words of a row without markup: man escapes and fonts, markdown
    backticks, line breaks."""
    text = text.replace("\\-", "-").replace("\\(aq", "'").replace("\\(cq", "'")
    text = re.sub(r"\\f[BIRP]", "", text)
    text = text.replace("`", "")
    return " ".join(text.split())

def table_readme():
    md = open(os.path.join(ROOT, "README.md")).read()
    sec = md.split("\n## Exit status", 1)[1].split("\n## ", 1)[0]
    rows = {}
    for line in sec.splitlines():
        m = re.match(r"^\|\s*(\d+)\s*\|(.*)\|\s*$", line)
        if m:
            rows[int(m.group(1))] = norm(m.group(2))
    return rows

def table_man():
    man = open(os.path.join(ROOT, "man", "infcert.1")).read()
    sec = man.split("\n.SH EXIT STATUS", 1)[1].split("\n.SH ", 1)[0]
    rows, cur = {}, None
    lines = sec.splitlines()
    i = 0
    while i < len(lines):
        l = lines[i]
        if l.startswith(".TP") and i + 1 < len(lines):
            m = re.match(r"^\.B\s+(\d+)\s*$", lines[i + 1])
            if m:
                cur = int(m.group(1)); rows[cur] = ""; i += 2; continue
        if cur is not None and not l.startswith("."):
            rows[cur] += " " + l
        i += 1
    return {k: norm(v) for k, v in rows.items()}

def table_help():
    out = subprocess.run([B, "--help"], capture_output=True, text=True).stdout
    sec = out.split("\nexit status:\n", 1)[1].split("\n\n", 1)[0]
    rows, cur = {}, None
    for l in sec.splitlines():
        m = re.match(r"^  (\d+)  (.*)$", l)
        if m:
            cur = int(m.group(1)); rows[cur] = m.group(2)
        elif cur is not None:
            rows[cur] += " " + l
    return {k: norm(v) for k, v in rows.items()}

tables = {}
for name, f in (("README.md", table_readme), ("man/infcert.1", table_man), ("--help", table_help)):
    try:
        tables[name] = f()
    except Exception as e:          # a missing section is a failure
        tables[name] = {}
        check("exit table found in " + name, False, "%s: %s" % (type(e).__name__, e))
ref = tables["--help"]
check("--help lists statuses 0..7", sorted(ref) == list(range(8)), sorted(ref))
for name in ("README.md", "man/infcert.1"):
    t = tables[name]
    check("%s lists the same statuses as --help" % name, sorted(t) == sorted(ref), "%s vs %s" % (sorted(t), sorted(ref)))
    for k in sorted(ref):
        check("%s row %d reads as in --help" % (name, k), t.get(k) == ref[k],
              "\n  %s: %r\n  --help: %r" % (name, t.get(k), ref[k]))

# ---- every row: real commands ---------------------------------------------------
tmp = tempfile.mkdtemp()
def write(name, text):
    p = os.path.join(tmp, name)
    open(p, "w").write(text)
    return p
und = write("undecided.claims", "claim u\n  check: sum(sin(n^2)/n, n >= 1) converges\n")
mis = write("mismatch.claims", "claim m\n  expect: refuted\n  check: sum(1/n^2, n >= 1) converges\n")

def status(args, stdout=None):
    t0 = time.monotonic()
    p = subprocess.run([B] + args, stdout=stdout or subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=120)
    return p.returncode, (p.stderr or "").strip().splitlines()[:1], time.monotonic() - t0

rows = [
    (0, ["sum", "n^-2"], "converges, 15 digits"),
    (0, ["sum", "1/n"], "diverges (a verdict, no limit to deliver)"),
    (0, ["prod", "1 - 1/n", "--from", "2"], "diverges_to_zero"),
    (1, ["sum", "n^-2"], "stdout is /dev/full: error writing output"),
    (2, ["sum", "n**2"], "parse error"),
    (2, ["sum", "--digits", "0", "n^-2"], "bad option"),
    (2, ["sum", "1/(n-3)"], "term undefined at n = 3 >= N0"),
    (2, ["claims", os.path.join(tmp, "no-such-file.claims")], "unreadable file"),
    (3, ["sum", "sin(n^2)/n"], "no verdict"),
    (3, ["claims", und], "claims: a claim undecided"),
    (4, ["sum", "(-1)^n*log(n)^6/n^1.2", "--max-terms", "3000"], "--max-terms stops a convergent sum with no digit"),
    (4, ["sum", "exp(n^50)", "--max-prec", "256"], "--max-prec stops the run"),
    (4, ["sum", "n^-2", "--max-prec", "64", "--digits", "200"],
     "--max-prec: a verdict and 16 of 200 digits"),
    (4, ["sum", "n^-1.001", "--digits", "10000", "--max-memory", "16M", "--timeout", "40"],
     "--max-memory: 10000 digits need ~100 MB"),
    (5, ["prod", "1+sin(n)/n", "--timeout", "0.2"], "--timeout before a verdict"),
    (5, ["prod", "1 - n^-1.001", "--from", "2", "--digits", "20000", "--timeout", "1"], "--timeout after the verdict"),
    (6, ["prod", "exp(25*10^8*4^(-n))"],
     "converges to e^(2.5e9/3), beyond MPFR's exponent range: no digit is representable "
     ""),
]
for want, args, why in rows:
    if want == 1:
        with open("/dev/full", "w") as full:
            rc, err, secs = status(args, stdout=full)
    else:
        rc, err, secs = status(args)
    check("status %d: %s (%s)" % (want, " ".join(args[:2]), why), rc == want,
          "exit %d after %.1f s, want %d: %s" % (rc, secs, want, err))

rc, err, secs = status(["claims", mis])
check("status 7: claims (a claim whose expect: line differs from its result)", rc == 7,
      "exit %d, want 7: %s" % (rc, err))
sys.exit(1 if fails else 0)
PYEOF
