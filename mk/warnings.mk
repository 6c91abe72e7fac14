# mk/warnings.mk — `make check-warnings` (part of make check, a few seconds):
# every source in src/, src/claims/ and src/kern/ compiles without a warning under plain
# -Wall -Wextra -Werror, with gcc at -O2 (its flow-based warnings, such as
# -Wstringop-overread and -Wmaybe-uninitialized, need the optimiser) and
# with clang.  The Makefile's own -Wno-unused-parameter -Wno-unused-label
# are not used here: an unused parameter outside src/kern is marked with a
# (void) cast.  The one exception is -Wno-unused-label for src/kern, whose
# labels are program points named by ACSL \at(..., L) in the proofs (the
# compiler cannot see the annotations; kernels are not edited).

WARN_GCC   ?= gcc
WARN_CLANG ?= clang
WARN_FLAGS := -std=c11 -Wall -Wextra -Werror -D_POSIX_C_SOURCE=200809L -Isrc -Isrc/kern -I$(GEN_DIR)
WARN_KERN  := -Wno-unused-label
WARN_SRC   := $(wildcard src/*.c src/claims/*.c src/kern/*.c)

# claims_cli.c includes the generated claim file (mk/report.mk)
check-warnings: $(GEN_DIR)/essay_claims.inc
	@fail=0; n=0; for f in $(WARN_SRC); do \
	  case $$f in src/kern/*) extra="$(WARN_KERN)" ;; *) extra= ;; esac; \
	  $(WARN_GCC) -O2 $(WARN_FLAGS) $$extra -c -o /dev/null $$f || { fail=1; echo "FAIL check-warnings: $(WARN_GCC) $$f"; }; \
	  $(WARN_CLANG) $(WARN_FLAGS) $$extra -fsyntax-only $$f || { fail=1; echo "FAIL check-warnings: $(WARN_CLANG) $$f"; }; \
	  n=$$((n + 1)); \
	done; \
	[ $$fail = 0 ] && echo "check-warnings: $$n files, $(WARN_GCC) -O2 and $(WARN_CLANG), no warning"; exit $$fail

CHECK_STEPS += check-warnings
.PHONY: check-warnings
