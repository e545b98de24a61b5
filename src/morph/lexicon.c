/* lexicon.c - loading and looking up the lexicon (see lexicon.h). */
#include "lexicon.h"

#include <string.h>

#include "../core/error.h"
#include "../model/inline_key.h"

static const char *const upos_names[KH_UPOS_COUNT] = {
    "_", "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM",
    "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"};

const char *kh_upos_name(int upos)
{
    return upos >= 0 && upos < KH_UPOS_COUNT ? upos_names[upos] : "_";
}

const char *khabar_upos_name(khabar_upos upos) { return kh_upos_name((int)upos); }

_Static_assert(sizeof(kh_lex_slot) == 32, "a lexicon slot is 32 bytes");

static khabar_code bad(khabar_error *err, const char *msg)
{
    return kh_fail(err, KHABAR_EMODEL, msg, 0);
}

khabar_code kh_lexicon_open(kh_lexicon *lex, const kh_container *c,
                            khabar_error *err)
{
    kh_cursor k;
    uint32_t i, version;
    memset(lex, 0, sizeof *lex);
    kh_cursor_init(&k, kh_container_get(c, "lexicon"));
    if (k.bad)
        return bad(err, "lexicon: no lexicon section");
    version = kh_cursor_u32(&k);
    lex->n_entries = kh_cursor_u32(&k);
    lex->n_slots = kh_cursor_u32(&k);
    lex->n_analyses = kh_cursor_u32(&k);
    lex->pool_size = kh_cursor_u32(&k);
    kh_cursor_u32(&k);
    lex->total = kh_cursor_u64(&k);
    if (k.bad || version != 2)
        return bad(err, version == 1 ? "lexicon: version 1, rebuild it"
                                     : "lexicon: bad header");
    if (lex->n_slots == 0 || (lex->n_slots & (lex->n_slots - 1)) ||
        lex->n_slots <= lex->n_entries)
        return bad(err, "lexicon: bad slot count");
    lex->slots = kh_cursor_array(&k, lex->n_slots, sizeof(kh_lex_slot), 4);
    lex->analyses =
        kh_cursor_array(&k, lex->n_analyses, sizeof(kh_lex_analysis), 4);
    lex->pool = kh_cursor_array(&k, lex->pool_size, 1, 1);
    if (!kh_cursor_end(&k))
        return bad(err, "lexicon: truncated or trailing bytes");
    for (i = 0; i < lex->n_analyses; i++) {
        const kh_lex_analysis *a = &lex->analyses[i];
        if (a->lemma > lex->pool_size ||
            a->lemma_len > lex->pool_size - a->lemma ||
            a->root > lex->pool_size || a->root_len > lex->pool_size - a->root ||
            a->upos >= KH_UPOS_COUNT)
            return bad(err, "lexicon: analysis out of range");
    }
    kh_ok(err);
    return KHABAR_OK;
}

/* Whether a slot's fields are in range. The loader reads no slot (that
 * would bring the whole table into memory at every start-up): a lookup
 * checks the slot it returns, and passes over a bad one as if it held
 * another key. */
static int slot_ok(const kh_lexicon *lex, const kh_lex_entry *e)
{
    return e->key <= lex->pool_size && e->key_len <= lex->pool_size - e->key &&
           e->analyses <= lex->n_analyses &&
           e->n_analyses <= lex->n_analyses - e->analyses;
}

const kh_lex_entry *kh_lexicon_find(const kh_lexicon *lex, const char *key,
                                    size_t n)
{
    uint32_t mask, i, probes;
    if (!lex->n_slots || n == 0 || n > 255)
        return NULL;
    mask = lex->n_slots - 1;
    i = kh_lex_hash(key, n) & mask;
    /* n_slots > n_entries, so an empty slot ends every probe sequence; the
     * bound only guards a hostile file whose slots are all full. */
    for (probes = 0; probes <= mask; probes++, i = (i + 1) & mask) {
        const kh_lex_slot *s = &lex->slots[i];
        if (!s->e.key_len)
            return NULL;
        if (slot_ok(lex, &s->e) &&
            kh_inline_key_is(s->key, KH_LEX_INLINE, lex->pool, s->e.key,
                             s->e.key_len, key, n))
            return &s->e;
    }
    return NULL;
}
