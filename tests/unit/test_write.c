/* test_write.c - the text, JSONL and CoNLL-U writers. */
#include <stdlib.h>

#include "test.h"

static void text_and_jsonl(void)
{
    const char *in = "قال: «نعم».\nالجزيرة نت";
    khabar_doc *d = khabar_analyze(t_model, in, strlen(in), NULL);
    t_buf b;
    CHECK(t_write(d, KHABAR_VIEW_SENTENCES, KHABAR_FORMAT_TEXT, &b) ==
          KHABAR_OK);
    CHECK_MEM(b.data, b.len, "قال: «نعم».\nالجزيرة نت\n");
    t_buf_free(&b);
    CHECK(t_write(d, KHABAR_VIEW_TOKENS, KHABAR_FORMAT_TEXT, &b) == KHABAR_OK);
    CHECK(!strncmp(b.data, "قال\tقال\tarabic\t0\t6\n:\t:\tpunct\t6\t7\n", 36));
    CHECK(strstr(b.data, "\n\nالجزيرة\tالجزيره\tarabic\t") != NULL);
    t_buf_free(&b);
    CHECK(t_write(d, KHABAR_VIEW_SENTENCES, KHABAR_FORMAT_JSONL, &b) ==
          KHABAR_OK);
    CHECK_MEM(b.data, b.len,
              "{\"id\":1,\"start\":0,\"end\":19,\"text\":\"قال: «نعم».\"}\n"
              "{\"id\":2,\"start\":20,\"end\":39,\"text\":\"الجزيرة نت\"}\n");
    t_buf_free(&b);
    CHECK(t_write(d, KHABAR_VIEW_TOKENS, KHABAR_FORMAT_JSONL, &b) ==
          KHABAR_OK);
    CHECK(strstr(b.data, "{\"text\":\"الجزيرة\",\"norm\":\"الجزيره\","
                         "\"kind\":\"arabic\",\"start\":20,\"end\":34,"
                         "\"space_after\":true}") != NULL);
    t_buf_free(&b);
    /* No normalized text in this doc: that view is refused. */
    CHECK(t_write(d, KHABAR_VIEW_NORMALIZED, KHABAR_FORMAT_TEXT, &b) ==
          KHABAR_EINVAL);
    t_buf_free(&b);
    khabar_doc_free(d);
}

static void json_escapes(void)
{
    const char in[] = "\"a\\b\"\t\x01\xff\xe2\x80\xa8";
    khabar_options o = {.stages = KHABAR_STAGE_NORMTEXT, .norm = KHABAR_NORM_EXPLICIT};
    khabar_doc *d = khabar_analyze_opts(t_model, in, sizeof in - 1, &o, NULL);
    t_buf b;
    CHECK(t_write(d, KHABAR_VIEW_NORMALIZED, KHABAR_FORMAT_JSONL, &b) ==
          KHABAR_OK);
    CHECK_MEM(b.data, b.len,
              "{\"start\":0,\"end\":11,\"text\":\"\\\"a\\\\b\\\"\\t\\u0001"
              "\xef\xbf\xbd\\u2028\"}\n");
    t_buf_free(&b);
    khabar_doc_free(d);
}

static void normalized_lines(void)
{
    const char *in = "ﺍﻟﺴﻼﻡ\nسُورْيَا\n";
    khabar_options o = {.stages = KHABAR_STAGE_NORMTEXT};
    khabar_doc *d = khabar_analyze_opts(t_model, in, strlen(in), &o, NULL);
    t_buf b;
    CHECK(t_write(d, KHABAR_VIEW_NORMALIZED, KHABAR_FORMAT_TEXT, &b) ==
          KHABAR_OK);
    CHECK_MEM(b.data, b.len, "السلام\nسوريا\n");
    t_buf_free(&b);
    CHECK(t_write(d, KHABAR_VIEW_NORMALIZED, KHABAR_FORMAT_JSONL, &b) ==
          KHABAR_OK);
    CHECK_MEM(b.data, b.len,
              "{\"start\":0,\"end\":15,\"text\":\"السلام\"}\n"
              "{\"start\":16,\"end\":32,\"text\":\"سوريا\"}\n");
    t_buf_free(&b);
    CHECK(t_write(d, KHABAR_VIEW_NORMALIZED, KHABAR_FORMAT_CONLLU, &b) ==
          KHABAR_EINVAL);
    t_buf_free(&b);
    khabar_doc_free(d);
}

static void conllu(void)
{
    const char *in = "  قال: «نعم»،\tو|ذهب\\.\n\nالجزيرة نت\n";
    khabar_doc *d = khabar_analyze(t_model, in, strlen(in), NULL);
    t_buf b, r;
    CHECK(t_write(d, KHABAR_VIEW_TOKENS, KHABAR_FORMAT_CONLLU, &b) ==
          KHABAR_OK);
    CHECK(!strncmp(b.data, "# newpar\n# sent_id = 1\n# text = قال: «نعم»،", 50));
    CHECK(strstr(b.data, "1\tقال\t_\t_\t_\t_\t_\t_\t_\t"
                         "SpacesBefore=\\s\\s|SpaceAfter=No|TokenRange=2:8\n"));
    CHECK(strstr(b.data, "\t،\t_\t_\t_\t_\t_\t_\t_\tSpacesAfter=\\t|"));
    CHECK(strstr(b.data, "\t.\t_\t_\t_\t_\t_\t_\t_\tSpacesAfter=\\n\\n|"));
    CHECK(strstr(b.data, "\tنت\t_\t_\t_\t_\t_\t_\t_\tSpacesAfter=\\n|"));
    CHECK(t_conllu_rebuild(b.data, b.len, &r) == 0);
    CHECK_MEM(r.data, r.len, in);
    t_buf_free(&r);
    t_buf_free(&b);
    khabar_doc_free(d);
}

static void bases_and_errors(void)
{
    const char *in = "أ. ب.";
    khabar_doc *d = khabar_analyze(t_model, in, strlen(in), NULL);
    khabar_write_opts o;
    t_buf b;
    memset(&o, 0, sizeof o);
    memset(&b, 0, sizeof b);
    o.view = KHABAR_VIEW_SENTENCES;
    o.format = KHABAR_FORMAT_JSONL;
    o.offset_base = 1000;
    o.sentence_base = 41;
    CHECK(khabar_doc_write(d, &o, t_buf_write, &b, NULL) == KHABAR_OK);
    CHECK(b.data && !strncmp(b.data, "{\"id\":42,\"start\":1000,", 22));
    t_buf_free(&b);
    b.fail_after = 1;
    CHECK(khabar_doc_write(d, &o, t_buf_write, &b, NULL) == KHABAR_EIO);
    t_buf_free(&b);
    o.format = (khabar_format)99;
    CHECK(khabar_doc_write(d, &o, t_buf_write, &b, NULL) == KHABAR_EINVAL);
    o.view = (khabar_view)99;
    CHECK(khabar_doc_write(d, &o, t_buf_write, &b, NULL) == KHABAR_EINVAL);
    CHECK(khabar_doc_write(NULL, &o, t_buf_write, &b, NULL) == KHABAR_EINVAL);
    CHECK(khabar_doc_write(d, NULL, NULL, &b, NULL) == KHABAR_EINVAL);
    t_buf_free(&b);
    khabar_doc_free(d);
}

/* A person's titles: each wording once; a title after ل whose article
 * the ل swallowed reads with the article (للرئيس: الرئيس, not لرئيس); a
 * name keeps the ل (its span is the input's). */
static void titles_shown(void)
{
    const char *in = "وقال وزير البيئة الفرنسي نيكولا أولو إن القرار نهائي. "
                     "وأضاف وزير البيئة الفرنسي نيكولا أولو أنه محبط. "
                     "وكتب رسالة للرئيس الأمريكي دونالد ترامب وللأمم المتحدة.";
    khabar_doc *d = khabar_analyze(t_model, in, strlen(in), NULL);
    t_buf b;
    const char *p;
    CHECK(t_write(d, KHABAR_VIEW_ANALYSIS, KHABAR_FORMAT_JSON, &b) ==
          KHABAR_OK);
    p = strstr(b.data, "\"titles\":[\"وزير البيئة الفرنسي\"]");
    CHECK(p != NULL);
    CHECK(strstr(b.data, "\"titles\":[\"الرئيس الأمريكي\"]") != NULL);
    CHECK(strstr(b.data, "\"name\":\"للأمم المتحدة\"") != NULL);
    t_buf_free(&b);
    CHECK(t_write(d, KHABAR_VIEW_ANALYSIS, KHABAR_FORMAT_TEXT, &b) ==
          KHABAR_OK);
    CHECK(strstr(b.data, "نيكولا أولو — وزير البيئة الفرنسي (2)") != NULL);
    CHECK(strstr(b.data, "دونالد ترامب — الرئيس الأمريكي (1)") != NULL);
    t_buf_free(&b);
    khabar_doc_free(d);
}

/* A quote whose speaker is a title or a description shows the name of
 * who it is in parentheses; a speaker that is the name, or a part of it,
 * shows nothing more. */
static void speakers_named(void)
{
    const char *in = "التقى الرئيس الروسي فلاديمير بوتين الوفد أمس. "
                     "وقال الرئيس الروسي إن المحادثات كانت مثمرة. "
                     "وأضاف بوتين أن اللقاء المقبل في موسكو.";
    khabar_doc *d = khabar_analyze(t_model, in, strlen(in), NULL);
    t_buf b;
    CHECK(t_write(d, KHABAR_VIEW_ANALYSIS, KHABAR_FORMAT_TEXT, &b) ==
          KHABAR_OK);
    CHECK(strstr(b.data, "الرئيس الروسي (فلاديمير بوتين) — قال: ") != NULL);
    CHECK(strstr(b.data, "\nبوتين — أضاف: ") != NULL);
    t_buf_free(&b);
    khabar_doc_free(d);
}

void suite_write(void)
{
    titles_shown();
    speakers_named();
    text_and_jsonl();
    json_escapes();
    normalized_lines();
    conllu();
    bases_and_errors();
}
