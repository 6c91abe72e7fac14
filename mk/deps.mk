# mk/deps.mk — the Debian packages, brought in once per build folder: the
# first `make`, `make check` or `make report` checks them
# (tools/install-deps.sh --check); as root it installs what is missing,
# otherwise it stops and prints the one command to run.  The stamp
# $(BUILD)/.deps-ok records that the check passed; delete it to re-check.
DEPS_STAMP := $(BUILD)/.deps-ok

$(DEPS_STAMP): tools/install-deps.sh
	@missing=$$(sh tools/install-deps.sh --check) || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "infcert: installing the missing Debian packages: $$missing"; \
	    sh tools/install-deps.sh || exit 1; \
	  else \
	    echo "infcert: missing Debian packages: $$missing" >&2; \
	    echo "infcert: run this once, then make again:  sudo sh tools/install-deps.sh" >&2; \
	    exit 1; \
	  fi; }
	@mkdir -p $(dir $@) && touch $@

deps: $(DEPS_STAMP)
.PHONY: deps
