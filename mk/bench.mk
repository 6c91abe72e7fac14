# mk/bench.mk — `make bench`: infcert vs PARI/GP, mpmath and an Arb program,
# one table (tools/bench.py).
# Knobs: BENCH_RUNS (infcert runs per case, median; default 5),
#        BENCH_TIMEOUT (seconds per peer run; default 60),
#        BENCH_SCALING (digits for the growth table; default 10,100,1000,3000,10000).
# The peers are Debian's: pari-gp, python3-mpmath and libflint-arb-dev (for
# bench/peers/arb_em.c, a peer only: infcert never links Arb), so the bench
# runs Debian's python3 (not a python3 earlier on PATH with its own mpmath).
BENCH_PYTHON ?= $(shell test -x /usr/bin/python3 && echo /usr/bin/python3 || echo python3)
ARB_EM := $(BUILD)/bench/arb_em

$(ARB_EM): bench/peers/arb_em.c
	@mkdir -p $(dir $@)
	$(CC) -O2 -o $@ $< -I/usr/include/flint -lflint-arb -lflint -lmpfr -lgmp -lm

bench: $(BIN) $(ARB_EM)
	INFCERT=$(abspath $(BIN)) ARB_EM=$(abspath $(ARB_EM)) $(BENCH_PYTHON) tools/bench.py

.PHONY: bench
