# mk/difffuzz.mk — differential soundness fuzzing (issue 16): random sums and
# products whose values are computed independently of infcert (python3 +
# mpmath, tests/diff_fuzz.py); each enclosure must contain the true value.
#
#   make check           runs tests/test_diff_fuzz.sh: 7 pinned + 60 cases,
#                        fixed seed, --timeout 5 (~40 s on 2 cores)
#   make diff-fuzz       DIFF_FUZZ_CASES cases (default 500)
#   make diff-fuzz-long  DIFF_FUZZ_LONG_CASES cases (default 20000); part of
#                        make check-long (mk/robust.mk)
# Variables: DIFF_FUZZ_SEED (default: a random seed, printed first; give it
# to replay a run), DIFF_FUZZ_TIMEOUT (infcert --timeout per case, default
# 20 s), DIFF_FUZZ_JOBS (default 2), DIFF_FUZZ_FAMILIES (comma-separated
# subset), DIFF_FUZZ_PYTHON (default /usr/bin/python3: Debian's, which has
# python3-mpmath).  One case replays alone:
#   /usr/bin/python3 tests/diff_fuzz.py --seed S --case I [--pinned]

DIFF_FUZZ_PYTHON     ?= $(shell test -x /usr/bin/python3 && echo /usr/bin/python3 || echo python3)
DIFF_FUZZ_CASES      ?= 500
DIFF_FUZZ_LONG_CASES ?= 20000
DIFF_FUZZ_TIMEOUT    ?= 20
DIFF_FUZZ_JOBS       ?= 2
DIFF_FUZZ_SEED       ?=
DIFF_FUZZ_FAMILIES   ?=

DIFF_FUZZ_RUN = $(DIFF_FUZZ_PYTHON) tests/diff_fuzz.py --binary $(abspath $(BIN)) \
  --timeout $(DIFF_FUZZ_TIMEOUT) --jobs $(DIFF_FUZZ_JOBS) \
  $(if $(DIFF_FUZZ_SEED),--seed $(DIFF_FUZZ_SEED)) \
  $(if $(DIFF_FUZZ_FAMILIES),--families $(DIFF_FUZZ_FAMILIES))

diff-fuzz: $(BIN)
	$(DIFF_FUZZ_RUN) --pinned --cases $(DIFF_FUZZ_CASES)

diff-fuzz-long: $(BIN)
	$(DIFF_FUZZ_RUN) --pinned --cases $(DIFF_FUZZ_LONG_CASES)

.PHONY: diff-fuzz diff-fuzz-long
