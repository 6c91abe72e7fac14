#!/bin/sh
# test_cli.sh — the command line: verdicts and exit statuses, bad input with
# its exact message and status, JSON shape.  Expected verdicts are
# mathematical facts (not outputs of infcert); messages are the documented
# ones.
B=${INFCERT:-build/infcert}
fails=0
ok () { echo "ok $1"; }
bad () { echo "FAIL $1: $2"; fails=$((fails + 1)); }

# expect NAME STATUS STDERR-SUBSTRING -- ARGS...
expect () {
  name=$1; want_rc=$2; want_err=$3; shift 4
  err=$("$B" "$@" 2>&1 >/dev/null); rc=$?
  if [ "$rc" != "$want_rc" ]; then bad "$name" "exit $rc, want $want_rc ($err)"; return; fi
  case "$err" in *"$want_err"*) ok "$name" ;; *) bad "$name" "stderr '$err' lacks '$want_err'" ;; esac
}

# expect_verdict NAME VERDICT STATUS -- ARGS...
expect_verdict () {
  name=$1; want=$2; want_rc=$3; shift 4
  out=$("$B" "$@" --json 2>/dev/null); rc=$?
  v=$(printf '%s' "$out" | sed -n 's/.*"verdict": "\([a-z_]*\)".*/\1/p')
  if [ "$rc" = "$want_rc" ] && [ "$v" = "$want" ]; then ok "$name"; else bad "$name" "verdict '$v' exit $rc, want $want/$want_rc"; fi
}

# parse errors: column and message
expect "parse: dangling ^"     2 "parse error at column 3: unexpected end of term" -- sum 'n^'
expect "parse: */"             2 "parse error at column 3: unexpected '/'" -- sum '2*/n'
expect "parse: unknown name"   2 "parse error at column 1: unknown name 'foo'" -- sum 'foo(n)'
expect "parse: open paren"     2 "parse error at column 3: expected ')' but found end of term" -- sum '(n'
expect "parse: two points"     2 "parse error at column 4: unexpected '.'" -- sum '1.2.3'
expect "parse: empty"          2 "parse error at column 1: empty term" -- sum ''
expect "parse: func without (" 2 "parse error at column 5: expected '(' after function name log" -- sum 'log n'
expect "parse: bad byte"       2 "parse error at column 2: unexpected '#'" -- prod 'n#2'
expect "parse: caret points"   2 "     ^" -- sum '1.2.3'
# terms undefined at some n
expect "pole at n=3"           2 "term undefined at n = 3: division by zero" -- sum '1/(n-3)'
expect "log of non-positive"   2 "term undefined at n = 1: log of a non-positive number" -- sum 'log(n-5)'
expect "sqrt of negative"      2 "term undefined at n = 1: sqrt of a negative number" -- sum 'sqrt(n-10)'
expect "product pole"          2 "term undefined at n = 2: division by zero" -- prod '1/(n-2)'
expect "0^negative"            2 "term undefined at n = 1: 0 raised to a negative power" -- sum '0^(n-5)'
expect "pole after from"       2 "term undefined at n = 40: division by zero" -- sum '1/(n^2-1600)' --from 30
expect "factorial of fraction" 2 "term undefined at n = 1: factorial of a non-integer or negative number" -- sum '1/factorial(n/2)'
expect "(-2)^(1/2)"            2 "term undefined at n = 1: negative number raised to a non-integer power" -- sum '(-2)^(1/2)/n^2'
# ... but only where the exponent is exactly a non-integer: log(exp(n)) is
# the integer n, so (-1)^log(exp(n)) is defined; it was once called
# undefined (the evaluation step now claims "undefined" only where the
# contract it is proved against allows: specs/term.acsl)
expect "(-1)^inexact integer"  4 "cannot evaluate the term at n = 1 within the precision limit" -- sum '(-1)^log(exp(n))/n^2' --max-prec 4096
# ... where the zero is exact but irrational-looking: roots of perfect
# powers (sqrt(10000) = 100, 27^(1/3) = 3) and equal subterms.  The interval
# of sqrt(n) - 100 at n = 10000 contains 0 at every precision; these once
# ended with the precision limit (exit 4) instead of naming the pole.
expect "pole sqrt(n)-100"      2 "term undefined at n = 10000: division by zero" -- sum '1/(sqrt(n)-100)'
expect "pole n^(1/3)-3"        2 "term undefined at n = 27: division by zero" -- sum '1/(n^(1/3)-3)'
expect "pole n^(2/3)-9"        2 "term undefined at n = 27: division by zero" -- sum '1/(n^(2/3)-9)'
expect "pole n*sqrt(n)-1000"   2 "term undefined at n = 100: division by zero" -- sum '1/(n*sqrt(n)-1000)'
expect "pole n^1.5-1000"       2 "term undefined at n = 100: division by zero" -- sum '1/(n^1.5-1000)'
expect "log 0 at 81"           2 "term undefined at n = 81: log of a non-positive number" -- sum 'log(sqrt(n)-9)' --from 81
expect "log of negative at 50" 2 "term undefined at n = 50: log of a non-positive number" -- sum 'log(sqrt(n)-9)' --from 50
expect "alternating pole"      2 "term undefined at n = 10000: division by zero" -- sum '(-1)^n/(sqrt(n)-100)'
expect "product pole sqrt"     2 "term undefined at n = 10000: division by zero" -- prod '1 + 1/(sqrt(n)-100)'
expect "pole log(n)-log(100)"  2 "term undefined at n = 100: division by zero" -- sum '1/(log(n)-log(100))'
expect "pole sqrt(2n)-sqrt(200)" 2 "term undefined at n = 100: division by zero" -- sum '1/(sqrt(2*n)-sqrt(200))'
# ... and far out: the terms are evaluated up to where the certificate
# starts, and the starts tried reach 2^20 (they stopped at 2^18, so this
# pole at 10^6 was an unknown, exit 3, though the README calls it bad input)
# (the evaluation up to 10^6 takes about 4 s, 40 s under sanitizers: beyond
# the 10 s effort limit, hence the explicit time limit)
expect "pole at 10^6 in sqrt"  2 "term undefined at n = 1000000: division by zero" -- sum '1/(n^2*(sqrt(n)-1000))' --timeout 300
# beyond every start tried: unknown, never a verdict
expect_verdict "pole at 4*10^6: unknown" unknown 3 -- sum '1/(n^2*(sqrt(n)-2000))'
# ... and a term that is never 0 at an integer n (sqrt(n) = 100.5 at
# n = 10100.25) is not bad input: sum 1/(sqrt(n)-100.5) diverges (terms ~
# n^-1/2 > 0 from n = 10101 on), sum 1/(n^2 (sqrt(n)-100.5)) converges to
# -0.016641975309023351086... (mpmath, 40 digits: direct sum to 10^6 and
# the tail as sum_k 100.5^k zeta(5/2 + k/2, 10^6))
expect_verdict "no pole sqrt(n)-100.5 diverges" diverges 0 -- sum '1/(sqrt(n)-100.5)'
# (exit 0 with all 15 digits, else 4 or 6: fewer digits than asked)
out=$("$B" sum '1/(n^2*(sqrt(n)-100.5))' --json); rc=$?
if printf '%s' "$out" | RC=$rc python3 -c '
import json,os,sys
from fractions import Fraction
d=json.load(sys.stdin)
rc=int(os.environ["RC"])
# digits within the 10 s effort limit: 6 or more in the plain build; the
# sanitized build is about 10 times slower (4 measured beside a proof run)
assert d["verdict"]=="converges" and d["digits"]>=(1 if os.environ.get("IC_TEST_SANITIZED") else 6)
assert rc==0 if d["digits"]>=d["digits_wanted"] else rc in (4,6), rc
lo,hi=Fraction(d["limit"]["lo"]),Fraction(d["limit"]["hi"])
ref=Fraction("-0.01664197530902335108636469930342504471655")
assert lo<=ref<=hi, (lo,hi)' 2>/dev/null
then ok "no pole: n^2 (sqrt(n)-100.5) encloses the reference"; else bad "no pole n^2 (sqrt(n)-100.5)" "exit $rc: $out"; fi
# usage
expect "digits 0"              2 "--digits must be an integer between 1 and 100000, got '0'" -- sum 1/n --digits 0
expect "digits huge"           2 "--digits must be an integer between 1 and 100000, got '1000000000'" -- sum 1/n --digits 1000000000
expect "digits not a number"   2 "--digits must be an integer between 1 and 100000, got 'ten'" -- sum 1/n --digits ten
expect "from negative"         2 "--from needs a non-negative integer, got '-3'" -- sum 1/n --from -3
expect "from missing value"    2 "option --from needs a value" -- sum 1/n --from
expect "unknown option"        2 "unknown option '--fast'" -- sum 1/n --fast
expect "two terms"             2 "more than one term given ('1/n^2')" -- sum 1/n 1/n^2
expect "no term"               2 "sum needs a TERM" -- sum
expect "unknown command"       2 "unknown command 'frob'" -- frob
expect "max-prec too small"    2 "--max-prec must be an integer between 64 and 1073741824 bits, got '8'" -- sum 1/n^2 --max-prec 8
expect "timeout not positive"  2 "--timeout needs a positive number of seconds, got '0'" -- sum 1/n^2 --timeout 0
# verdicts and statuses
expect_verdict "sum 1/n^2 converges"        converges 0 -- sum '1/n^2'
expect_verdict "sum 1/n diverges"           diverges 0 -- sum '1/n'
expect_verdict "sum sin(n^2)/n unknown" unknown 3 -- sum 'sin(n^2)/n'
expect_verdict "prod 1-1/n zero factor"     zero_factor 0 -- prod '1 - 1/n'
expect_verdict "prod 1-1/n from 2 to zero"  diverges_to_zero 0 -- prod '1 - 1/n' --from 2
expect_verdict "prod 1+1/n diverges"        diverges 0 -- prod '1 + 1/n'
out=$("$B" sum --json -- '-1/n^2' 2>&1); rc=$?
case "$rc:$out" in 0:*'"verdict": "converges"'*) ok "negative leading minus after --" ;; *) bad "negative leading minus after --" "exit $rc: $out" ;; esac
expect "leading minus needs --" 2 "a term starting with '-' must follow '--' (infcert sum -- '-1/n^2')" -- sum '-1/n^2'
# JSON: valid, with the documented fields; limit present for a 0 limit
out=$("$B" prod '1 - 1/n' --from 2 --json)
if printf '%s' "$out" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["kind"]=="prod" and d["from"]==2 and d["limit"]=={"lo":"0","hi":"0"} and "certificate" in d and "precision_bits" in d and d["term"]=="1 - 1/n"' 2>/dev/null
then ok "json: limit 0 present"; else bad "json: limit 0 present" "$out"; fi
out=$("$B" sum '1/n^2' --json --digits 20)
if printf '%s' "$out" | python3 -c '
import json,sys
from fractions import Fraction
d=json.load(sys.stdin)
assert d["verdict"]=="converges" and d["digits"]>=20 and d["precision_bits"]>0
lo,hi=Fraction(d["limit"]["lo"]),Fraction(d["limit"]["hi"])
# pi^2/6 to 30 digits (closed form)
ref=Fraction("1.644934066848226436472415166646")
assert lo<=ref<=hi, (lo,hi)
assert d["certificate"]["test"]=="comparison"' 2>/dev/null
then ok "json: sum 1/n^2 fields and containment"; else bad "json: sum 1/n^2" "$out"; fi
out=$("$B" sum 'n^-1.001' --json --digits 6)
if printf '%s' "$out" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["verdict"]=="converges" and d["method"]!=""' 2>/dev/null
then ok "json: method named"; else bad "json: method named" "$out"; fi
# power-log terms near the p = 1 boundary: sum log(n)^10/n^1.01 is
# zeta^(10)(1.01) = 10!/0.01^11 + gamma_10 + ... = 36288000000000000000000000000.000203
# (mpmath 1.3.0: zeta(mpf(101)/100, 1, 10) at 40 and 60 digits, equal; the
# Laurent series gives the same).  It once answered 'converges' with no
# enclosure and exit 0.
out=$("$B" sum 'log(n)^10/n^1.01' --json); rc=$?
if [ $rc = 0 ] && printf '%s' "$out" | python3 -c '
import json,sys
from fractions import Fraction
d=json.load(sys.stdin)
assert d["verdict"]=="converges" and d["digits"]>=15, d["digits"]
lo,hi=Fraction(d["limit"]["lo"]),Fraction(d["limit"]["hi"])
assert lo<=Fraction("36288000000000000000000000000.000203")<=hi, (lo,hi)' 2>/dev/null
then ok "log(n)^10/n^1.01 encloses zeta^(10)(1.01)"; else bad "log(n)^10/n^1.01" "exit $rc: $out"; fi
# a convergent verdict without one certified digit says so and does not
# exit 0: sum (-1)^n log(n)^6/n^1.2 = -eta^(6)(1.2) = -0.0162262657886170675...
# (mpmath: -diff(altzeta, 1.2, 6) at 30 digits); |a(n)| peaks near n = e^5
# and the Leibniz bracket a(N) stays wider than the value within 10 s
out=$("$B" sum '(-1)^n*log(n)^6/n^1.2' --json); rc=$?
if [ $rc = 4 ] && printf '%s' "$out" | python3 -c '
import json,sys
from fractions import Fraction
d=json.load(sys.stdin)
assert d["verdict"]=="converges" and d["digits"]==0 and "effort limit" in d["limit_note"]
lo,hi=Fraction(d["limit"]["lo"]),Fraction(d["limit"]["hi"])
assert lo<=Fraction("-0.0162262657886170675")<=hi, (lo,hi)' 2>/dev/null
then ok "no digit certified: exit 4 and limit_note"; else bad "no digit certified" "exit $rc: $out"; fi
out=$("$B" sum '(-1)^n*log(n)^6/n^1.2' --max-terms 3000); rc=$?
case "$rc:$out" in 4:*"verdict: converges"*"no digit certified (15 asked): the term cap was reached first"*) ok "no digit certified: text" ;;
  *) bad "no digit certified: text" "exit $rc: $out" ;; esac
# text output is for people
out=$("$B" sum '1/n')
case "$out" in *"verdict: diverges"*"certificate (lower comparison)"*) ok "text output" ;; *) bad "text output" "$out" ;; esac
# the built-in claim file is compiled in, and every claim in it is decided
out=$("$B" claims 2>&1); rc=$?
case "$rc:$out" in 0:*) ok "built-in claims decided" ;; *) bad "built-in claims decided" "exit $rc: $(printf '%s' "$out" | tail -2)" ;; esac
# --help and --version
"$B" --help | grep -q "exit status" && ok "--help" || bad "--help" "no exit status section"
"$B" --version | grep -q "^infcert [0-9]" && ok "--version" || bad "--version" "bad version line"
[ $fails -eq 0 ]
