# The README's Quick start: `make run` and `make test` on a fresh Debian 12 machine.
BUILD_DIR ?= build
BUILD_TYPE ?= RelWithDebInfo
CMAKE_FLAGS ?=
SAMPLE ?= tests/data/wraprnn.pt

.PHONY: all deps configure build run test package icons bench screenshots fixtures clean

all: build

deps:
	@bash scripts/install-deps.sh

configure: deps
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(CMAKE_FLAGS)

build: configure
	cmake --build $(BUILD_DIR)

# Opens the desktop app on the tutorial's WrapRNN sample.
run: build
	$(BUILD_DIR)/app/torchscope $(SAMPLE)

test: build
	cd $(BUILD_DIR) && ctest --output-on-failure

# The Debian package and the .tar.gz, in $(BUILD_DIR) (packaging/CMakeLists.txt).
package: build
	cmake --build $(BUILD_DIR) --target package

# Regenerates the committed PNG, .ico and .icns icons from resources/icons/torchscope.svg.
icons:
	@bash scripts/install-deps.sh librsvg2-bin icoutils icnsutils
	bash packaging/icons/make-icons.sh

bench: build
	@bash scripts/install-deps.sh python3-torch python3-torchvision python3-torchaudio time bc graphviz
	bash bench/open.sh $(BUILD_DIR)
	bash bench/screenshot.sh $(BUILD_DIR)
	bash bench/graph.sh $(BUILD_DIR)
	bash bench/run.sh $(BUILD_DIR)

# Regenerates the README's pictures from the bundled samples (needs a build; runs offscreen).
screenshots: build
	bash scripts/screenshots.sh $(BUILD_DIR)

# Regenerates tests/data from Python's torch.jit (Debian's python3-torch).
fixtures:
	@bash scripts/install-deps.sh python3-torch
	/usr/bin/python3 tests/data/make_fixtures.py

clean:
	rm -rf $(BUILD_DIR)
