# mk/verify.mk — Frama-C/WP proofs of the kernels in src/kern (see
# proofs/README.md).  Needs the Debian packages frama-c-base why3 z3 cvc4 cvc5.
#   make verify         prove every kernel in proofs/kernels.txt (cache:
#                       proofs/wp-cache, replayed; changed goals re-proved;
#                       prover hints proofs/wp-session/script updated),
#                       write proofs/results.txt; fails unless 100% proved
#   make verify-cold    same without the cache (timing of a fresh machine),
#                       record in proofs/cold-run.txt
VERIFY_OUT ?= $(BUILD)/verify

verify:
	sh tools/verify.sh -o $(VERIFY_OUT) -c proofs/wp-cache -u -r proofs/results.txt
	python3 tools/proof_share.py

verify-cold:
	rm -rf $(VERIFY_OUT)-cold
	sh tools/verify.sh -o $(VERIFY_OUT)-cold -C
	{ echo "# make verify-cold, $$(date -u +%Y-%m-%d), $$(nproc) cores, no WP cache"; \
	  cat $(VERIFY_OUT)-cold/results.txt; } >proofs/cold-run.txt
	python3 tools/proof_share.py

# `make check` proves with the cache; CI runs `make check VERIFY_STEP=verify-cold`
# (the same suite, with the proofs redone from an empty cache, once).
VERIFY_STEP ?= verify
CHECK_STEPS += $(VERIFY_STEP)
.PHONY: verify verify-cold
