#!/bin/sh
# test_cli_conv.sh — the command line's conveniences (issue 18): short and
# --opt=value options, '--' and a term starting with '-', sum/prod --help,
# did-you-mean for options and names, parser hints ('**', implicit
# multiplication), 'try --from K' for a term undefined at N0, the JSON error
# object, --max-memory.  Each case asserts the exact message (first line of
# stderr) and the exit status.
B=${INFCERT:-build/infcert}
fails=0
ok () { echo "ok $1"; }
bad () { echo "FAIL $1: $2"; fails=$((fails + 1)); }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# line NAME STATUS 'EXACT FIRST LINE OF STDERR' -- ARGS...
line () {
  name=$1; want_rc=$2; want=$3; shift 4
  "$B" "$@" >"$tmp/out" 2>"$tmp/err"; rc=$?
  got=$(head -1 "$tmp/err")
  if [ "$rc" != "$want_rc" ]; then bad "$name" "exit $rc, want $want_rc ($got)"
  elif [ "$got" != "$want" ]; then bad "$name" "stderr '$got', want '$want'"
  else ok "$name"; fi
}

# json NAME STATUS PYTHON-ASSERTIONS-ON-d -- ARGS...   (stdout is one object)
json () {
  name=$1; want_rc=$2; py=$3; shift 4
  "$B" "$@" >"$tmp/out" 2>"$tmp/err"; rc=$?
  if [ "$rc" != "$want_rc" ]; then bad "$name" "exit $rc, want $want_rc: $(head -c 300 "$tmp/out") $(head -1 "$tmp/err")"; return; fi
  if python3 -c "
import json,sys
txt=open(sys.argv[1]).read()
d=json.loads(txt)
assert txt.count('\n')==1 and txt.endswith('\n'), 'not one line'
err=open(sys.argv[2]).read()
$py" "$tmp/out" "$tmp/err" 2>"$tmp/py"
  then ok "$name"; else bad "$name" "$(tail -1 "$tmp/py"): $(head -c 300 "$tmp/out")"; fi
}

# ---- options -----------------------------------------------------------------
json "--from=2" 0 'assert d["from"]==2 and d["verdict"]=="converges"' -- sum --from=2 '1/(n-1)^2' --json -d 5
json "--from 2" 0 'assert d["from"]==2 and d["verdict"]=="converges"' -- sum --from 2 '1/(n-1)^2' --json -d 5
json "-f 2" 0 'assert d["from"]==2' -- sum -f 2 '1/(n-1)^2' -j -d 5
json "-f2 (value in the same word)" 0 'assert d["from"]==2' -- sum -f2 '1/(n-1)^2' -j -d 5
json "--digits=20" 0 'assert d["digits_wanted"]==20 and d["digits"]>=20' -- sum --digits=20 'n^-2' --json
json "-d 20: 20 digits of pi^2/6" 0 '
from fractions import Fraction as F
assert d["digits_wanted"]==20 and d["digits"]>=20
ref=F("1.6449340668482264364724151666460251892189")   # pi^2/6, closed form
assert F(d["limit"]["lo"])<=ref<=F(d["limit"]["hi"])' -- sum -d 20 'n^-2' -j
json "-jd 5 (grouped short options)" 0 'assert d["digits_wanted"]==5' -- sum -jd 5 'n^-2'
json "options after the term" 0 'assert d["digits_wanted"]==7 and d["from"]==3' -- sum 'n^-2' -d 7 --from 3 --json
line "-t 0"           2 "infcert: --timeout needs a positive number of seconds, got '0'" -- sum 'n^-2' -t 0
line "-d 0"           2 "infcert: --digits must be an integer between 1 and 100000, got '0'" -- sum 'n^-2' -d 0
line "-d without a value" 2 "infcert: option -d needs a value" -- sum 'n^-2' -d
line "--from without a value" 2 "infcert: option --from needs a value" -- sum 'n^-2' --from
line "--json=1"       2 "infcert: option --json takes no value" -- sum 'n^-2' --json=1
# getopt_long's prefixes are not accepted silently
line "--digit 20: did you mean"  2 "infcert: unknown option '--digit' (did you mean '--digits'?)" -- sum --digit 20 'n^-2'
line "--digts 20: did you mean"  2 "infcert: unknown option '--digts' (did you mean '--digits'?)" -- sum --digts 20 'n^-2'
line "--timout: did you mean"    2 "infcert: unknown option '--timout' (did you mean '--timeout'?)" -- sum --timout 3 'n^-2'
line "--max: the three it abbreviates" 2 "infcert: unknown option '--max' (did you mean '--max-prec', '--max-terms' or '--max-memory'?)" -- sum --max 5 'n^-2'
line "--fast: no suggestion"     2 "infcert: unknown option '--fast'" -- sum 1/n --fast
line "-from: did you mean --from" 2 "infcert: unknown option '-from' (did you mean '--from'?)" -- sum -from 2 1/n
line "-x"                        2 "infcert: unknown option '-x'" -- sum -x 1/n
line "unknown option: usage pointer" 2 "infcert: unknown option '--fast'" -- sum 1/n --fast
case "$(sed -n 2p "$tmp/err")" in "(run 'infcert --help' for usage)") ok "usage errors point to --help" ;;
  *) bad "usage errors point to --help" "$(cat "$tmp/err")" ;; esac
line "unknown command: did you mean" 2 "infcert: unknown command 'sun' (did you mean 'sum'?)" -- sun 'n^-2'

# ---- '--' and a term starting with '-' ----------------------------------------
json "-- '-2/n^2'" 0 '
from fractions import Fraction as F
ref=-F("3.289868133696452872944830333292050378437")   # -pi^2/3
assert d["verdict"]=="converges" and F(d["limit"]["lo"])<=ref<=F(d["limit"]["hi"])' -- sum --json -- '-2/n^2'
line "'-2/n^2' without --" 2 "infcert: a term starting with '-' must follow '--' (infcert sum -- '-2/n^2')" -- sum '-2/n^2'
line "'-2/n^2' after the options" 2 "infcert: a term starting with '-' must follow '--' (infcert prod -- '-2/n^2')" -- prod -d 5 '-2/n^2'
line "'-n' without --" 2 "infcert: a term starting with '-' must follow '--' (infcert sum -- '-n')" -- sum '-n'
line "'-log(n)' without --" 2 "infcert: a term starting with '-' must follow '--' (infcert sum -- '-log(n)/n^2')" -- sum '-log(n)/n^2'
line "two terms after --" 2 "infcert: more than one term given ('1/n')" -- sum -- 'n^-2' 1/n

# ---- --help ------------------------------------------------------------------
for k in sum prod; do
  for h in --help -h; do
    "$B" $k $h >"$tmp/out" 2>"$tmp/err"; rc=$?
    if [ $rc = 0 ] && [ "$(head -1 "$tmp/out")" = "usage: infcert $k [options] [--] TERM" ] \
       && grep -q -- "--max-memory SIZE" "$tmp/out" && grep -q "^exit status:" "$tmp/out" && [ ! -s "$tmp/err" ]
    then ok "$k $h"; else bad "$k $h" "exit $rc: $(head -3 "$tmp/out") $(head -1 "$tmp/err")"; fi
  done
done
"$B" sum 'n^-2' --digits 0 --help >"$tmp/out" 2>&1; rc=$?
[ $rc = 0 ] && grep -q "^usage: infcert sum" "$tmp/out" && ok "--help wins over a bad option" || bad "--help wins over a bad option" "exit $rc"

# ---- parser hints (the column is kept) -----------------------------------------
line "n**2: use ^"        2 "infcert: parse error at column 4: unexpected '**' (use ^ for powers: n^2, not n**2)" -- sum '1/n**2'
line "n log n: write *"   2 "infcert: parse error at column 3: unexpected 'log' (write '*' between factors)" -- sum 'n log n'
line "2n: write *"        2 "infcert: parse error at column 4: unexpected 'n' (write '*' between factors)" -- sum '1/2n^2'
line "n(n+1): write *"    2 "infcert: parse error at column 4: unexpected '(' (write '*' between factors)" -- sum '1/n(n+1)'
line "(n+1)(n+2): write *" 2 "infcert: parse error at column 9: expected ')' but found '(' (write '*' between factors)" -- sum '1/((n+1)(n+2))'
line "(n+1)(n+2) at the top: write *" 2 "infcert: parse error at column 6: unexpected '(' (write '*' between factors)" -- prod '(n+1)(n+2)/n^2'
line "caret under the column" 2 "infcert: parse error at column 3: unexpected 'log' (write '*' between factors)" -- sum 'n log n'
[ "$(sed -n 3p "$tmp/err")" = "    ^" ] && ok "caret under column 3" || bad "caret under column 3" "$(cat "$tmp/err")"
line "sine: did you mean sin" 2 "infcert: parse error at column 1: unknown name 'sine' (did you mean 'sin'?)" -- sum 'sine(n)/n^2'
line "n!: write factorial(n)" 2 "infcert: parse error at column 4: unexpected '!' (write factorial(n) for n!)" -- sum '1/n!'
line "sinh: its rewrite" 2 "infcert: parse error at column 1: unknown name 'sinh' (write (exp(x)-exp(-x))/2 for sinh(x))" -- sum 'sinh(n)/exp(2*n)'
line "tan: its rewrite" 2 "infcert: parse error at column 1: unknown name 'tan' (write sin(x)/cos(x) for tan(x))" -- sum 'tan(1/n^2)'
line "log10: its rewrite" 2 "infcert: parse error at column 1: unknown name 'log10' (write log(x)/log(10) for log10(x))" -- sum 'log10(n)/n^2'
line "ln: did you mean log"   2 "infcert: parse error at column 3: unknown name 'ln' (did you mean 'log'?)" -- sum '1/ln(n)^2' --from 2
line "Sqrt: did you mean sqrt" 2 "infcert: parse error at column 3: unknown name 'Sqrt' (did you mean 'sqrt'?)" -- sum '1/Sqrt(n)^3'
line "factorail: did you mean factorial" 2 "infcert: parse error at column 3: unknown name 'factorail' (did you mean 'factorial'?)" -- sum '1/factorail(n)'
line "foo: the known names" 2 "infcert: parse error at column 1: unknown name 'foo' (the variable is n; functions: log exp sqrt sin cos atan abs factorial; constants: pi e)" -- sum 'foo(n)'

# ---- a term undefined at N0: where to start -----------------------------------
line "1/(n-1) from 1: try --from 2" 2 "infcert: term undefined at n = 1: division by zero (try --from 2)" -- sum '1/(n-1)'
line "1/((n-1)(n-2)): try --from 3" 2 "infcert: term undefined at n = 1: division by zero (try --from 3)" -- sum '1/((n-1)*(n-2))'
line "log(n-5): try --from 6" 2 "infcert: term undefined at n = 1: log of a non-positive number (try --from 6)" -- sum 'log(n-5)/n^3'
line "1/(n-8) from 8: try --from 9" 2 "infcert: term undefined at n = 8: division by zero (try --from 9)" -- prod '1 + 1/(n-8)^2' --from 8
line "pole after N0: no hint" 2 "infcert: term undefined at n = 3: division by zero" -- sum '1/(n-3)'

# ---- --json errors: one object on stdout, the message on stderr ---------------
json "json: parse error" 2 '
e=d["error"]
assert d["exit_status"]==2 and e["kind"]=="parse" and e["column"]==4
assert e["message"]=="unexpected '"'"'**'"'"'" and e["hint"]=="use ^ for powers: n^2, not n**2", e
assert "n" not in e
assert "parse error at column 4" in err' -- sum '1/n**2' --json
json "json: parse error without hint" 2 '
e=d["error"]
assert e["kind"]=="parse" and e["column"]==3 and e["message"]=="unexpected '"'"'/'"'"'" and "hint" not in e, e' -- sum --json '2*/n'
json "json: usage error before the term (--json last)" 2 '
e=d["error"]
assert d["exit_status"]==2 and e["kind"]=="usage" and "column" not in e
assert e["message"]=="--digits must be an integer between 1 and 100000, got '"'"'0'"'"'", e
assert "--digits must be" in err' -- sum --digits 0 'n^-2' --json
json "json: --json taken as an option's value still asks for JSON" 2 '
assert d["error"]["message"]=="--from needs a non-negative integer, got '"'"'--json'"'"'"' -- sum --from --json 'n^-2'
json "json: usage error, -j first" 2 'assert d["error"]["kind"]=="usage"' -- sum -j --max-memory 1K 'n^-2'
json "json: unknown option with its hint" 2 '
e=d["error"]
assert e["message"]=="unknown option '"'"'--digit'"'"'" and e["hint"]=="did you mean '"'"'--digits'"'"'?", e' -- sum --digit 20 'n^-2' --json
json "json: no term" 2 'assert d["error"]["message"]=="sum needs a TERM"' -- sum --json
json "json: unknown command" 2 'assert d["error"]["kind"]=="usage" and d["error"]["hint"]=="did you mean '"'"'prod'"'"'?"' -- prd 'n^-2' --json
json "json: domain error" 2 '
e=d["error"]
assert d["exit_status"]==2 and e["kind"]=="domain" and e["n"]=="1" and e["hint"]=="try --from 2"
assert e["message"]=="term undefined at n = 1: division by zero", e' -- sum '1/(n-1)' --json
json "json: domain error after N0" 2 'e=d["error"]; assert e["n"]=="3" and "hint" not in e, e' -- sum '1/(n-3)' --json
# a precision limit met before any verdict is the result object (verdict
# unknown, "stopped": "precision", the reason naming --max-prec), exit 4
json "json: limit before a verdict" 4 '
assert d["verdict"]=="unknown" and d["stopped"]=="precision" and "--max-prec" in d["stop_note"], d' -- sum 'exp(n^50)' --max-prec 256 --json
json "json: term too long is a limit" 4 'assert d["error"]["kind"]=="limit" and "term too long" in d["error"]["message"]' \
  -- sum --json "$(python3 -c 'print("n+"*50000+"n")')"
# a timeout is the result object with the verdict kept ((2+(-1)^n)/n^2: a
# slow direct sum with an envelope tail) and "stopped": exit 5
json "json: timeout" 5 '
assert d.get("verdict")=="converges" and d.get("stopped")=="timeout" and d["digits"] < 15, d' \
  -- sum '(2+(-1)^n)/n^2' --timeout 0.2 --json

# ---- --max-memory ------------------------------------------------------------
for m in 512M 2G 1g 16M 16777216 1T 16384K 65536k; do
  json "--max-memory $m" 0 'assert d["verdict"]=="converges" and d["digits"]>=5' -- sum 'n^-2' -d 5 --json --max-memory "$m"
done
json "--max-memory=2G" 0 'assert d["verdict"]=="converges"' -- sum 'n^-2' -d 5 --json --max-memory=2G
for m in 1K 15M 16777215 2T 1099511627777 5Q 512MB 1.5G -1 '' G 99999999999999999999999G; do
  line "--max-memory '$m' refused" 2 "infcert: --max-memory must be a size between 16M and 1T (bytes, or with suffix K, M, G, T), got '$m'" -- sum 'n^-2' --max-memory "$m"
done
line "--max-memory without a value" 2 "infcert: option --max-memory needs a value" -- sum 'n^-2' --max-memory

[ $fails -eq 0 ]
