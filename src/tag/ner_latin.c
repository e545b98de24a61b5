/*
 * ner_latin.c - the doc rule of Latin words (kh_nd_latin_words): what a
 * scraped page leaves in an article's text is no name.
 *
 *   code         a name of Latin words all written as code is none
 *                (webkit, border, rendererOptions, drawBorder: the CSS
 *                and scripts of the page), lower case first and second;
 *                iPhone, eBay and jQuery stay, and so do titles with
 *                small words (Seven Pillars of Wisdom);
 *   furniture    a name of the page's buttons and links alone is none
 *                (Next Previous, View As); one that they begin starts
 *                after them (Next Previous أحمد حجازي: أحمد حجازي);
 *   formats      nor is an acronym of a technique or a format alone (SMS
 *                of أرسل رسالة SMS, PDF, GPS, USB).
 */
#include "ner_doc.h"

#include <string.h>

/* Whether token ti is Latin and written as code: its first two letters in
 * lower case (webkit, rendererOptions), or one lower-case letter alone. */
static int code_word(const ner_doc *d, size_t ti)
{
    const khabar_token *t = &d->tk[ti];
    const char *s = d->doc->text + t->start;
    size_t n = t->end - t->start;
    if (t->kind != KHABAR_TOK_LATIN || n == 0 || !(s[0] >= 'a' && s[0] <= 'z'))
        return 0;
    return n == 1 || (s[1] >= 'a' && s[1] <= 'z');
}

/* Whether token ti is Latin and written as one of the count words. */
static int latin_among(const ner_doc *d, size_t ti, const char *const *words,
                       size_t count)
{
    const khabar_token *t = &d->tk[ti];
    size_t n = t->end - t->start, i;
    if (t->kind != KHABAR_TOK_LATIN)
        return 0;
    for (i = 0; i < count; i++) {
        if (strlen(words[i]) == n &&
            memcmp(d->doc->text + t->start, words[i], n) == 0)
            return 1;
    }
    return 0;
}

/* Whether token ti is one of a web page's buttons or links, as written. */
static int furniture(const ner_doc *d, size_t ti)
{
    static const char *const words[] = {
        "Next",    "Previous", "Prev",      "Share", "Tweet",   "Print",
        "Email",   "Home",     "Menu",      "Login", "More",    "Read",
        "View",    "As",       "Comments",  "Reply", "Follow",  "Close",
        "Subscribe", "Related", "Back"};
    return latin_among(d, ti, words, sizeof words / sizeof words[0]);
}

/* Whether token ti is the acronym of a technique or a file format, as
 * written: no one's name. */
static int format_word(const ner_doc *d, size_t ti)
{
    static const char *const words[] = {
        "SMS", "MMS", "PDF", "GPS", "USB", "LTE", "RSS", "HTML", "URL",
        "DNA", "HD", "3G", "4G", "5G", "WiFi", "SIM"};
    return latin_among(d, ti, words, sizeof words / sizeof words[0]);
}

/* Entities sorted by token or not; dropped ones removed, the others keep
 * their order. */
void kh_nd_latin_words(ner_doc *d)
{
    khabar_entity *e = d->doc->entities.data;
    size_t n = d->doc->entities.len, i, k = 0;
    for (i = 0; i < n; i++) {
        size_t a = e[i].first_token, b = a + e[i].n_tokens, t, code = 0;
        for (t = a; t < b; t++)
            code += code_word(d, t);
        for (t = a; t < b && furniture(d, t); t++)
            ;
        if (code == b - a || t == b || (b == a + 1 && format_word(d, a))) {
            memset(d->type + a, 0, b - a);
            continue;
        }
        if (t > a) {
            memset(d->type + a, 0, t - a);
            mark_span(d, t, b, e[i].type);
            e[i].first_token = t;
            e[i].n_tokens = b - t;
            e[i].start = kh_ner_entity_start(d->doc, d->gaz, t, e[i].type);
        }
        e[k++] = e[i];
    }
    d->doc->entities.len = k;
}
