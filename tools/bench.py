#!/usr/bin/env python3
"""tools/bench.py — `make bench`: infcert against PARI/GP, mpmath and an Arb
program, one run.

For each case: digits asked and reached, infcert median wall time over
BENCH_RUNS runs (default 5), its CPU time and peak RSS; the same for PARI/GP
(its best built-in routine for the case), mpmath (nsum/nprod) and the Arb
peer (bench/peers/arb_em.c: an Euler-Maclaurin program written with Arb, or
Arb's zeta), each run once under a timeout (BENCH_TIMEOUT seconds, default
60).  Every tool is timed the same way: the whole process, start-up
included, wall and CPU (user + system) time from /usr/bin/time.  Correct
digits are judged against references computed independently of the
programs' methods under test (bench/ref/*.txt, each file states how it was
made); where no file has enough digits, against the Arb peer's ball (a
different algorithm, itself rigorous), which the table says.
Then the growth of infcert's time with the digits asked (10 ... 10000).
Prints a markdown table and writes it to bench/results.md.

Correct digits of a value x against reference r: floor(-log10(|x-r|/|r|)),
capped at the digits asked.  infcert's "reached" is its own certified count
(JSON "digits"), and the table also says whether its enclosure contains the
reference.
"""
import json, os, platform, re, signal, statistics, subprocess, sys, time

if hasattr(sys, "set_int_max_str_digits"):
    sys.set_int_max_str_digits(0)   # references of 10000 digits

try:
    import mpmath
except ImportError:  # the peers need it anyway
    print("bench: python3-mpmath is required", file=sys.stderr)
    sys.exit(1)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
INFCERT = os.environ.get("INFCERT", os.path.join(ROOT, "build", "infcert"))
RUNS = int(os.environ.get("BENCH_RUNS", "5"))
TIMEOUT = float(os.environ.get("BENCH_TIMEOUT", "60"))
SCALING = os.environ.get("BENCH_SCALING", "10,100,1000,3000,10000")
ARB = os.environ.get("ARB_EM", os.path.join(ROOT, "build", "bench", "arb_em"))
# threads each tool uses (stated in the table): infcert's zeta expansion
# runs its terms on two threads; the peers run on one
THREADS = dict(infcert=2, gp=1, mpmath=1, arb=1)

CASES = [
    dict(kind="prod", term="1 - n^-1.001", frm=2, digits=1000, ref="prod_1001.txt", goal="< 0.5 s",
         gp_name="sumnum on log p(n), asymptotic hint",
         gp="exp(sumnum(n=2, log(1-n^(-1001/1000)), sumnuminit([+oo, 1001/1000])))",
         mp="nprod(lambda n: 1-n**(-mpf(1001)/1000), [2, inf])",
         arb_name="Euler-Maclaurin program", arb=["prod-pow", "1001", "1000"]),
    dict(kind="prod", term="1 - n^-1.001", frm=2, digits=3000, ref="arb", goal="<= 1.0x Arb",
         gp_name="sumnum on log p(n), asymptotic hint",
         gp="exp(sumnum(n=2, log(1-n^(-1001/1000)), sumnuminit([+oo, 1001/1000])))",
         mp=None, arb_name="Euler-Maclaurin program", arb=["prod-pow", "1001", "1000"]),
    dict(kind="prod", term="1 - n^-1.001", frm=2, digits=10000, ref="arb", goal="<= 1.0x Arb",
         gp_name="sumnum on log p(n), asymptotic hint", gp=None,
         mp=None, arb_name="Euler-Maclaurin program", arb=["prod-pow", "1001", "1000"]),
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
         mp="nsum(lambda n: 1/(n*log(n)**2), [2, inf])",
         arb_name="Euler-Maclaurin program", arb=["nlog2"]),
    dict(kind="sum", term="1/(n*log(n)^2)", frm=2, digits=1000, ref="arb", goal="<= 1.0x Arb",
         gp_name="sumnum",
         gp="sumnum(n=2, 1/(n*log(n)^2))",
         mp=None, arb_name="Euler-Maclaurin program", arb=["nlog2"]),
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
         mp="nsum(lambda n: n**(-mpf(1001)/1000), [1, inf])",
         arb_name="arb_zeta", arb=["zeta", "1001", "1000"]),
    dict(kind="sum", term="n^-1.001", frm=1, digits=3000, ref="arb", goal="<= 1.5x Arb",
         gp_name="zeta(1001/1000)", gp="zeta(1001/1000)",
         mp=None, arb_name="arb_zeta", arb=["zeta", "1001", "1000"]),
    dict(kind="sum", term="n^-1.001", frm=1, digits=10000, ref="arb", goal="<= 1.5x Arb",
         gp_name="zeta(1001/1000)", gp="zeta(1001/1000)",
         mp=None, arb_name="arb_zeta", arb=["zeta", "1001", "1000"]),
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
    """Runs cmd under /usr/bin/time; returns (wall s, rss KB, stdout, status,
    cpu s): the whole process, start-up included, for every tool."""
    full = ["/usr/bin/time", "-f", "@@RSS %M @@CPU %U %S"] + cmd
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
        return timeout, None, "", "timeout", None
    wall = time.perf_counter() - t0
    m = re.search(r"@@RSS (\d+)", err)
    c = re.search(r"@@CPU (\S+) (\S+)", err)
    cpu = float(c.group(1)) + float(c.group(2)) if c else None
    return (wall, int(m.group(1)) if m else None, out,
            ("ok" if p.returncode == 0 else "exit %d" % p.returncode), cpu)


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
    times, cpus, rss, out = [], [], 0, None
    for _ in range(runs):
        wall, r, stdout, st, cpu = timed(cmd, max(TIMEOUT, 1800))
        if st not in ("ok",) and not stdout:
            return dict(status=st)
        times.append(wall)
        cpus.append(cpu or 0.0)
        rss = max(rss, r or 0)
        out = stdout
    j = json.loads(out[out.index("{"):out.rindex("}") + 1])
    return dict(status="ok", time=statistics.median(times), cpu=statistics.median(cpus),
                times=times, rss=rss, json=j)


def peer_result(wall, rss, out, st, cpu, pattern):
    if st != "ok":
        return dict(status=st, time=wall, cpu=cpu, rss=rss)
    v = re.search(pattern, out)
    val = v.group(1).strip().replace(" E", "e") if v else None
    return dict(status="ok", time=wall, cpu=cpu, rss=rss, value=val)


def run_gp(c):
    if not c.get("gp"):
        return dict(status="not run")
    D = c["digits"]
    script = ("default(parisizemax, 2^31);\n\\p %d\n"
              "v = %s; print(\"@@VALUE \", v);\n" % (D + 10, c["gp"]))
    return peer_result(*timed(["gp", "-q", "-f"], TIMEOUT, stdin=script), r"@@VALUE (.+)")


def run_mpmath(c):
    if not c.get("mp"):
        return dict(status="not run")
    D = c["digits"]
    script = ("from mpmath import *\nmp.dps = %d\n"
              "v = %s\nprint('@@VALUE', nstr(v, %d))\n" % (D + 10, c["mp"], D + 5))
    return peer_result(*timed([sys.executable, "-c", script], TIMEOUT), r"@@VALUE (\S+)")


def run_arb(c, digits=None):
    if not c.get("arb") or not os.path.exists(ARB):
        return dict(status="not run" if c.get("arb") else "-")
    D = digits or c["digits"]
    return peer_result(*timed([ARB] + c["arb"] + [str(D + 10)], max(TIMEOUT, 600)), r"^(\S+)")


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


def ref_value(c, arb):
    """The reference: the case's file, or the Arb peer's value."""
    if c["ref"] != "arb":
        return read_ref(c["ref"]), "file"
    if arb.get("status") == "ok" and arb.get("value"):
        return arb["value"], "Arb ball"
    return None, "none"


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
    arbver = "not built (bench/peers/arb_em.c needs libflint-arb-dev)"
    if os.path.exists(ARB):
        arbver = "Debian libflint-arb %s" % subprocess.run(
            ["dpkg-query", "-W", "-f=${Version}", "libflint-arb-dev"], capture_output=True, text=True).stdout.strip()
    load = os.getloadavg()[0]
    out = []
    out.append("# infcert benchmark\n")
    out.append("Machine: %s, %d cores, load average %.2f at start; %s; PARI/GP %s; mpmath %s; Arb peer: %s. "
               "infcert runs per case: %d (median); peers: one run, timeout %g s (600 s for the Arb peer).\n"
               % (cpu, os.cpu_count(), load, platform.platform(), gpver, mpmath.__version__, arbver, RUNS, TIMEOUT))
    out.append("Every tool is timed the same way: the whole process, start-up included; wall time, and CPU time "
               "(user + system) beside it.  Threads: infcert %d (the zeta expansion's terms run on two), "
               "PARI/GP %d, mpmath %d, Arb peer %d.  Correct digits are judged against bench/ref/*.txt "
               "(independent references, provenance in each file) or, where the row says so, against the Arb "
               "peer's ball.  Ratio = peer wall time / infcert wall time (above 1: infcert is faster).\n"
               % (THREADS["infcert"], THREADS["gp"], THREADS["mpmath"], THREADS["arb"]))
    out.append("| case | digits asked | infcert certified | ref | ref in enclosure | infcert wall | infcert CPU "
               "| infcert peak RSS | goal | Arb peer | Arb correct digits | Arb wall | Arb CPU | Arb RSS | Arb/infcert "
               "| PARI/GP routine | PARI correct digits | PARI wall | PARI CPU | PARI/infcert "
               "| mpmath correct digits | mpmath wall | mpmath/infcert | infcert method |")
    out.append("|" + "---|" * 24)
    for c in CASES:
        D = c["digits"]
        ic = run_infcert(c, D, RUNS if D <= 1000 else 1)
        arb = run_arb(c)
        gp = run_gp(c)
        mp = run_mpmath(c)
        ref, refkind = ref_value(c, arb)
        if ic["status"] == "ok":
            j = ic["json"]
            lim = j.get("limit") or {}
            inside = "-"
            if lim and ref:
                with mpmath.workdps(D + 40):
                    r = mpmath.mpf(ref)
                    # an Arb midpoint printed to D + 10 digits: within 10^-(D+5) relative
                    slack = abs(r) * mpmath.mpf(10) ** -(D + 5) if refkind == "Arb ball" else 0
                    inside = "yes" if mpmath.mpf(lim["lo"]) - slack <= r <= mpmath.mpf(lim["hi"]) + slack else "NO"
            reached = "%s (%s)" % (j.get("digits"), j.get("verdict"))
            ict, icc, icr, meth = ic["time"], ic.get("cpu"), ic["rss"], j.get("method", "")
        else:
            reached, inside, ict, icc, icr, meth = ic["status"], "-", None, None, None, ""

        def peer(p):
            if p["status"] != "ok":
                return p["status"], fmt_t(p.get("time")) if p["status"] == "timeout" else "-", "-", "-", "-"
            cd = "-" if refkind == "Arb ball" and p is arb else str(correct_digits(p.get("value"), ref, D)) if ref else "-"
            return cd, fmt_t(p["time"]), fmt_t(p.get("cpu")), fmt_mb(p["rss"]), ratio(p["time"], ict)
        A, g, m = peer(arb), peer(gp), peer(mp)
        label = "%s %s, n>=%d" % (c["kind"], c["term"], c["frm"])
        out.append("| `%s` | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | `%s` | %s | %s | %s | %s "
                   "| %s | %s | %s | %s |"
                   % (label, D, reached, refkind, inside, fmt_t(ict), fmt_t(icc), fmt_mb(icr), c["goal"],
                      c.get("arb_name", "-"), A[0], A[1], A[2], A[3], A[4],
                      c["gp_name"], g[0], g[1], g[2], g[4], m[0], m[1], m[4], meth))
        print(out[-1], flush=True)
    out.append("\n## Growth of infcert's time with the digits asked\n")
    out.append("| case | digits | certified digits | wall time | CPU time | peak RSS | runs | method |")
    out.append("|---|---|---|---|---|---|---|---|")
    for c in SCALE_CASES:
        for D in [int(x) for x in SCALING.split(",") if x]:
            runs = RUNS if D <= 1000 else 1
            r = run_infcert(c, D, runs)
            if r["status"] != "ok":
                out.append("| `%s %s` | %d | %s | - | - | - | %d | - |" % (c["kind"], c["term"], D, r["status"], runs))
            else:
                j = r["json"]
                out.append("| `%s %s, n>=%d` | %d | %s | %s | %s | %s | %d | %s |"
                           % (c["kind"], c["term"], c["frm"], D, j.get("digits"), fmt_t(r["time"]),
                              fmt_t(r.get("cpu")), fmt_mb(r["rss"]), runs, j.get("method", "")))
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
