#!/bin/sh
# Issue 15 (fidelity): the essay's claims say what the thread said, and
# each model check can fail on the model it names.  Expected values come
# from mathematics or from independent computations in Python (fractions,
# mpmath at 40-80 digits, a binary64 loop), never from infcert's output.
INFCERT=${INFCERT:-build/infcert}
case $INFCERT in /*) ;; *) INFCERT=$(pwd)/$INFCERT;; esac
ROOT=$(pwd)
PY=/usr/bin/python3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ok () { echo "ok $1"; }
bad () { echo "FAIL $1: $2"; }
have_mpmath=1; $PY -c 'import mpmath' 2>/dev/null || have_mpmath=0
# NAME, claim file (a printf format), the message expected: bad input, exit 2
parse_error () {
  printf "$2" > "$tmp/bad.claims"
  "$INFCERT" claims "$tmp/bad.claims" > /dev/null 2> "$tmp/e"; rc=$?
  [ $rc -eq 2 ] && grep -qF "$3" "$tmp/e" && ok "$1" || bad "$1" "exit $rc: $(cat "$tmp/e")"
}

# ---- item 1: what a double-precision loop really gives ------------------------
# The note, README and man page must not say that a floating-point loop
# prints 0; the numbers they give instead are recomputed here: a binary64
# loop over 10^6 factors against the exact partial product (mpmath), the
# exact partial product at 10^9, and the k from which 1 - k^-1.001 rounds
# to 1.0 in binary64 (Python floats are binary64).
if grep -Eqi 'loops? (reports|prints|print|report|gives|give) 0|print as 0' README.md man/infcert.1 data/essay.claims docs/*.md; then
  bad item1_no_loop_prints_0 "$(grep -Ein 'loops? (reports|prints|print|report|gives|give) 0|print as 0' README.md man/infcert.1 data/essay.claims docs/*.md)"
else ok item1_no_loop_prints_0; fi
if [ $have_mpmath = 1 ]; then
$PY - data/essay.claims <<'PY' && ok item1_note_numbers_recomputed || bad item1_note_numbers_recomputed "see above"
import sys, re, mpmath as mp
note = open(sys.argv[1]).read()
mp.mp.dps = 40
s = mp.mpf('1.001')
def log_partial(N):                       # sum_{k=2}^N log(1 - k^-s), as zeta sums
    return -mp.fsum((mp.zeta(j * s) - 1 - (mp.zeta(j * s, N + 1) if N != mp.inf else 0)) / j for j in range(1, 400))
# binary64 loop over the first 10^6 factors, against the exact value
P = 1.0
for k in range(2, 10**6 + 1):
    P *= 1.0 - k ** -1.001
exact6 = mp.e ** log_partial(10**6)
assert P > 0 and abs(P / exact6 - 1) < 1e-9, (P, exact6)
# the note's numbers
p9 = mp.e ** log_partial(10**9)
assert "1.2391598e-9" in note and mp.nstr(p9, 8) == "1.2391598e-9", mp.nstr(p9, 10)
assert "1.24e-9" in note
lim = mp.e ** log_partial(mp.inf)
assert "5.08e-435" in note and mp.nstr(lim, 3) == "5.08e-435", lim
assert lim < mp.mpf(2) ** -1074
# the factor rounds to exactly 1.0 from k = 1.7e16 on (k^-1.001 < 2^-54)
kstar = mp.mpf(2) ** (54 / s)
assert mp.nstr(kstar, 2) == "1.7e+16" and "1.7e16" in note, kstar
assert 1.0 - float(mp.ceil(kstar) * 1.01) ** -1.001 == 1.0
assert 1.0 - float(kstar * 0.9) ** -1.001 != 1.0
# where the loop stops, and the floor its roundings cannot cross:
# 1.7e16 factors, each with relative error at most 2^-52 (first order)
pstop = mp.e ** log_partial(int(kstar))
assert mp.nstr(pstop, 3) == "1.15e-16" and "1.15e-16" in note, pstop
assert pstop * mp.e ** (-kstar * 2 * mp.mpf(2) ** -53 * 1.01) > mp.mpf(10) ** -18
print("binary64 loop at 10^6: %.7e, exact %s; at 10^9 exact %s" % (P, mp.nstr(exact6, 8), mp.nstr(p9, 8)))
PY
else ok "item1_note_numbers_recomputed (skipped: no mpmath)"; fi

# ---- item 2: turtle's eps, rows as stored and rows normalised -------------------
# tests/arpa_ref.py rebuilds the model as a transition rule on its own; the
# certified enclosures of eps must contain its values, and the decay steps
# must equal ceil(log(1e-6) / log(1 - eps)) computed from them.
getnum () {   # FILE CHECK-PREFIX KEY -> the number's value
  $PY - "$@" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
for c in d["claims"]:
    for ch in c["checks"]:
        if ch["check"].startswith(sys.argv[2]):
            for k, v in ch["numbers"]:
                if k == sys.argv[3]: print(v); sys.exit(0)
sys.exit(1)
PY
}
if [ -s "$ROOT/build/turtle.arpa" ] && [ $have_mpmath = 1 ]; then
  "$INFCERT" claims --json > "$tmp/essay.json" 2> /dev/null
  $PY tests/arpa_ref.py build/turtle.arpa > "$tmp/ref"
  read nst ntok eraw enorm nraw nnorm smin smax < "$tmp/ref"
  [ "$nst $ntok" = "231 90" ] && ok "item2_reference_states ($nst states, $ntok tokens)" || bad item2_reference_states "$nst $ntok"
  for pair in "nondegenerate(turtle)|$eraw" "nondegenerate(turtle-rows)|$enorm"; do
    ck=${pair%%|*}; ref=${pair#*|}
    enc=$(getnum "$tmp/essay.json" "$ck" "eps = 1 - max P(w|state)")
    $PY -c "
import sys; from fractions import Fraction as F
lo, hi = [F(x) for x in sys.argv[1].strip('[]').split(', ')]
assert lo <= F(sys.argv[2]) <= hi and hi - lo < F(1, 10**9), (lo, hi, sys.argv[2])" "$enc" "$ref" \
      && ok "item2_eps_encloses_reference $ck $enc ~ $ref" || bad "item2_eps_encloses_reference $ck" "$enc vs $ref"
  done
  [ "$nraw $nnorm" = "20 55" ] && ok "item2_reference_steps (stored 20, normalised 55)" || bad item2_reference_steps "$nraw $nnorm"
  for pair in "decay(eps = turtle,|$nraw" "decay(eps = turtle-rows, delta = 1e-6) = ceil|$nnorm"; do
    ck=${pair%%|*}; ref=${pair#*|}
    got=$(getnum "$tmp/essay.json" "$ck" "minimal n with (1-eps)^n <= delta")
    [ "$got" = "$ref" ] && ok "item2_decay_steps $ck $got" || bad "item2_decay_steps $ck" "got $got, reference $ref"
  done
  $PY - "$tmp/essay.json" <<'PY' && ok item2_both_readings_proved_and_labelled || bad item2_both_readings_proved_and_labelled "see above"
import json, sys
d = {c["id"]: c for c in json.load(open(sys.argv[1]))["claims"]}
a, b = d["prop1-non-degenerate"], d["prop1-non-degenerate-stored-rows"]
assert a["status"] == b["status"] == "proved", (a["status"], b["status"])
assert "turtle-rows" in a["note"] and "55 steps" in a["note"] and "needs" in a["note"], a["note"]
reading = {k: v for ch in b["checks"] for k, v in ch["numbers"]}["reading"]
assert reading.startswith("rows as stored"), reading
reading = {k: v for ch in a["checks"] for k, v in ch["numbers"] if ch["check"].startswith("nondegenerate")}["reading"]
assert reading.startswith("rows normalised"), reading
PY
else ok "item2_turtle (skipped: build/turtle.arpa not built or no mpmath)"; fi

# normalise: rows on a model with known rows: a unigram model whose stored
# rows sum to 2 * 10^-0.5 = 0.632 normalises to 1/2, 1/2 (eps = 1/2 exactly,
# the 1e-6 bound after ceil(log2(10^6)) = 20 steps); bad values are parse
# errors with their column.
printf '\\data\\\nngram 1=3\n\n\\1-grams:\n-99\t<s>\n-0.5\ta\n-0.5\t</s>\n\n\\end\\\n' > "$tmp/uni.arpa"
cat > "$tmp/norm.claims" <<'EOF2'
model raw
  arpa: uni.arpa
model rows
  arpa: uni.arpa
  normalise: rows
claim raw-eps
  check: nondegenerate(raw)
claim rows-decay
  check: decay(eps = rows, delta = 1e-6) = 20
claim rows-maxpath
  check: maxpath(rows, n <= 10) <= (1 - eps)^n
claim rows-lower
  check: marginal(rows, n <= 10) >= maxpath
EOF2
"$INFCERT" claims "$tmp/norm.claims" --json > "$tmp/norm.json" 2> "$tmp/e"; rc=$?
$PY - "$tmp/norm.json" <<'PY' && [ $rc -eq 0 ] && ok normalise_rows_unigram_exact_values || bad normalise_rows_unigram_exact_values "exit $rc $(cat "$tmp/e")"
import json, sys
from fractions import Fraction as F
d = {c["id"]: c for c in json.load(open(sys.argv[1]))["claims"]}
assert all(c["status"] == "proved" for c in d.values()), {k: c["status"] for k, c in d.items()}
num = lambda cid, key: {k: v for ch in d[cid]["checks"] for k, v in ch["numbers"]}[key]
lo, hi = [F(x) for x in num("rows-decay", "eps").strip("[]").split(", ")]
assert lo <= F(1, 2) <= hi and hi - lo < F(1, 10**10), (lo, hi)
lo, hi = [F(x) for x in num("raw-eps", "eps = 1 - max P(w|state)").strip("[]").split(", ")]
# 1 - 10^-0.5 = 0.683772233983162...
assert lo <= F("0.6837722339831620") and F("0.6837722339831621") <= hi, (lo, hi)
PY
parse_error normalise_bad_value_parse_error 'model m\n  arpa: uni.arpa\n  normalise: columns\nclaim x\n  check: nondegenerate(m)\n' \
  'bad.claims:3:14: expected "rows"'
# rows of 10^-99999999: tiny but certified > 0 (MPFR's exponent range), so
# they normalise to 1/2, 1/2 like any other
printf '\\data\\\nngram 1=3\n\n\\1-grams:\n-99\t<s>\n-99999999\ta\n-99999999\t</s>\n\n\\end\\\n' > "$tmp/tiny.arpa"
printf 'model m\n  arpa: tiny.arpa\n  normalise: rows\nclaim x\n  check: decay(eps = m, delta = 1e-6) = 20\n' > "$tmp/tiny.claims"
"$INFCERT" claims "$tmp/tiny.claims" > "$tmp/o" 2> "$tmp/e"; rc=$?
[ $rc -eq 0 ] && grep -q '^x  *proved' "$tmp/o" && ok normalise_tiny_rows || bad normalise_tiny_rows "exit $rc: $(cat "$tmp/e" "$tmp/o")"

# ---- item 3: softmax-bound can fail on the model it names ------------------------
# On turtle-rows its numbers must enclose the reference pmin and logit width
# D, and eps_D = 1 - 1/(1 + 89 e^-D), (V-1) pmin recomputed from them; a table
# row with a 0 refutes it (no finite logit gives 0), and stored rows that do
# not sum to 1 leave it undecided.  The label names what is computed.
if [ -s "$ROOT/build/turtle.arpa" ] && [ $have_mpmath = 1 ]; then
  $PY tests/arpa_ref.py build/turtle.arpa > "$tmp/ref"
  $PY - "$tmp/essay.json" "$tmp/ref" <<'PY' && ok item3_turtle_numbers_enclose_reference || bad item3_turtle_numbers_enclose_reference "see above"
import json, sys, mpmath as mp
from fractions import Fraction as F
mp.mp.dps = 50
ref = open(sys.argv[2]).read().split("\n")
pminn = mp.mpf(ref[1].split()[1]); D = mp.mpf(ref[2])
ch = [ch for c in json.load(open(sys.argv[1]))["claims"] for ch in c["checks"] if ch["check"] == "softmax-bound(turtle-rows)"][0]
assert ch["status"] == "proved", ch["status"]
num = dict(ch["numbers"])
def encl(key, val, rel=1e-7):
    lo, hi = [F(x) for x in num[key].split(" (")[0].strip("[]").split(", ")]
    v = F(mp.nstr(val, 30))
    # the reference is printed to 10-15 digits: containment up to that
    assert lo - abs(v) * F(rel) <= v <= hi + abs(v) * F(rel), (key, num[key], v)
encl("smallest next-token probability pmin", pminn, 1e-9)
encl("largest logit width D = max over states of log(max/min) of the row", D, 1e-13)
encl("eps guaranteed by item 3's bound at width D: 1 - 1/(1 + (V-1) e^-D)", 1 - 1 / (1 + 89 * mp.e ** -D), 1e-12)
encl("eps guaranteed by the smallest probability: (V-1) pmin", 89 * pminn, 1e-9)
assert "1 - max_s bound_s" not in json.dumps(ch)
PY
fi
cat > "$tmp/sm.claims" <<'EOF2'
model stuck
  tokens: a b
  start: a=1 b=0
model third
  tokens: a b c
  start: a=1/2 b=1/4 c=1/4
  after a: a=1/3 b=1/3 c=1/3
model raw
  arpa: uni.arpa
claim zero
  check: softmax-bound(stuck)
claim third
  check: softmax-bound(third)
claim raw
  check: softmax-bound(raw)
EOF2
"$INFCERT" claims "$tmp/sm.claims" --json > "$tmp/sm.json" 2> /dev/null
$PY - "$tmp/sm.json" <<'PY' && ok item3_softmax_bound_fails_on_a_zero_and_exact_values || bad item3_softmax_bound_fails_on_a_zero_and_exact_values "see above"
import json, sys, mpmath as mp
from fractions import Fraction as F
d = {c["id"]: c["checks"][0] for c in json.load(open(sys.argv[1]))["claims"]}
assert d["zero"]["status"] == "refuted" and "probability 0" in d["zero"]["counterexample"]["witness"], d["zero"]
assert d["raw"]["status"] == "undecided" and "normalise: rows" in d["raw"]["certificate"], d["raw"]
t = d["third"]; num = dict(t["numbers"])
assert t["status"] == "proved", t
# pmin = 1/4 exactly; D = log 2 (row 1/2, 1/4, 1/4; the other row has D = 0);
# eps_D = 1 - 1/(1 + 2 * 1/2) = 1/2; (V-1) pmin = 1/2; eps = 1 - 1/2 = 1/2
assert num["smallest next-token probability pmin"].startswith("1/4 "), num
lo, hi = [F(x) for x in num["largest logit width D = max over states of log(max/min) of the row"].strip("[]").split(", ")]
assert lo <= F(mp.nstr(mp.log(2), 40)) <= hi, (lo, hi)
for k in ("eps guaranteed by item 3's bound at width D: 1 - 1/(1 + (V-1) e^-D)", "eps guaranteed by the smallest probability: (V-1) pmin"):
    lo, hi = [F(x) for x in num[k].strip("[]").split(", ")]
    assert lo <= F(1, 2) <= hi, (k, lo, hi)
assert num["the model's eps = 1 - max P(w|state)"] == "1/2", num
PY

# ---- item 4: the claim with its condition, and what fails without it -------------
# Independent facts: a format with p-bit significands has 1 + 2^-(p-1) as
# its number after 1, and 1 / (1 + 2^-(p-1)) rounds to 1 - 2^-(p-1); a sum
# s >= 1 that is not 1 is at least 1 + 2^-(p-1), so the largest computed top
# probability below 1 is 1 - 2^-(p-1): E = 2^-(p-1) holds, E = 2^-(p-2)
# fails.  fl(exp(-g)) is 0 exactly when exp(-g) <= 2^-(k+1), 2^-k the
# smallest subnormal, so g0 is the smallest format number above (k+1) log 2.
{
  for f in binary16:11:24 bfloat16:8:133 binary32:24:149 binary64:53:1074; do
    IFS=: read name p k <<EOF2
$f
EOF2
    e1=$(( p - 1 )); e2=$(( p - 2 ))
    printf 'claim cond-%s-ok\n  check: fpsoftmax(%s, V in {2, 1000, 50257}) if < 1 then <= 1 - 1/%s\n' $name $name "$($PY -c "print(2**$e1)")"
    printf 'claim cond-%s-bad\n  check: fpsoftmax(%s, V in {2, 1000, 50257}) if < 1 then <= 1 - 1/%s\n' $name $name "$($PY -c "print(2**$e2)")"
    printf 'claim zero-%s\n  check: fpsoftmax(%s, V in {2, 50257}) > 0\n' $name $name
  done
} > "$tmp/fp.claims"
"$INFCERT" claims "$tmp/fp.claims" --json > "$tmp/fp.json" 2> "$tmp/e"; rc=$?
[ $rc -eq 0 ] || bad item4_fp_claims_run "exit $rc: $(cat "$tmp/e")"
if [ $have_mpmath = 1 ]; then
$PY - "$tmp/fp.json" <<'PY' && ok item4_conditional_eps_and_zero_threshold_per_format || bad item4_conditional_eps_and_zero_threshold_per_format "see above"
import json, sys, mpmath as mp
from fractions import Fraction as F
mp.mp.dps = 60
d = {c["id"]: c["checks"][0] for c in json.load(open(sys.argv[1]))["claims"]}
def next_format_number_above(x, p):
    # smallest number with a p-bit significand that is > x (x > 1, normal range)
    e = int(mp.floor(mp.log(x, 2)))
    ulp = F(2) ** (e - p + 1)
    q = F(mp.nstr(x, 50))
    n = (q // ulp) + 1
    return n * ulp
for name, p, k in (("binary16", 11, 24), ("bfloat16", 8, 133), ("binary32", 24, 149), ("binary64", 53, 1074)):
    ok, badc, z = d["cond-%s-ok" % name], d["cond-%s-bad" % name], d["zero-%s" % name]
    assert ok["status"] == "proved", (name, ok["status"], ok["certificate"])
    assert badc["status"] == "refuted", (name, badc["status"])
    top = 1 - F(1, 2 ** (p - 1))
    for key, val in ok["numbers"]:
        if key.startswith("V = "):
            pb = F(val.split(" / ")[0])
            # printed with 17 digits: within half a unit of the 17th digit
            assert abs(pb - top) <= F(1, 10 ** 16), (name, key, val, top)
    assert z["status"] == "refuted", (name, z["status"])
    g0 = next_format_number_above((k + 1) * mp.log(2), p)
    seen = 0
    for key, val in z["numbers"]:
        if key.startswith("V = "):
            g, below = val.split(" / ")
            assert abs(F(g) - g0) <= g0 / 10 ** 16, (name, key, g, float(g0))
            # just below g0, fl(exp(-g)) is the smallest subnormal 2^-k and
            # the other token's probability is that number (s rounds to 1)
            assert abs(F(below) / F(1, 2 ** k) - 1) < F(1, 10 ** 5), (name, below)
            seen += 1
    assert seen == 2, seen
print("largest top probability below 1 = 1 - 2^-(p-1); zero thresholds g0 match (k+1) log 2 rounded up to the format")
PY
else ok "item4 (skipped: no mpmath)"; fi
# the essay: the claim with its condition is proved; without it, exactly 1
# and exactly 0 are reached (refuted)
if [ -s "$ROOT/build/turtle.arpa" ]; then
$PY - "$tmp/essay.json" <<'PY' && ok item4_essay_statuses || bad item4_essay_statuses "see above"
import json, sys
d = {c["id"]: c for c in json.load(open(sys.argv[1]))["claims"]}
assert d["finite-precision-softmax"]["status"] == "proved"
assert "rounded to something < 1" in d["finite-precision-softmax"]["statement"]
assert d["fp-softmax-reaches-1"]["status"] == "refuted"
assert d["fp-softmax-emits-0"]["status"] == "refuted"
assert all(c["item"] == 4 for k, c in d.items() if k.startswith("fp") or k.startswith("finite"))
PY
fi
# at one gap: 1 / (1 + e^-1) = 0.731 is below 1 and above 1 - 1/2 (refuted),
# below 1 - 2^-52 (proved); at gap 40 the computed value is exactly 1
# (binary64 threshold 36.7 for V = 2), so the condition does not hold
printf 'claim a\n  check: fpsoftmax(binary64, V = 2, gap = 1) if < 1 then <= 1 - 1/2\nclaim b\n  check: fpsoftmax(binary64, V = 2, gap = 1) if < 1 then <= 1 - 1/4503599627370496\nclaim c\n  check: fpsoftmax(binary64, V = 2, gap = 40) if < 1 then <= 1 - 1/2\nclaim d\n  check: fpsoftmax(binary64, V = 2, gap = 1/3) if < 1 then <= 1 - 1/2\n' > "$tmp/gap.claims"
"$INFCERT" claims "$tmp/gap.claims" > "$tmp/o" 2> /dev/null
[ "$(awk '/^[a-d] /{printf "%s=%s ", $1, $2}' "$tmp/o")" = "a=refuted b=proved c=proved d=undecided " ] && ok item4_cond_at_one_gap \
  || bad item4_cond_at_one_gap "$(awk '/^[a-d] /{printf "%s=%s ", $1, $2}' "$tmp/o")"
# parse errors of the new forms
parse_error item4_cond_bad_E_parse_error 'claim x\n  check: fpsoftmax(binary16, V = 2) if < 1 then <= 1 - 2\n' \
  'bad.claims:2:56: E must lie in (0, 1)'

# ---- item 6: the ratio grows without bound, at a certified rate -------------------
# A two-state table model with exact values: eps = 1/4 (P(a|b) = 3/4), so
# r = 1 / (1 - eps) = 4/3; pmin = 1/4, so the rate is at most 4; token a has
# P(a|.) in {1/2, 1/3, 3/4}: c = (1/3) / (3/4) = 4/9.  Python recomputes the
# exact ratios for n <= 16 by brute force over all token sequences
# (fractions) and checks that they lie between c r^(n-1) and 4^n, i.e. the
# lemma itself, independently of infcert.
cat > "$tmp/growth.claims" <<'EOF2'
model two
  tokens: a b
  start: a=1/2 b=1/2
  after a: a=1/3 b=2/3
  after b: a=3/4 b=1/4
model fan
  tokens: a b
  start: a=1/2 b=1/2
claim lo
  check: marginal(two) / maxpath grows >= 4/3
claim mid
  check: marginal(two) / maxpath grows >= 2
claim hi
  check: marginal(two) / maxpath grows >= 4.1
claim inf
  check: marginal(two) / maxpath -> inf
claim bounded
  check: marginal(two) / maxpath bounded
claim fan2
  check: marginal(fan) / maxpath grows >= 2
claim fan2b
  check: marginal(fan) / maxpath grows >= 2.0001
EOF2
"$INFCERT" claims "$tmp/growth.claims" --json > "$tmp/growth.json" 2> /dev/null
$PY - "$tmp/growth.json" <<'PY' && ok item6_growth_rate_exact_model || bad item6_growth_rate_exact_model "see above"
import json, sys, itertools
from fractions import Fraction as F
d = {c["id"]: c["checks"][0] for c in json.load(open(sys.argv[1]))["claims"]}
st = {k: v["status"] for k, v in d.items()}
assert st == {"lo": "proved", "mid": "undecided", "hi": "refuted", "inf": "proved", "bounded": "refuted",
              "fan2": "proved", "fan2b": "refuted"}, st
P = {None: {"a": F(1, 2), "b": F(1, 2)}, "a": {"a": F(1, 3), "b": F(2, 3)}, "b": {"a": F(3, 4), "b": F(1, 4)}}
c, r = F(4, 9), F(4, 3)
for n in range(1, 17):
    marg = F(0); best = F(0)
    for seq in itertools.product("ab", repeat=n - 1):
        pr = F(1); prev = None
        for t in seq + ("a",):
            pr *= P[prev][t]; prev = t
        marg += pr; best = max(best, pr)
    R = marg / best
    assert c * r ** (n - 1) <= R <= F(4) ** n, (n, R)
num = dict(d["lo"]["numbers"])
assert num["rate lower bound r = S_min / (1 - eps)"] == "4/3", num
assert num["rate upper bound 1 / pmin"] == "4", num
assert num["token x and c = min_s P(x|s) / max_s P(x|s)"] == '"a", 4/9', num
num = dict(d["fan2"]["numbers"])
assert num["rate lower bound r = S_min / (1 - eps)"] == "2" and num["rate upper bound 1 / pmin"] == "2", num
# the plot of the ratio: its certified bands contain the brute-force values
pl = [p for p in d["lo"]["plots"] if "growth" in p["title"]][0]
s = pl["series"][0]
import math
for x, lo, hi in zip(s["x"], s["lo"], s["hi"]):
    n = int(x); marg = F(0); best = F(0)
    for seq in itertools.product("ab", repeat=n - 1):
        pr = F(1); prev = None
        for t in seq + ("a",):
            pr *= P[prev][t]; prev = t
        marg += pr; best = max(best, pr)
    if n > 14: break
    v = math.log10(marg / best)            # float: compared with a margin of 1e-9
    assert float(lo) - 1e-9 <= v <= float(hi) + 1e-9, (n, lo, hi, v)
PY
# on turtle-rows: r = 1 / (1 - eps) from the reference reader, and the
# lemma's bound below the ratio of the reported token for n <= 8 (forward and
# Viterbi recursions in floats: the ratio exceeds the bound by a factor > 10,
# far beyond float error)
if [ -s "$ROOT/build/turtle.arpa" ] && [ $have_mpmath = 1 ]; then
  $PY - "$tmp/essay.json" build/turtle.arpa <<'PY' && ok item6_turtle_rate_and_lemma || bad item6_turtle_rate_and_lemma "see above"
import json, sys
from fractions import Fraction as F
sys.path.insert(0, "tests")
import arpa_ref, mpmath as mp
toks, rows = arpa_ref.model(sys.argv[2])
norm = {s: [float(p / mp.fsum(r)) for p in r] for s, r in rows.items()}
eps = 1 - max(max(r) for r in norm.values())
ch = [ch for c in json.load(open(sys.argv[1]))["claims"] for ch in c["checks"] if ch["check"] == "marginal(turtle-rows) / maxpath grows >= 1.29"][0]
assert ch["status"] == "proved", ch["status"]
num = dict(ch["numbers"])
lo, hi = [F(x) for x in num["rate lower bound r = S_min / (1 - eps)"].strip("[]").split(", ")]
assert lo <= F(1 / (1 - eps)) * (1 + F(1, 10**12)) and F(1 / (1 - eps)) * (1 - F(1, 10**12)) <= hi, (lo, hi, 1 / (1 - eps))
tok, cs = num["token x and c = min_s P(x|s) / max_s P(x|s)"].split(", ", 1)
tok = tok.strip('"'); x = toks.index(tok)
c = float(F(cs.strip("[]").split(", ")[0])); r = float(lo)
# transitions: the next state after w from s (same rule as arpa_ref.model)
N = 3
def nxt(s, w):
    if w == "</s>": return ("<s>",)
    h = (s + (w,))[-(N - 1):]
    while h and h not in rows: h = h[1:]
    return h
M = {("<s>",): 1.0}; Vit = {("<s>",): 1.0}
for n in range(1, 9):
    marg = sum(m * norm[s][x] for s, m in M.items()); best = max(v * norm[s][x] for s, v in Vit.items())
    assert marg / best >= 10 * c * r ** (n - 1), (n, marg / best, c * r ** (n - 1))
    M2, V2 = {}, {}
    for s in M:
        for j, w in enumerate(toks):
            t = nxt(s, w)
            M2[t] = M2.get(t, 0.0) + M[s] * norm[s][j]
            V2[t] = max(V2.get(t, 0.0), Vit[s] * norm[s][j])
    M, Vit = M2, V2
d = {c["id"]: c for c in json.load(open(sys.argv[1]))["claims"]}
assert d["prop2-not-much-higher"]["status"] == "refuted" and d["prop2-ratio-growth"]["status"] == "proved"
assert "10 * maxpath" not in json.dumps(d["prop2-not-much-higher"])
PY
fi
parse_error item6_bad_rate_parse_error 'model fan\n  tokens: a\n  start: a=1\nclaim x\n  check: marginal(fan) / maxpath grows >= 0\n' \
  'bad.claims:5:43: the rate must be > 0'

# ---- item 7: markov(MODEL, order = k) -------------------------------------------
# Brute force over every history up to length 7 of a table model (Python,
# fractions): the model's rule is the distribution of the longest suffix
# that has one; order k holds iff histories with the same last k tokens
# (the whole history when shorter) always get the same distribution.
cat > "$tmp/mk.claims" <<'EOF2'
model order2
  tokens: a b
  start: a=1/2 b=1/2
  after b a: a=1/4 b=3/4
model order3
  tokens: a b
  start: a=1/2 b=1/2
  after a a b: a=1/3 b=2/3
model same
  tokens: a b
  start: a=1/2 b=1/2
  after b a: a=1/2 b=1/2
model zeros
  counter: 1 - n^-1.001, n >= 2
claim o2-1
  check: markov(order2, order = 1)
claim o2-2
  check: markov(order2, order = 2)
claim o2-3
  check: markov(order2, order = 3)
claim o3-2
  check: markov(order3, order = 2)
claim o3-3
  check: markov(order3, order = 3)
claim same-1
  check: markov(same, order = 1)
claim z-4
  check: markov(zeros, order = 4)
EOF2
"$INFCERT" claims "$tmp/mk.claims" --json > "$tmp/mk.json" 2> /dev/null
$PY - "$tmp/mk.json" <<'PY' && ok item7_markov_order_brute_force || bad item7_markov_order_brute_force "see above"
import json, sys, itertools
from fractions import Fraction as F
d = {c["id"]: c["checks"][0] for c in json.load(open(sys.argv[1]))["claims"]}
models = {
  "order2": {(): (F(1, 2), F(1, 2)), ("b", "a"): (F(1, 4), F(3, 4))},
  "order3": {(): (F(1, 2), F(1, 2)), ("a", "a", "b"): (F(1, 3), F(2, 3))},
  "same":   {(): (F(1, 2), F(1, 2)), ("b", "a"): (F(1, 2), F(1, 2))},
}
def rule(m, h):
    best = ()
    for ctx in m:
        if len(ctx) <= len(h) and tuple(h[len(h) - len(ctx):]) == ctx and len(ctx) >= len(best): best = ctx
    return m[best]
def markov(m, k, L=7):
    seen = {}
    for n in range(L + 1):
        for h in itertools.product("ab", repeat=n):
            key = h[-k:] if n >= k else ("<",) + h
            dist = rule(m, h)
            if seen.setdefault(key, dist) != dist: return "refuted"
    return "proved"
for cid, (mname, k) in {"o2-1": ("order2", 1), "o2-2": ("order2", 2), "o2-3": ("order2", 3),
                        "o3-2": ("order3", 2), "o3-3": ("order3", 3), "same-1": ("same", 1)}.items():
    want = markov(models[mname], k)
    assert d[cid]["status"] == want, (cid, d[cid]["status"], want)
    if want == "refuted":
        w = d[cid]["counterexample"]["witness"]
        h1, h2 = w.split('"')[1], w.split('"')[3]
        t1 = tuple(h1.split()) if h1 != "(empty)" else (); t2 = tuple(h2.split()) if h2 != "(empty)" else ()
        assert t1[-k:] == t2[-k:] and len(t1) >= k and len(t2) >= k or t1 == t2, w
        assert rule(models[mname], t1) != rule(models[mname], t2), w
assert d["z-4"]["status"] == "refuted" and "4 and of 5 zeros" in d["z-4"]["counterexample"]["witness"], d["z-4"]
PY
# turtle: the reference reader's own walk over (state, last k tokens):
# order 2 holds (every window of two tokens lies in one state), order 1
# fails (the window "and" lies in states with different rows)
if [ -s "$ROOT/build/turtle.arpa" ] && [ $have_mpmath = 1 ]; then
$PY - "$tmp/essay.json" build/turtle.arpa <<'PY' && ok item7_turtle_order_2_reference || bad item7_turtle_order_2_reference "see above"
import json, sys
sys.path.insert(0, "tests")
import arpa_ref
toks, rows = arpa_ref.model(sys.argv[2])
def nxt(s, w):
    if w == "</s>": return ("<s>",)
    h = (s + (w,))[-2:]
    while h and h not in rows: h = h[1:]
    return h
def order_holds(k):
    start = (("<s>",), ("<",) * k); seen = {start}; todo = [start]; by = {}
    while todo:
        s, win = todo.pop()
        if by.setdefault(win, rows[s]) != rows[s]: return False
        for w in toks:
            p = (nxt(s, w), (win + (w,))[-k:])
            if p not in seen: seen.add(p); todo.append(p)
    return True
assert order_holds(2) and not order_holds(1)
d = {c["id"]: c for c in json.load(open(sys.argv[1]))["claims"]}
assert d["higher-order-state"]["status"] == "proved" and d["token-as-state"]["status"] == "refuted"
assert d["coin-toss-first-order"]["status"] == "proved"
assert d["unbounded-context-no-finite-order"]["status"] == "refuted"
PY
fi
parse_error item7_order_0_parse_error 'model c\n  tokens: a\n  start: a=1\nclaim x\n  check: markov(c, order = 0)\n' \
  'bad.claims:5:28: the order must be at least 1'

# ---- docs/claims.md maps the thread's statements to the built-in claims ----------
# every claim of data/essay.claims appears in the table, every id the table
# names exists, and the statuses the table gives are the ones the claims get
if [ -s "$ROOT/build/turtle.arpa" ]; then
$PY - docs/claims.md "$tmp/essay.json" <<'PY' && ok docs_table_maps_every_claim || bad docs_table_maps_every_claim "see above"
import json, re, sys
doc = open(sys.argv[1]).read()
table = doc[doc.index("## The thread's statements and the claims that check them"):]
rows = [l for l in table.split("\n") if re.match(r"\| \d+ \|", l)]
assert len(rows) >= 15, len(rows)
claims = {c["id"]: c["status"] for c in json.load(open(sys.argv[2]))["claims"]}
named = set()
for l in rows:
    cells = [c.strip() for c in l.strip("|").split("|")]
    ids = re.findall(r"`([a-z0-9.-]+)`", cells[2])
    for i in ids:
        assert i in claims, "table names %r, not a claim" % i
    named.update(ids)
    if ids and cells[3] != "-":
        want = [w.strip() for w in cells[3].split("/")]
        got = [claims[i] for i in ids]
        # one status per id named, or one status for all of them
        assert want == got or (len(want) == 1 and set(got) == set(want)), (cells[0], ids, want, got)
    else:
        assert cells[2].startswith("none:"), l
missing = set(claims) - named
assert not missing, "claims not in the table: %s" % sorted(missing)
PY
fi
