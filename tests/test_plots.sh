#!/bin/sh
# The plots that tell the story of items 1, 4 and 6 (docs/claims.md, "Plot
# data"): every series labelled certified in report.json encloses values
# computed independently (tests/plots_check.py: mpmath, an emulation of the
# formats written in Python, the fan model's closed form), a tampered value
# is caught, and the approximate series and the notes say what they are.
INFCERT=${INFCERT:-build/infcert}
PY=${PYTHON:-/usr/bin/python3}
F=tests/data/claims/plots.claims
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$INFCERT" report "$F" --out "$tmp/r" > /dev/null 2> "$tmp/err"
rc=$?
[ $rc -eq 0 ] && echo "ok plots_report_exit_0" || { echo "FAIL plots_report_exit_0: $rc $(head -c 300 "$tmp/err")"; exit 0; }
"$PY" tests/plots_check.py "$tmp/r/report.json"
"$PY" - "$tmp/r/report.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
plots = [p for c in d["claims"] for ch in c["checks"] for p in ch["plots"]]
def one(name, cond, why):
    print(("ok " if cond else "FAIL ") + name + ("" if cond else ": " + why))
far = [p for p in plots if "out to the limit" in p["title"]]
one("plots_item1_far_plot", len(far) == 1, "%d plots" % len(far))
if far:
    p = far[0]
    s = {x["name"]: x for x in p["series"]}
    loop = [x for x in p["series"] if x["name"] == "binary64 loop"]
    one("plots_item1_note_states_the_bound", "-sum u_j/(1-u_j) <= log prod" in p.get("note", "")
        and "N^(1-s)/(s-1) - N^-s/2" in p["note"], p.get("note", "no note"))
    one("plots_item1_loop_is_approximate_and_says_where_it_stalls",
        loop and not loop[0]["certified"] and "stalls" in loop[0]["note"] and max(loop[0]["x"]) >= 7, str(loop[:1])[:300])
    band = [x for x in p["series"] if x["name"].startswith("certified partial product")][0]
    lim = s["certified limit"]
    tiny = [x for x in p["series"] if x["name"].startswith("smallest positive double")]
    # the story: the band goes from above the smallest double to the limit
    one("plots_item1_band_reaches_the_limit", float(band["hi"][-1]) - float(lim["lo"][0]) < 0.01, "%s vs %s" % (band["hi"][-1], lim["lo"][0]))
    one("plots_item1_band_crosses_the_smallest_double", tiny and float(band["lo"][0]) > float(tiny[0]["hi"][0]) > float(band["hi"][-1]), "no crossing")
    one("plots_item1_x_is_log10_N", p["xlabel"].startswith("log10 N"), p["xlabel"])
fp = [p for p in plots if "softmax: 1 - computed top probability" in p["title"]]
one("plots_item4_one_plot_per_format", sorted(p["title"].split()[0] for p in fp) == ["bfloat16", "binary16", "binary32", "binary64"], str([p["title"] for p in fp]))
one("plots_item4_threshold_marked", all(any(x["name"].startswith("g* = ") for x in p["series"]) for p in fp), "no g* line")
gr = [p for p in plots if "certified growth" in p["title"]]
one("plots_item6_bounds_and_rates", gr and any("rate r = 2" in x["name"] for x in gr[0]["series"]) and any("rate 1/pmin = 2" in x["name"] for x in gr[0]["series"]),
    str([x["name"] for x in gr[0]["series"]]) if gr else "no plot")
PY
