# The two commands of the README. Everything else is a detail of these.
#   make run   install what is missing, build, and open Dalil with the bundled SOP
#   make test  install what is missing, then run every check and test

SHELL := /bin/bash
TARGET_DIR := $(or $(CARGO_TARGET_DIR),target)

.PHONY: run test deps

deps:
	@scripts/install-deps.sh

# The data folder is $DALIL_DATA_DIR, else $XDG_DATA_HOME/dalil, else ~/.local/share/dalil:
# the app applies that rule itself (dalil_store::default_data_dir) and creates the folder.
run: deps
	cargo build --workspace
	@if [ -z "$$DISPLAY" ] && [ -z "$$WAYLAND_DISPLAY" ]; then \
	  echo "dalil: there is no display. Run it under a virtual one:"; \
	  echo "  xvfb-run -a -s '-screen 0 1280x800x24' $(TARGET_DIR)/debug/dalil-app"; \
	  exit 1; \
	fi
	$(TARGET_DIR)/debug/dalil-app

test: deps
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo build --workspace
	cargo test --workspace
	$(TARGET_DIR)/debug/dalil validate sop-content
	CARGO_TARGET_DIR=$(TARGET_DIR) scripts/external-checks.sh
	CARGO_TARGET_DIR=$(abspath $(TARGET_DIR)) scripts/fuzz.sh
