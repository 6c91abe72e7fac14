#!/bin/sh
# Claims on Sphinx's en-us phone model (pocketsphinx-en-us) read two ways:
# the .lm.bin file directly (src/lmbin.c) and its ARPA export by
# sphinx_lm_convert (src/arpa.c).  Every claim must get the same status
# both ways (the binary reading holds the stored logs exactly, the export
# rounds them to 4 decimals; the statuses do not depend on that here).
# Skipped (with an "ok ... skipped" line) when the model or the converter
# is missing.
INFCERT=${INFCERT:-build/infcert}
BIN=/usr/share/pocketsphinx/model/en-us/en-us-phone.lm.bin
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ ! -r "$BIN" ] || ! sphinx_lm_convert -i "$BIN" -o "$tmp/phone.arpa" -ofmt arpa >/dev/null 2>&1; then
  echo "ok lmbin_claims skipped (no $BIN or no sphinx_lm_convert)"; exit 0
fi
for form in bin arpa; do
  if [ $form = bin ]; then path=$BIN; else path=$tmp/phone.arpa; fi
  cat > "$tmp/$form.claims" <<EOC
model phone
  arpa: $path
model phone-rows
  arpa: $path
  normalise: rows
claim nondeg-rows
  check: nondegenerate(phone-rows)
claim nondeg-stored
  check: nondegenerate(phone)
claim maxpath-rows
  check: maxpath(phone-rows, n <= 30) <= (1 - eps)^n
claim decay-rows
  check: decay(eps = phone-rows, delta = 1e-6) = ceil(log(delta) / log(1 - eps))
claim markov-rows
  check: markov(phone-rows)
claim markov2-rows
  check: markov(phone-rows, order = 2)
EOC
  "$INFCERT" claims "$tmp/$form.claims" > "$tmp/$form.out" 2> "$tmp/$form.err"
  echo $? > "$tmp/$form.rc"
done
status () { awk -v id="$2" '$1 == id { print $2 }' "$tmp/$1.out"; }
for id in nondeg-rows nondeg-stored maxpath-rows decay-rows markov-rows markov2-rows; do
  a=$(status bin $id); b=$(status arpa $id)
  if [ -n "$a" ] && [ "$a" = "$b" ]; then echo "ok lmbin_claims_$id ($a both ways)"
  else echo "FAIL lmbin_claims_$id: .lm.bin '$a', ARPA export '$b'"; fi
done
if [ "$(cat "$tmp/bin.rc")" = "$(cat "$tmp/arpa.rc")" ]; then echo "ok lmbin_claims_exit_status"
else echo "FAIL lmbin_claims_exit_status: $(cat "$tmp/bin.rc") / $(cat "$tmp/arpa.rc")"; cat "$tmp/bin.err"; fi
if grep -q "Sphinx binary trie, logs to base 1.0001" "$tmp/bin.out"; then echo "ok lmbin_claims_model_named"
else echo "FAIL lmbin_claims_model_named"; fi
# a malformed .lm.bin named by a claim file: exit status 2, FILE: byte N
head -c 1000 "$BIN" > "$tmp/cut.lm.bin"
printf 'model m\n  arpa: cut.lm.bin\nclaim c\n  check: nondegenerate(m)\n' > "$tmp/cut.claims"
"$INFCERT" claims "$tmp/cut.claims" > "$tmp/cut.out" 2> "$tmp/cut.err"; rc=$?
if [ $rc -eq 2 ] && grep -q "cut.lm.bin: byte 36: file ends inside the quantisation tables" "$tmp/cut.out" "$tmp/cut.err"; then
  echo "ok lmbin_claims_malformed"
else echo "FAIL lmbin_claims_malformed: rc $rc: $(cat "$tmp/cut.out" "$tmp/cut.err" | head -3)"; fi
