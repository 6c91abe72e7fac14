# mk/report.mk — the essay's claims: the built-in claim file embedded in the
# binary, the real n-gram model (turtle, converted at build time, never
# committed), `make report`, and the report/browser test steps.

GEN_DIR := $(BUILD)/gen
override CFLAGS += -I$(GEN_DIR)

# data/essay.claims as a C string literal, included by src/claims_cli.c.
$(GEN_DIR)/essay_claims.inc: data/essay.claims mk/report.mk
	@mkdir -p $(dir $@)
	sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/"/' -e 's/$$/\\n"/' $< > $@.tmp && mv $@.tmp $@
$(BUILD)/src/claims_cli.o: $(GEN_DIR)/essay_claims.inc


# The real model: Debian's pocketsphinx-testdata turtle.lm.bin, converted to
# ARPA text with sphinx_lm_convert (sphinxbase-utils).
TURTLE_LM ?= /usr/share/pocketsphinx/test/data/turtle.lm.bin
SPHINX_LM_CONVERT ?= sphinx_lm_convert
$(BUILD)/turtle.arpa: $(TURTLE_LM)
	@mkdir -p $(dir $@)
	$(SPHINX_LM_CONVERT) -i $(TURTLE_LM) -o $(BUILD)/turtle.tmp.arpa -ofmt arpa > $(BUILD)/turtle.convert.log 2>&1 \
	  || { cat $(BUILD)/turtle.convert.log; exit 1; }
	mv $(BUILD)/turtle.tmp.arpa $@

# Plain `make` also converts the model when the tools are installed, so
# `build/infcert claims` works right after it; so does `make check` on a
# fresh clone (the CLI test decides the built-in claims, which read it).
ifneq ($(wildcard $(TURTLE_LM)),)
ifneq ($(shell command -v $(SPHINX_LM_CONVERT) 2>/dev/null),)
all: $(BUILD)/turtle.arpa
check-unit: $(BUILD)/turtle.arpa
endif
endif

report: $(BIN) $(BUILD)/turtle.arpa
	$(BIN) report --out report --progress

# Claims 2, 3, 5, 6 and the Markov order on Debian's en-us.lm.bin word
# model (pocketsphinx-en-us), from data/large.claims: measured 66 s and
# 3.3 GB peak RSS on 2 cores (README, docs/claims.md); not part of `make check`.
EN_US_LM ?= /usr/share/pocketsphinx/model/en-us/en-us.lm.bin
report-large: $(BIN)
	@test -r $(EN_US_LM) || { echo "report-large: no $(EN_US_LM) (Debian package pocketsphinx-en-us)"; exit 1; }
	$(BIN) report data/large.claims --out report-large --progress

.PHONY: report report-large
