# The README's Quick start: `make run` and `make test` on a fresh Debian 12 machine.
BUILD_DIR ?= build
BUILD_TYPE ?= RelWithDebInfo
CMAKE_FLAGS ?=
SAMPLE ?= tests/data/wraprnn.pt

.PHONY: all deps configure build run test bench fixtures clean

all: build

deps:
	@bash scripts/install-deps.sh

configure: deps
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(CMAKE_FLAGS)

build: configure
	cmake --build $(BUILD_DIR)

# Until the desktop app lands, `run` shows the bundled WrapRNN sample with the CLI.
run: build
	$(BUILD_DIR)/app/torchscope-cli info $(SAMPLE)
	$(BUILD_DIR)/app/torchscope-cli tree --slots $(SAMPLE)
	$(BUILD_DIR)/app/torchscope-cli code $(SAMPLE)

test: build
	cd $(BUILD_DIR) && ctest --output-on-failure

bench: build
	@bash scripts/install-deps.sh python3-torch time
	bash bench/open.sh $(BUILD_DIR)

# Regenerates tests/data from Python's torch.jit (Debian's python3-torch).
fixtures:
	@bash scripts/install-deps.sh python3-torch
	/usr/bin/python3 tests/data/make_fixtures.py

clean:
	rm -rf $(BUILD_DIR)
