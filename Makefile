# khabar - Arabic news text into clean, structured data.
#
#   make                 library (static and shared) and the khabar command
#   make check           every test (unit, CLI golden files, fuzz corpus)
#   make asan            the tests under AddressSanitizer + UBSan
#   make tsan            the unit tests (threads sharing a model) under TSan
#   make fuzz            run the libFuzzer target (clang), FUZZ_TIME seconds
#   make bench           throughput against Snowball, SQLite FTS5 and Lucene
#   make models          rebuild data/*.kbm from ../shared/data
#   make eval            accuracy figures on ../shared/data
#   make install         PREFIX=/usr/local (DESTDIR honoured)
#   make tables          regenerate src/text/unicode_tables.c
#   make check-tables    check that regenerating reproduces it
#
# Plain GNU make, C11, no dependency beyond libc for the library.

PREFIX   ?= /usr/local
DESTDIR  ?=
CC       ?= cc
CFLAGS   ?= -O2 -g
LDFLAGS  ?=
BUILD    ?= build
PYTHON   ?= python3
UCD      ?= /usr/share/unicode
FUZZ_TIME ?= 600
SHARED   ?= ../shared/data

VERSION  := $(shell sed -n 's/^\#define KHABAR_VERSION_STRING "\(.*\)"/\1/p' include/khabar.h)
SOVER    := 0
WARN     := -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes
KCFLAGS  := -std=c11 -D_POSIX_C_SOURCE=200809L $(WARN) -Iinclude -fPIC \
            -MMD -MP $(CFLAGS)

LIBS     := -lm
LIB_SRC  := $(sort $(wildcard src/*/*.c))
CLI_SRC  := $(sort $(wildcard cli/*.c))
TEST_SRC := $(sort $(wildcard tests/unit/*.c))
TRAIN_SRC := $(sort $(wildcard tools/train/*.c))

DATA     := $(sort $(wildcard data/*.kbm))
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/gen/embedded.o
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/obj/%.o)
TEST_OBJ := $(TEST_SRC:%.c=$(BUILD)/obj/%.o)
TRAIN_OBJ := $(TRAIN_SRC:%.c=$(BUILD)/obj/%.o)

LIB_A    := $(BUILD)/libkhabar.a
LIB_SO   := $(BUILD)/libkhabar.so.$(SOVER)
KHABAR   := $(BUILD)/khabar
TESTS    := $(BUILD)/khabar-tests
REPLAY   := $(BUILD)/fuzz-replay
REPLAY_MODEL := $(BUILD)/fuzz-replay-model
TRAIN    := $(BUILD)/khabar-train
FTS_SO   := $(BUILD)/khabar_fts.so

.PHONY: all check unit cli-tests search-tests tsan-index html-tests fuzz-replay asan tsan fuzz bench install \
        uninstall tables check-tables clean demo models eval

all: $(LIB_A) $(LIB_SO) $(KHABAR) $(FTS_SO) $(BUILD)/khabar.pc

# After `all`, so that a bare `make` builds everything.
FORCE:

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(KCFLAGS) -Isrc -c $< -o $@

# The default models, compiled in (tools/gen_embedded.sh). data.list names
# them, and changes only when a file comes or goes: a removed model is then
# no longer compiled in.
$(BUILD)/gen/data.list: FORCE
	@mkdir -p $(dir $@)
	@echo '$(DATA)' | cmp -s - $@ || echo '$(DATA)' > $@

$(BUILD)/gen/embedded.c: tools/gen_embedded.sh $(DATA) $(BUILD)/gen/data.list
	@mkdir -p $(dir $@)
	tools/gen_embedded.sh data > $@

$(BUILD)/obj/gen/embedded.o: $(BUILD)/gen/embedded.c $(DATA)
	@mkdir -p $(dir $@)
	$(CC) $(KCFLAGS) -Isrc -c $< -o $@

# The FTS5 tokenizer as a loadable SQLite extension, the library linked in
# statically (ext/sqlite/khabar_fts.h).
FTS_OBJ  := $(BUILD)/obj/ext/sqlite/khabar_fts.o \
            $(BUILD)/obj/ext/sqlite/term_cache.o

$(FTS_SO): $(FTS_OBJ) $(LIB_A) ext/sqlite/khabar_fts.map
	$(CC) -shared -Wl,--version-script=ext/sqlite/khabar_fts.map $(CFLAGS) \
	    $(LDFLAGS) -o $@ $(FTS_OBJ) $(LIB_A) $(LIBS)

$(LIB_A): $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(LIB_SO): $(LIB_OBJ) src/khabar.map
	$(CC) -shared -Wl,-soname,libkhabar.so.$(SOVER) \
	    -Wl,--version-script=src/khabar.map $(CFLAGS) $(LDFLAGS) \
	    -o $@ $(LIB_OBJ) $(LIBS)
	ln -sf libkhabar.so.$(SOVER) $(BUILD)/libkhabar.so

# The command links SQLite and jansson (khabar index, khabar search) and
# the tokenizer built in (-DSQLITE_CORE); scripts/deps.sh build installs
# them when missing.
CLI_LIBS := -lsqlite3 -ljansson -lpthread
CLI_FTS_OBJ := $(BUILD)/obj/ext/sqlite/khabar_fts.core.o \
               $(BUILD)/obj/ext/sqlite/term_cache.o

$(BUILD)/.deps-build: scripts/deps.sh
	@mkdir -p $(dir $@)
	@test -f /usr/include/sqlite3.h -a -f /usr/include/jansson.h \
	    -a -x /usr/bin/unzip || scripts/deps.sh build
	@touch $@

$(CLI_OBJ) $(FTS_OBJ) $(CLI_FTS_OBJ): | $(BUILD)/.deps-build

$(BUILD)/obj/ext/sqlite/khabar_fts.core.o: ext/sqlite/khabar_fts.c
	@mkdir -p $(dir $@)
	$(CC) $(KCFLAGS) -DSQLITE_CORE -Isrc -c $< -o $@

$(KHABAR): $(CLI_OBJ) $(CLI_FTS_OBJ) $(LIB_A)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(CLI_OBJ) $(CLI_FTS_OBJ) $(LIB_A) \
	    $(LIBS) $(CLI_LIBS)

$(TESTS): $(TEST_OBJ) $(LIB_A)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(TEST_OBJ) $(LIB_A) $(LIBS) -lpthread

$(TRAIN): $(TRAIN_OBJ) $(LIB_A)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(TRAIN_OBJ) $(LIB_A) $(LIBS)

$(REPLAY): $(BUILD)/obj/fuzz/fuzz_text.o $(BUILD)/obj/fuzz/replay.o $(LIB_A)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LIBS)

$(REPLAY_MODEL): $(BUILD)/obj/fuzz/fuzz_model.o $(BUILD)/obj/fuzz/replay.o $(LIB_A)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LIBS)

$(BUILD)/khabar.pc: khabar.pc.in include/khabar.h
	@mkdir -p $(BUILD)
	sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@VERSION@|$(VERSION)|g' $< > $@

# ---------------------------------------------------------------- tests ---

check: unit cli-tests search-tests fuzz-replay html-tests

unit: $(TESTS)
	$(TESTS)

cli-tests: $(KHABAR)
	tests/cli/run.sh $(KHABAR)

# Search quality, the index and search commands, the extension from
# Python's sqlite3 module and the sqlite3 shell, kill -9 while indexing.
# Debian's python3 (whose sqlite3 module can load extensions).
SEARCH_PY ?= /usr/bin/python3
search-tests: $(KHABAR) $(FTS_SO)
	@command -v sqlite3 >/dev/null && test -x $(SEARCH_PY) || \
	    scripts/deps.sh search
	$(SEARCH_PY) tests/search/run.py $(BUILD)

# The HTML report rendered by headless Chromium (installed if missing).
html-tests: $(KHABAR)
	@command -v chromium >/dev/null || scripts/deps.sh html
	tests/html/run.sh $(KHABAR)

fuzz-replay: $(REPLAY) $(REPLAY_MODEL)
	$(REPLAY) fuzz/corpus
	$(REPLAY_MODEL) fuzz/corpus-model

asan:
	$(MAKE) BUILD=build/asan \
	    CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
	    LDFLAGS="-fsanitize=address,undefined" KHABAR_SANITIZED=1 check

# Threads share one model: the unit tests (whose API suite analyzes from four
# threads at once) under ThreadSanitizer.
tsan:
	$(MAKE) BUILD=build/tsan CFLAGS="-O1 -g -fsanitize=thread" \
	    LDFLAGS="-fsanitize=thread" unit tsan-index

# khabar index analyzing on four threads while the main thread writes.
tsan-index: $(KHABAR)
	@rm -f $(BUILD)/tsan-index.db*
	TSAN_OPTIONS=halt_on_error=1 $(KHABAR) index -j 4 --batch 5 \
	    --no-progress $(BUILD)/tsan-index.db tests/search/collection
	@rm -f $(BUILD)/tsan-index.db*

# ----------------------------------------------------------------- fuzz ---

# FUZZ_TARGET=text (normalize, tokens, sentences, words, writers) or model
# (loading model files).
FUZZ_TARGET ?= text
FUZZ_BIN := $(BUILD)/fuzz/fuzz_$(FUZZ_TARGET)
FUZZ_SEEDS := $(if $(filter model,$(FUZZ_TARGET)),fuzz/corpus-model,fuzz/corpus)
fuzz: $(BUILD)/gen/embedded.c
	@command -v clang >/dev/null || scripts/deps.sh fuzz
	@mkdir -p $(BUILD)/fuzz/corpus-$(FUZZ_TARGET)
	clang -std=c11 -D_POSIX_C_SOURCE=200809L -g -O1 -Iinclude -Isrc \
	    -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
	    -o $(FUZZ_BIN) fuzz/fuzz_$(FUZZ_TARGET).c $(LIB_SRC) \
	    $(BUILD)/gen/embedded.c $(LIBS)
	$(FUZZ_BIN) -max_total_time=$(FUZZ_TIME) -max_len=4096 \
	    -dict=fuzz/arabic.dict $(BUILD)/fuzz/corpus-$(FUZZ_TARGET) $(FUZZ_SEEDS)

# ---------------------------------------------------------------- bench ---

bench: $(LIB_A)
	bench/run.sh $(BUILD)

# --------------------------------------------------------------- models ---

# Rebuilds data/*.kbm from $(SHARED) (needs the shared corpora); the library
# must then be rebuilt to compile the new defaults in.
models: $(KHABAR) $(TRAIN)
	tools/models.sh $(BUILD) $(SHARED)
	$(MAKE) all

# Accuracy figures on $(SHARED) (tools/eval/README.md); not a test.
eval: all $(TRAIN)
	tools/eval/run.sh $(BUILD) $(SHARED)

# --------------------------------------------------------------- tables ---

# The Umm al-Qura table is written by a build tool linked with ICU
# (libicu-dev); the library never links it.
$(BUILD)/gen_ummalqura: tools/gen_ummalqura.c
	@mkdir -p $(dir $@)
	$(CC) -O2 -std=c11 -Wall -Wextra -o $@ $< \
	    $$(pkg-config --cflags --libs icu-i18n)

tables:
	@test -f $(UCD)/UnicodeData.txt && pkg-config --exists icu-i18n || \
	    scripts/deps.sh tables
	$(PYTHON) tools/gen_unicode.py $(UCD) > src/text/unicode_tables.c
	$(MAKE) $(BUILD)/gen_ummalqura
	$(BUILD)/gen_ummalqura > src/extract/ummalqura_table.c

check-tables:
	@test -f $(UCD)/UnicodeData.txt && pkg-config --exists icu-i18n || \
	    scripts/deps.sh tables
	$(PYTHON) tools/gen_unicode.py $(UCD) > $(BUILD)/unicode_tables.c
	cmp $(BUILD)/unicode_tables.c src/text/unicode_tables.c
	@echo "unicode tables: reproducible"
	$(MAKE) $(BUILD)/gen_ummalqura
	$(BUILD)/gen_ummalqura > $(BUILD)/ummalqura_table.c
	cmp $(BUILD)/ummalqura_table.c src/extract/ummalqura_table.c
	@echo "umm al-qura table: reproducible"

# -------------------------------------------------------------- install ---

install: all
	install -d $(DESTDIR)$(PREFIX)/lib $(DESTDIR)$(PREFIX)/include \
	    $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib/pkgconfig \
	    $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 644 $(LIB_A) $(DESTDIR)$(PREFIX)/lib/
	install -m 755 $(LIB_SO) $(DESTDIR)$(PREFIX)/lib/
	ln -sf libkhabar.so.$(SOVER) $(DESTDIR)$(PREFIX)/lib/libkhabar.so
	install -m 644 include/khabar.h $(DESTDIR)$(PREFIX)/include/
	install -m 755 $(KHABAR) $(DESTDIR)$(PREFIX)/bin/
	install -m 644 $(BUILD)/khabar.pc $(DESTDIR)$(PREFIX)/lib/pkgconfig/
	install -m 644 docs/khabar.1 $(DESTDIR)$(PREFIX)/share/man/man1/
	install -m 755 $(FTS_SO) $(DESTDIR)$(PREFIX)/lib/
	install -m 644 ext/sqlite/khabar_fts.h $(DESTDIR)$(PREFIX)/include/

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/lib/libkhabar.a \
	    $(DESTDIR)$(PREFIX)/lib/libkhabar.so* \
	    $(DESTDIR)$(PREFIX)/lib/khabar_fts.so \
	    $(DESTDIR)$(PREFIX)/include/khabar_fts.h \
	    $(DESTDIR)$(PREFIX)/include/khabar.h \
	    $(DESTDIR)$(PREFIX)/bin/khabar \
	    $(DESTDIR)$(PREFIX)/lib/pkgconfig/khabar.pc \
	    $(DESTDIR)$(PREFIX)/share/man/man1/khabar.1

demo: $(KHABAR)
	$(KHABAR) analyze --date 2017-11-21 examples/gulf-summit.txt

clean:
	rm -rf build

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(TEST_OBJ:.o=.d) $(TRAIN_OBJ:.o=.d) \
    $(patsubst %,$(BUILD)/obj/fuzz/%.d,fuzz_text fuzz_model replay)
