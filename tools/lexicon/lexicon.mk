# tools/lexicon/lexicon.mk - rebuilding data/lexicon.kbm (see
# tools/lexicon/README.md). Include it after KHABAR and PYTHON are set,
# e.g. at the end of the Makefile:
#
#   include tools/lexicon/lexicon.mk
#
#   make lexicon         rebuild data/lexicon.kbm from $(SHARED) (≈ 20 s)
#   make check-lexicon   check data/lexicon.kbm and look a few words up
#
# Both are phony on purpose: data/lexicon.kbm is committed (and compiled
# into the library), and nothing that merely uses it should try to rebuild
# it: that needs the shared corpora. (DATA is not used here: the Makefile
# uses it for the list of data/*.kbm files.)

SHARED      ?= /work/shared/data
PYTHON      ?= python3
KHABAR      ?= build/khabar
LEXICON_KBM ?= data/lexicon.kbm

.PHONY: lexicon check-lexicon

lexicon: $(KHABAR)
	$(PYTHON) tools/lexicon/build_lexicon.py --shared $(SHARED) \
	    --khabar $(KHABAR) --out $(LEXICON_KBM)

check-lexicon: $(KHABAR)
	$(PYTHON) tools/lexicon/check_lexicon.py --khabar $(KHABAR) \
	    --check-keys $(LEXICON_KBM) سوريا بوتين الرئيس قال مدرسة وزير
