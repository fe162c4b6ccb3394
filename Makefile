# kabar: the two commands of the README, plus a few conveniences.
#   make run    install what is missing, build, ingest the sample pages into
#               ./kabar.db and print the timeline
#   make test   install what is missing, build (normal and ASan+UBSan) and
#               run every test through ctest
BUILD   ?= build
SANBUILD ?= build-asan
DB      ?= kabar.db
JOBS    ?= 2

.PHONY: all deps build run test test-asan test-release clean bench

all: build

deps:
	@bash scripts/deps.sh

# the build's own chatter goes to a log, shown only when the build fails
build: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKB_WERROR=ON >$(BUILD).log 2>&1 || (cat $(BUILD).log; exit 1)
	@echo "building in $(BUILD)/ (log: $(BUILD).log)"
	@cmake --build $(BUILD) -j$(JOBS) >>$(BUILD).log 2>&1 || (cat $(BUILD).log; exit 1)

run: build
	@rm -f $(DB) $(DB)-wal $(DB)-shm
	$(BUILD)/kabar ingest --db $(DB) data/samples
	$(BUILD)/kabar timeline --db $(DB)

test-release: build
	cd $(BUILD) && ctest --output-on-failure -j$(JOBS)

test-asan: deps
	@cmake -S . -B $(SANBUILD) -DCMAKE_BUILD_TYPE=Debug -DKB_SANITIZE=ON -DKB_WERROR=ON >$(SANBUILD).log 2>&1 || (cat $(SANBUILD).log; exit 1)
	@echo "building with ASan+UBSan in $(SANBUILD)/ (log: $(SANBUILD).log)"
	@cmake --build $(SANBUILD) -j$(JOBS) >>$(SANBUILD).log 2>&1 || (cat $(SANBUILD).log; exit 1)
	cd $(SANBUILD) && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j$(JOBS)

test: test-release test-asan

clean:
	rm -rf $(BUILD) $(SANBUILD) $(BUILD).log $(SANBUILD).log
