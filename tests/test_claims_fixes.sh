#!/bin/sh
# Issue 15 (correctness and CLI): certified plot data in report.json are
# outward enclosures of independently recomputed values; `claims --json
# --only ID`; missing model files are bad input and model paths follow the
# claim file's folder (a report run from another folder says the same);
# ARPA errors name the file and the line; unigram-only ARPA models; a row
# "probability" sum above 1 is a reported defect, never a proof; and a
# report killed at any point leaves the old or the new set of files.
#
# References: partial products of 1 - n^-2 are (N+1)/(2N) (telescoping),
# (1 - eps)^n, 1/(1 + (V-1) e^-D), 2^-n and 1/2 for the two-token model,
# 1 - the top probability of binary16 softmax (tests/plots_check.py's
# emulation), all recomputed with mpmath at 80 digits (/usr/bin/python3) and compared
# with the printed ends as exact decimals (fractions.Fraction).
INFCERT=${INFCERT:-build/infcert}
case $INFCERT in /*) ;; *) INFCERT=$(pwd)/$INFCERT;; esac
ROOT=$(pwd)
PY=/usr/bin/python3
tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
ok () { echo "ok $1"; }
bad () { echo "FAIL $1: $2"; }

# ---- 1. plot data: certified series are outward enclosures -------------------
cat > "$tmp/plots.claims" <<'EOF'
model fan
  tokens: a b
  start: a=1/2 b=1/2
claim traj
  check: trajectory(1 - n^-2, n >= 2) -> 0
claim dec
  check: decay(eps = 1/100, delta = 1e-6) = ceil(log(delta) / log(1 - eps))
claim sm
  check: softmax(V = 1000, D = 20) max <= 1/(1 + (V-1) exp(-D))
claim paths
  check: marginal(fan, n <= 12) >= maxpath
claim pd
  check: maxpath(fan, n <= 12) <= (1 - eps)^n
claim fp
  check: fpsoftmax(binary16, V in {2, 1000}) < 1
EOF
"$INFCERT" report "$tmp/plots.claims" --out "$tmp/plots" 2> "$tmp/e"
if ! $PY -c 'import mpmath' 2>/dev/null; then ok "plot_data_enclosures (skipped: no mpmath)"
else
$PY - "$tmp/plots/report.json" "$ROOT" <<'PY' && ok "plot_data_certified_series_enclose_recomputed_values" || bad plot_data_certified_series_enclose_recomputed_values "see above"
import json, os, sys, mpmath
from fractions import Fraction
sys.path.insert(0, os.path.join(sys.argv[2], "tests"))
from plots_check import top_prob
mpmath.mp.dps = 80
d = json.loads(open(sys.argv[1]).read(), parse_float=Fraction)
def fr(x):                      # mpf -> exact Fraction
    sign, m, e, _ = mpmath.mpf(x)._mpf_
    v = Fraction(m) * Fraction(2) ** e
    return -v if sign else v
def num(v):
    if v == "inf": return None
    if v == "-inf": return None
    return Fraction(v)
L10 = lambda x: mpmath.log10(x)
checked = 0; fails = []
def contains(tag, lo, hi, ref):
    global checked
    r = fr(ref)
    l, h = num(lo), num(hi)
    if (l is not None and l > r) or (h is not None and h < r):
        fails.append("%s: [%s, %s] misses %s" % (tag, lo, hi, mpmath.nstr(ref, 25)))
    checked += 1
seen_approx = 0
for c in d["claims"]:
    for ch in c["checks"]:
        for p in ch["plots"]:
            for s in p["series"]:
                assert "certified" in s, "series %r of %r has no \"certified\" label" % (s["name"], p["title"])
                if not s["certified"]:
                    assert "approximate" in s.get("note", ""), s
                    assert "certif" not in s["name"].replace("not certified", ""), s["name"]
                    seen_approx += 1
                    continue
                xs, los, his = s["x"], s["lo"], s["hi"]
                n = len(los) if los is not None else len(xs)
                for i in range(n):
                    if los is not None and num(los[i]) is not None and num(his[i]) is not None:
                        assert num(los[i]) <= num(his[i]), (s["name"], los[i], his[i])
                    tag = "%s/%s/%s[%d]" % (c["id"], p["title"], s["name"], i)
                    x = Fraction(xs[i]) if xs is not None else None
                    cid, name = c["id"], s["name"]
                    ref = None
                    if cid == "traj" and "partial" in name:
                        N = int(x); ref = L10(mpmath.mpf(N + 1) / (2 * N))
                    elif cid == "traj" and "limit" in name:
                        ref = L10(mpmath.mpf(1) / 2)
                    elif cid == "traj" and "smallest" in name:
                        ref = -1074 * L10(2)
                    elif cid == "dec" and "(1 - eps)^n" in name:
                        ref = int(x) * L10(mpmath.mpf(99) / 100)
                    elif cid == "dec" and name == "delta":
                        ref = mpmath.mpf(-6)
                    elif cid == "dec" and "minimal n" in name:
                        assert x == 1375, x; checked += 1; continue
                    elif cid == "sm":
                        D = mpmath.mpf(x.numerator) / x.denominator
                        ref = L10(1 - 1 / (1 + 999 * mpmath.exp(-D)))
                    elif cid in ("paths", "pd") and ("max" in name or "(1 - eps)^n" in name):
                        ref = -int(x) * L10(2)
                    elif cid == "paths" and "marginal" in name:
                        ref = L10(mpmath.mpf(1) / 2)
                    elif cid == "fp" and name.startswith("g* = "):
                        # the threshold line of V: x is g* as in the numbers
                        V = int(name.split("V = ")[1].split(")")[0])
                        g = [kv[1] for kv in ch["numbers"] if kv[0].startswith("V = %d:" % V)][0].split(" / ")[0]
                        assert x == Fraction(g), (x, g); checked += 1; continue
                    elif cid == "fp":
                        # log10(1 - computed top probability) at gap x, from
                        # the Python emulation of tests/plots_check.py
                        top = top_prob("binary16", int(name[4:]), float(x))
                        if top == 1.0:
                            assert los[i] == his[i] == "-inf", (tag, los[i], his[i]); checked += 1; continue
                        ref = L10(1 - mpmath.mpf(top))
                    if ref is None:
                        fails.append("%s: no reference for this series" % tag); continue
                    contains(tag, los[i], his[i], ref)
for f in fails[:10]: print(f)
assert not fails, "%d of %d points miss" % (len(fails), checked)
assert checked >= 200, checked
assert seen_approx >= 1, "the double loop must be labelled approximate"
print("checked %d certified points" % checked)
PY
fi
# the HTML legend says which drawn series are approximate
grep -q 'approximate' "$tmp/plots/index.html" && ok "plot_html_labels_approximate_series" || bad plot_html_labels_approximate_series "no label"

# ---- 2. claims --json --only ID ------------------------------------------------
"$INFCERT" claims "$tmp/plots.claims" --json --only dec > "$tmp/only.json" 2> /dev/null; rc=$?
$PY - "$tmp/only.json" <<'PY' && [ $rc -eq 0 ] && ok "claims_json_only_lists_one_claim" || bad claims_json_only_lists_one_claim "exit $rc"
import json, sys
d = json.load(open(sys.argv[1]))
assert [c["id"] for c in d["claims"]] == ["dec"], [c["id"] for c in d["claims"]]
assert d["summary"] == {"claims": 1, "proved": 1, "refuted": 0, "undecided": 0, "expect_mismatches": 0}, d["summary"]
PY

# ---- 3. model files: missing is bad input; paths follow the claim file ----------
mkdir -p "$tmp/m/sub"
printf 'model m\n  arpa: nothere.arpa\nclaim x\n  check: nondegenerate(m)\n' > "$tmp/m/miss.claims"
( cd / && "$INFCERT" claims "$tmp/m/miss.claims" > "$tmp/o" 2> "$tmp/e" ); rc=$?
if [ $rc -eq 2 ] && grep -q "miss.claims:2:9: .*$tmp/m/nothere.arpa: No such file or directory" "$tmp/e" && ! grep -q undecided "$tmp/o"; then
  ok "missing_model_file_exit_2_names_file"; else bad missing_model_file_exit_2_names_file "exit $rc: $(cat "$tmp/e")"; fi
( cd / && "$INFCERT" claims "$tmp/m/miss.claims" --json > "$tmp/o" 2> /dev/null ); rc=$?
$PY - "$tmp/o" "$tmp/m/miss.claims" <<'PY' && [ $rc -eq 2 ] && ok "missing_model_file_json_error" || bad missing_model_file_json_error "exit $rc: $(cat "$tmp/o")"
import json, sys
e = json.load(open(sys.argv[1]))
assert e["exit_status"] == 2 and e["error"]["kind"] == "io", e
assert e["error"]["file"] == sys.argv[2] and e["error"]["line"] == 2, e
assert "nothere.arpa" in e["error"]["message"], e
PY
"$INFCERT" report "$tmp/m/miss.claims" --out "$tmp/m/rep" > /dev/null 2> "$tmp/e"; rc=$?
[ $rc -eq 2 ] && grep -q "nothere.arpa" "$tmp/e" && ok "missing_model_file_report_exit_2" || bad missing_model_file_report_exit_2 "exit $rc: $(cat "$tmp/e")"
if [ "$(id -u)" != 0 ]; then
  printf '\\data\\\nngram 1=2\n\n\\1-grams:\n-0.5 <s>\n-0.5 </s>\n\n\\end\\\n' > "$tmp/m/locked.arpa"; chmod 000 "$tmp/m/locked.arpa"
  printf 'model m\n  arpa: locked.arpa\nclaim x\n  check: nondegenerate(m)\n' > "$tmp/m/locked.claims"
  "$INFCERT" claims "$tmp/m/locked.claims" > /dev/null 2> "$tmp/e"; rc=$?
  [ $rc -eq 2 ] && grep -q "locked.arpa: Permission denied" "$tmp/e" && ok "unreadable_model_file_exit_2" || bad unreadable_model_file_exit_2 "exit $rc: $(cat "$tmp/e")"
else ok "unreadable_model_file_exit_2 (skipped: root reads everything)"; fi
# a relative model path is relative to the claim file's folder, wherever infcert runs
printf '\\data\\\nngram 1=3\n\n\\1-grams:\n-99\t<s>\n-0.30103\ta\n-0.30103\t</s>\n\n\\end\\\n' > "$tmp/m/sub/uni.arpa"
printf 'model u\n  arpa: sub/uni.arpa\nclaim x\n  check: nondegenerate(u)\n' > "$tmp/m/rel.claims"
( cd / && "$INFCERT" claims "$tmp/m/rel.claims" > "$tmp/o" 2> "$tmp/e" ); rc=$?
[ $rc -eq 0 ] && grep -q '^x  *proved' "$tmp/o" && ok "model_path_relative_to_claim_file" || bad model_path_relative_to_claim_file "exit $rc: $(cat "$tmp/e" "$tmp/o" | head -5)"

# the essay's report, run from another folder, says the same as from the project
if [ -s "$ROOT/build/turtle.arpa" ] && [ -s "$ROOT/data/essay.claims" ]; then
  ( cd "$ROOT" && "$INFCERT" report --out "$tmp/r0" 2> /dev/null )
  ( cd "$tmp" && "$INFCERT" report --out "$tmp/r1" 2> /dev/null )
  ( cd "$tmp" && "$INFCERT" report "$ROOT/data/essay.claims" --out "$tmp/r2" 2> /dev/null )
  $PY - "$tmp/r0/report.json" "$tmp/r1/report.json" "$tmp/r2/report.json" <<'PY' && ok "report_from_another_folder_same_statuses_and_proofs" || bad report_from_another_folder_same_statuses_and_proofs "see above"
import json, sys
ds = [json.load(open(f)) for f in sys.argv[1:]]
st = [{c["id"]: c["status"] for c in d["claims"]} for d in ds]
chk = [[ch["status"] for c in d["claims"] for ch in c["checks"]] for d in ds]
for i in (1, 2):
    assert st[i] == st[0], (i, st[i], st[0])
    assert chk[i] == chk[0], (i, chk[i], chk[0])
for d in ds:
    assert len(d["kernel_proofs"]) > 0, "no proof section"
assert "undecided" not in st[0].values(), st[0]
PY
  grep -q "## Verified kernels" "$tmp/r1/report.md" && ! grep -q "No proof results found" "$tmp/r1/report.md" \
    && ok "report_from_another_folder_has_proof_section" || bad report_from_another_folder_has_proof_section "$(tail -3 "$tmp/r1/report.md")"
else ok "report_from_another_folder (skipped: build/turtle.arpa not built)"; fi

# ---- 4. ARPA errors name the file and the line; unigram-only models -------------
printf '\\data\\\nngram 1=2\n\n\\1-grams:\n-0.30103\ta\n-0.30103\t</s>\n\n\\end\\\n' > "$tmp/m/nobos.arpa"
printf 'model u\n  arpa: nobos.arpa\nclaim x\n  check: nondegenerate(u)\n' > "$tmp/m/nobos.claims"
"$INFCERT" claims "$tmp/m/nobos.claims" > /dev/null 2> "$tmp/e"; rc=$?
[ $rc -eq 2 ] && grep -q "$tmp/m/nobos.arpa:4:1: .*<s>" "$tmp/e" && ok "arpa_no_bos_names_file_and_line" || bad arpa_no_bos_names_file_and_line "exit $rc: $(cat "$tmp/e")"
printf '\\data\\\nngram 1=2\n\n\\1-grams:\n-0.30103\t<s>\n-0.30103\ta\n\n\\end\\\n' > "$tmp/m/noeos.arpa"
printf 'model u\n  arpa: noeos.arpa\nclaim x\n  check: nondegenerate(u)\n' > "$tmp/m/noeos.claims"
"$INFCERT" claims "$tmp/m/noeos.claims" > /dev/null 2> "$tmp/e"; rc=$?
[ $rc -eq 2 ] && grep -q "$tmp/m/noeos.arpa:4:1: .*</s>" "$tmp/e" && ok "arpa_no_eos_names_file_and_line" || bad arpa_no_eos_names_file_and_line "exit $rc: $(cat "$tmp/e")"
cat > "$tmp/m/uni.claims" <<'EOF'
model u
  arpa: sub/uni.arpa
# softmax-bound needs rows that sum to 1 (a softmax's do): 2 * 10^-0.30103 < 1
model un
  arpa: sub/uni.arpa
  normalise: rows
claim nd
  check: nondegenerate(u)
claim lower
  check: marginal(u, n <= 5) >= maxpath
claim decay
  check: maxpath(u, n <= 5) <= (1 - eps)^n
claim mk
  check: markov(u)
claim sb
  check: softmax-bound(un)
EOF
"$INFCERT" claims "$tmp/m/uni.claims" > "$tmp/o" 2> "$tmp/e"; rc=$?
if [ $rc -eq 0 ] && [ "$(grep -c '^[a-z][a-z]*  *proved' "$tmp/o")" = 5 ]; then ok "arpa_unigram_only_model_accepted"
else bad arpa_unigram_only_model_accepted "exit $rc: $(cat "$tmp/e"; grep -E '^[a-z]+ ' "$tmp/o")"; fi

# ---- 5. a row sum above 1 is a defect, never clamped, never proved ------------------
# bigram model with a positive back-off weight at <s>: after <s> the row is
# 10^-0.1 + 2 * 10^(0.3 - 0.5) = 2.06 (every value below 1); with back-off
# 2 the values themselves exceed 1 (10^1.5 = 31.6, row sum 64.0)
mk_over () { # file, backoff
  printf '\\data\\\nngram 1=4\nngram 2=1\n\n\\1-grams:\n-99\t<s>\t%s\n-0.5\ta\t0\n-0.5\tb\t0\n-0.5\t</s>\n\n\\2-grams:\n-0.1\t<s> a\n\n\\end\\\n' "$2" > "$1"
}
mk_over "$tmp/m/over.arpa" 0.3
mk_over "$tmp/m/over2.arpa" 2
for mdl in over over2; do
  cat > "$tmp/m/$mdl.claims" <<EOF
model o
  arpa: $mdl.arpa
claim nd
  check: nondegenerate(o)
claim sb
  check: softmax-bound(o)
claim lower
  check: marginal(o, n <= 4) >= maxpath
claim pd
  check: maxpath(o, n <= 4) <= (1 - eps)^n
claim dec
  check: decay(eps = o, delta = 1e-6) = ceil(log(delta) / log(1 - eps))
claim mk
  check: markov(o)
EOF
  "$INFCERT" claims "$tmp/m/$mdl.claims" > "$tmp/o" 2> "$tmp/e"; rc=$?
  nund=$(grep -c '^[a-z][a-z]*  *undecided' "$tmp/o")
  if [ $rc -eq 3 ] && [ "$nund" = 6 ] && [ "$(grep -c 'not a probability distribution' "$tmp/o")" -ge 6 ] \
     && grep -q 'row sum \[[0-9.]*, [0-9.]*\] > 1 at state "<s>"' "$tmp/o" && ! grep -qi 'probability 1\b' "$tmp/o"; then
    ok "row_sum_above_1_is_a_defect_$mdl"
  else bad "row_sum_above_1_is_a_defect_$mdl" "exit $rc, $nund undecided: $(grep -E '^[a-z]+ |row sum|probability 1' "$tmp/o" | head -12)"; fi
done
"$INFCERT" claims "$tmp/m/over2.claims" --only nd > "$tmp/o" 2>&1
grep -q 'row sum \[64\.[0-9]*, 64\.[0-9]*\] > 1' "$tmp/o" && ok "row_sum_defect_reports_its_value" || bad row_sum_defect_reports_its_value "$(grep -i 'row sum' "$tmp/o" | head -3)"

# ---- 6. a killed report leaves the old or the new set --------------------------------
# Two claim files (different sources, so old and new sets differ); each run
# is killed with SIGKILL after a random delay; the folder must then hold
# exactly report.md, report.json and index.html, complete and from one run.
for f in A B; do
  { printf 'claim %s-decay\n  check: decay(eps = 1/1000, delta = 1e-9) = ceil(log(delta) / log(1 - eps))\n' $f
    printf 'claim %s-traj\n  check: trajectory(1 - n^-2, n >= 2) -> 0\n' $f
    printf 'claim %s-fp\n  check: fpsoftmax(binary32, V in {2, 1000, 50257}) < 1\n' $f; } > "$tmp/$f.claims"
done
$PY - "$INFCERT" "$tmp" <<'PY' && ok "report_killed_at_random_points_leaves_one_set" || bad report_killed_at_random_points_leaves_one_set "see above"
import json, os, random, signal, subprocess, sys, time
inf, tmp = sys.argv[1], sys.argv[2]
seed = int(os.environ.get("KILL_SEED", random.randrange(1 << 30)))
rnd = random.Random(seed)
print("kill test seed %d (replay: KILL_SEED=%d)" % (seed, seed))
out = os.path.join(tmp, "kill", "rep")
def run(src):
    return subprocess.Popen([inf, "report", src, "--out", out], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
def consistent():
    names = sorted(os.listdir(out))
    if names == []:
        return None
    assert names == ["index.html", "report.json", "report.md"], names
    md = open(os.path.join(out, "report.md")).read()
    js = json.load(open(os.path.join(out, "report.json")))
    html = open(os.path.join(out, "index.html")).read()
    src = js["source"]
    assert ("Source: %s  \n" % src) in md, "report.md from another run than report.json"
    assert ("Source: %s<br>" % src) in html, "index.html from another run than report.json"
    assert html.endswith("</body></html>\n"), "index.html incomplete"
    assert "## Verified kernels" in md, "report.md incomplete"
    tag = os.path.basename(src)[0]
    assert all(c["id"].startswith(tag + "-") for c in js["claims"]), "report.json does not match its source"
    assert ("| %s-" % tag) in md, "report.md does not match its source"
    return src
srcs = [os.path.join(tmp, f + ".claims") for f in "AB"]
p = run(srcs[0]); p.wait()
t0 = time.time(); p = run(srcs[1]); p.wait(); dur = time.time() - t0
assert consistent() == srcs[1]
kills = 0
for i in range(40):
    src = rnd.choice(srcs)
    before = consistent()
    p = run(src)
    # half of the delays near the end of a run, where files are written
    delay = rnd.uniform(0, 1.1 * dur) if i % 2 else rnd.uniform(0.7 * dur, 1.1 * dur)
    time.sleep(delay)
    if p.poll() is None:
        p.send_signal(signal.SIGKILL); kills += 1
    p.wait()
    try:
        after = consistent()
    except AssertionError as e:
        print("run %d (delay %.4f s of %.4f, source %s): %s; folder: %s" % (i, delay, dur, src, e, sorted(os.listdir(out))))
        raise
    assert after in (before, src), (before, src, after)
p = run(srcs[0]); p.wait()
assert consistent() == srcs[0]
left = [n for n in os.listdir(os.path.dirname(out)) if n != "rep"]
assert left == [], "left behind after a normal run: %r" % left
print("%d runs killed" % kills)
PY
# the folder is replaced as a whole, so it may hold only the report files:
# anything else is refused before any claim is checked, and left alone
mkdir -p "$tmp/keep"; echo mine > "$tmp/keep/notes.txt"
"$INFCERT" report "$tmp/A.claims" --progress --out "$tmp/keep" > /dev/null 2> "$tmp/e"; rc=$?
want="infcert report: cannot use the output folder $tmp/keep: it holds \"notes.txt\", which is not a report file (the folder is replaced as a whole, so it may hold only report.md, report.json and index.html)"
if [ $rc -eq 2 ] && [ "$(head -1 "$tmp/e")" = "$want" ] && ! grep -q 'infcert: A-' "$tmp/e" && [ "$(ls -A "$tmp/keep")" = notes.txt ] \
   && [ "$(cat "$tmp/keep/notes.txt")" = mine ] && [ -z "$(ls -A "$tmp" | grep '\.tmp\.')" ]; then ok "report_refuses_folder_with_other_files"
else bad report_refuses_folder_with_other_files "exit $rc: $(cat "$tmp/e")"; fi
# an existing report folder keeps its permissions across the swap
mkdir -p "$tmp/perm"; chmod 750 "$tmp/perm"
"$INFCERT" report "$tmp/A.claims" --out "$tmp/perm" 2> /dev/null; rc=$?
[ $rc -eq 0 ] && [ "$(stat -c %a "$tmp/perm")" = 750 ] && [ "$(stat -c %a "$tmp/perm/report.json")" = 644 ] \
  && ok "report_swap_keeps_folder_mode" || bad report_swap_keeps_folder_mode "exit $rc, mode $(stat -c %a "$tmp/perm")"
