#!/usr/bin/env python3
"""tools/bench.py — `make bench`: infcert against PARI/GP and mpmath, one run.

For each case: digits asked and reached, infcert median wall time over
BENCH_RUNS runs (default 5) and peak RSS; the same for PARI/GP (its best
built-in routine for the case) and mpmath (nsum/nprod), each run once under
a timeout (BENCH_TIMEOUT seconds, default 60), with their correct digits
judged against references computed independently of all three programs'
methods under test (bench/ref/*.txt, each file states how it was made).
Then the growth of infcert's time with the digits asked (10 ... 10000).
Prints a markdown table and writes it to bench/results.md.

Correct digits of a value x against reference r: floor(-log10(|x-r|/|r|)),
capped at the digits asked.  infcert's "reached" is its own certified count
(JSON "digits"), and the table also says whether its enclosure contains the
reference.
"""
import json, os, platform, re, signal, statistics, subprocess, sys, time

try:
    import mpmath
except ImportError:  # the peers need it anyway
    print("bench: python3-mpmath is required", file=sys.stderr)
    sys.exit(1)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
INFCERT = os.environ.get("INFCERT", os.path.join(ROOT, "build", "infcert"))
RUNS = int(os.environ.get("BENCH_RUNS", "5"))
TIMEOUT = float(os.environ.get("BENCH_TIMEOUT", "60"))
SCALING = os.environ.get("BENCH_SCALING", "10,100,1000,10000")

CASES = [
    dict(kind="prod", term="1 - n^-1.001", frm=2, digits=1000, ref="prod_1001.txt", goal="< 0.5 s",
         gp_name="sumnum on log p(n), asymptotic hint",
         gp="exp(sumnum(n=2, log(1-n^(-1001/1000)), sumnuminit([+oo, 1001/1000])))",
         mp="nprod(lambda n: 1-n**(-mpf(1001)/1000), [2, inf])"),
    dict(kind="prod", term="1 - n^-1.001", frm=2, digits=50, ref="prod_1001.txt", goal="< 20 ms",
         gp_name="sumnum on log p(n), asymptotic hint",
         gp="exp(sumnum(n=2, log(1-n^(-1001/1000)), sumnuminit([+oo, 1001/1000])))",
         mp="nprod(lambda n: 1-n**(-mpf(1001)/1000), [2, inf])"),
    dict(kind="prod", term="1 - n^-1.0001", frm=2, digits=100, ref="prod_10001.txt", goal="certified",
         gp_name="sumnum on log p(n), asymptotic hint",
         gp="exp(sumnum(n=2, log(1-n^(-10001/10000)), sumnuminit([+oo, 10001/10000])))",
         mp="nprod(lambda n: 1-n**(-mpf(10001)/10000), [2, inf])"),
    dict(kind="sum", term="1/(n*log(n)^2)", frm=2, digits=50, ref="nlog2.txt", goal="< 0.2 s",
         gp_name="sumnum",
         gp="sumnum(n=2, 1/(n*log(n)^2))",
         mp="nsum(lambda n: 1/(n*log(n)**2), [2, inf])"),
    dict(kind="sum", term="log(n)/n^1.5", frm=1, digits=30, ref="logn_n15.txt", goal="< 0.2 s",
         gp_name="sumnum",
         gp="sumnum(n=1, log(n)/n^(3/2))",
         mp="nsum(lambda n: log(n)/n**mpf(1.5), [1, inf])"),
    dict(kind="prod", term="1 + 1/(n*log(n)^2)", frm=2, digits=30, ref="prod_nlog2.txt", goal="< 0.2 s",
         gp_name="sumnum on log p(n)",
         gp="exp(sumnum(n=2, log(1+1/(n*log(n)^2))))",
         mp="nprod(lambda n: 1+1/(n*log(n)**2), [2, inf])"),
    dict(kind="sum", term="n^-1.001", frm=1, digits=1000, ref="zeta_1001.txt", goal="< 0.5 s",
         gp_name="zeta(1001/1000)",
         gp="zeta(1001/1000)",
         mp="nsum(lambda n: n**(-mpf(1001)/1000), [1, inf])"),
]

SCALE_CASES = [
    dict(kind="prod", term="1 - n^-1.001", frm=2),
    dict(kind="sum", term="n^-1.001", frm=1),
]


def read_ref(name):
    with open(os.path.join(ROOT, "bench", "ref", name)) as f:
        lines = [l.strip() for l in f if l.strip() and not l.startswith("#")]
    return lines[0].replace(" E", "e").replace(" ", "")


def timed(cmd, timeout, stdin=None):
    """Runs cmd under /usr/bin/time; returns (wall s, rss KB, stdout, status)."""
    full = ["/usr/bin/time", "-f", "@@RSS %M"] + cmd
    t0 = time.perf_counter()
    # own process group, so that a timeout kills the peer itself and not
    # only /usr/bin/time (an orphaned peer would load the machine)
    p = subprocess.Popen(full, stdin=subprocess.PIPE if stdin is not None else None,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                         start_new_session=True)
    try:
        out, err = p.communicate(input=stdin, timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL)
        p.communicate()
        return timeout, None, "", "timeout"
    wall = time.perf_counter() - t0
    m = re.search(r"@@RSS (\d+)", err)
    return wall, int(m.group(1)) if m else None, out, ("ok" if p.returncode == 0 else "exit %d" % p.returncode)


def correct_digits(value, ref, cap):
    if value is None:
        return None
    with mpmath.workdps(cap + 40):
        try:
            x = mpmath.mpf(value)
        except Exception:
            return 0
        r = mpmath.mpf(ref)
        if x == r:
            return cap
        d = -mpmath.log10(abs(x - r) / abs(r))
        return max(0, min(cap, int(mpmath.floor(d))))


def run_infcert(c, digits, runs):
    # --timeout lifts the 10 s effort limit (the growth table asks for
    # 10000 digits, which takes longer) and still bounds the run
    cmd = [INFCERT, c["kind"], "--from", str(c["frm"]), "--digits", str(digits), "--json",
           "--timeout", "1800", "--", c["term"]]
    times, rss, out = [], 0, None
    for _ in range(runs):
        wall, r, stdout, st = timed(cmd, max(TIMEOUT, 600))
        if st not in ("ok",) and not stdout:
            return dict(status=st)
        times.append(wall)
        rss = max(rss, r or 0)
        out = stdout
    j = json.loads(out[out.index("{"):out.rindex("}") + 1])
    return dict(status="ok", time=statistics.median(times), times=times, rss=rss, json=j)


def run_gp(c):
    D = c["digits"]
    script = ("default(parisizemax, 2^31);\n\\p %d\n"
              "T = getabstime(); v = %s; t = getabstime() - T;\n"
              "print(\"@@TIME \", t / 1000.); print(\"@@VALUE \", v);\n" % (D + 10, c["gp"]))
    wall, rss, out, st = timed(["gp", "-q", "-f"], TIMEOUT, stdin=script)
    if st != "ok":
        return dict(status=st, time=wall, rss=rss)
    t = re.search(r"@@TIME (\S+)", out)
    v = re.search(r"@@VALUE (.+)", out)
    val = v.group(1).strip().replace(" E", "e") if v else None
    return dict(status="ok", time=float(t.group(1)) if t else wall, wall=wall, rss=rss, value=val)


def run_mpmath(c):
    D = c["digits"]
    script = ("import time, mpmath\nfrom mpmath import *\nmp.dps = %d\n"
              "t = time.perf_counter(); v = %s; t = time.perf_counter() - t\n"
              "print('@@TIME', t); print('@@VALUE', nstr(v, %d))\n" % (D + 10, c["mp"], D + 5))
    wall, rss, out, st = timed(["python3", "-c", script], TIMEOUT)
    if st != "ok":
        return dict(status=st, time=wall, rss=rss)
    t = re.search(r"@@TIME (\S+)", out)
    v = re.search(r"@@VALUE (\S+)", out)
    return dict(status="ok", time=float(t.group(1)) if t else wall, wall=wall, rss=rss,
                value=v.group(1) if v else None)


def fmt_t(t):
    if t is None:
        return "-"
    if t < 1:
        return "%.1f ms" % (t * 1000)
    return "%.2f s" % t


def fmt_mb(kb):
    return "-" if not kb else "%.1f MB" % (kb / 1024.0)


def ratio(peer, ours):
    if peer is None or not ours:
        return "-"
    return "%.3gx" % (peer / ours)


def main():
    if not os.path.exists(INFCERT):
        print("bench: %s not built (run make)" % INFCERT, file=sys.stderr)
        return 1
    gpver = subprocess.run(["gp", "--version-short"], capture_output=True, text=True).stdout.strip()
    cpu = ""
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next((l.split(":", 1)[1].strip() for l in f if l.startswith("model name")), "")
    except OSError:
        pass
    load = os.getloadavg()[0]
    out = []
    out.append("# infcert benchmark\n")
    out.append("Machine: %s, %d cores, load average %.2f at start; %s; PARI/GP %s; mpmath %s; "
               "infcert runs per case: %d (median wall time); peers: one run, timeout %g s.\n"
               % (cpu, os.cpu_count(), load, platform.platform(), gpver, mpmath.__version__, RUNS, TIMEOUT))
    out.append("Times are wall-clock of the whole process for infcert (startup included); for "
               "PARI/GP and mpmath the routine's own time (startup excluded, in their favour). "
               "Correct digits are judged against bench/ref/*.txt (independent references, "
               "provenance in each file).  Ratio = peer time / infcert time.\n")
    out.append("| case | digits asked | infcert reached (certified) | ref in enclosure | infcert time | infcert peak RSS | goal "
               "| PARI/GP routine | PARI correct digits | PARI time | PARI RSS | PARI/infcert "
               "| mpmath correct digits | mpmath time | mpmath RSS | mpmath/infcert | infcert method |")
    out.append("|" + "---|" * 17)
    for c in CASES:
        ref = read_ref(c["ref"])
        D = c["digits"]
        ic = run_infcert(c, D, RUNS)
        gp = run_gp(c)
        mp = run_mpmath(c)
        if ic["status"] == "ok":
            j = ic["json"]
            lim = j.get("limit") or {}
            inside = "-"
            if lim:
                with mpmath.workdps(D + 40):
                    r = mpmath.mpf(ref)
                    inside = "yes" if mpmath.mpf(lim["lo"]) <= r <= mpmath.mpf(lim["hi"]) else "NO"
            reached = "%s (%s)" % (j.get("digits"), j.get("verdict"))
            ict, icr, meth = ic["time"], ic["rss"], j.get("method", "")
        else:
            reached, inside, ict, icr, meth = ic["status"], "-", None, None, ""

        def peer(p):
            if p["status"] != "ok":
                return p["status"], fmt_t(p.get("time")), fmt_mb(p.get("rss")), "-"
            cd = correct_digits(p.get("value"), ref, D)
            return str(cd), fmt_t(p["time"]), fmt_mb(p["rss"]), ratio(p["time"], ict)
        g, m = peer(gp), peer(mp)
        label = "%s %s, n>=%d" % (c["kind"], c["term"], c["frm"])
        out.append("| `%s` | %d | %s | %s | %s | %s | %s | `%s` | %s | %s | %s | %s | %s | %s | %s | %s | %s |"
                   % (label, D, reached, inside, fmt_t(ict), fmt_mb(icr), c["goal"], c["gp_name"],
                      g[0], g[1], g[2], g[3], m[0], m[1], m[2], m[3], meth))
        print(out[-1], flush=True)
    out.append("\n## Growth of infcert's time with the digits asked\n")
    out.append("| case | digits | certified digits | wall time | peak RSS | runs | method |")
    out.append("|---|---|---|---|---|---|---|")
    for c in SCALE_CASES:
        for D in [int(x) for x in SCALING.split(",") if x]:
            runs = RUNS if D <= 1000 else 1
            r = run_infcert(c, D, runs)
            if r["status"] != "ok":
                out.append("| `%s %s` | %d | %s | - | - | %d | - |" % (c["kind"], c["term"], D, r["status"], runs))
            else:
                j = r["json"]
                out.append("| `%s %s, n>=%d` | %d | %s | %s | %s | %d | %s |"
                           % (c["kind"], c["term"], c["frm"], D, j.get("digits"), fmt_t(r["time"]),
                              fmt_mb(r["rss"]), runs, j.get("method", "")))
            print(out[-1], flush=True)
    text = "\n".join(out) + "\n"
    os.makedirs(os.path.join(ROOT, "bench"), exist_ok=True)
    with open(os.path.join(ROOT, "bench", "results.md"), "w") as f:
        f.write(text)
    print()
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
