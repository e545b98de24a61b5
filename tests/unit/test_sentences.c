/* test_sentences.c - where sentences end, and where they must not. */
#include "test.h"

/* Splits s and renders the sentences' text joined by " | ". */
static const char *sents(const char *s)
{
    static char out[8192];
    khabar_doc *d = khabar_analyze(t_model, s, strlen(s), NULL);
    const khabar_sentence *ss = khabar_doc_sentences(d);
    size_t i, k = 0;
    out[0] = 0;
    for (i = 0; i < khabar_doc_sentence_count(d); i++) {
        size_t n = ss[i].end - ss[i].start;
        if (k + n + 4 >= sizeof out)
            break;
        if (i) {
            memcpy(out + k, " | ", 3);
            k += 3;
        }
        memcpy(out + k, s + ss[i].start, n);
        k += n;
    }
    out[k] = 0;
    khabar_doc_free(d);
    return out;
}

#define SS(in, want) CHECK_MEM(sents(in), strlen(sents(in)), want)

void suite_sentences(void)
{
    /* Terminal punctuation, Arabic and Latin. */
    SS("وصل الوفد. بدأت المحادثات! هل تنجح؟ ربما…",
       "وصل الوفد. | بدأت المحادثات! | هل تنجح؟ | ربما…");
    SS("هل انتهى؟! نعم.", "هل انتهى؟! | نعم.");
    SS("انتظر... ثم تكلم.", "انتظر... | ثم تكلم.");
    /* A heading, a sub-heading and a byline are sentences of their own. */
    SS("قمة في الدوحة\nالدوحة - وكالات\nاجتمع القادة أمس. واتفقوا.\n"
       "نتائج أولية\nأعلن البيان الختامي البنود.\nالجزيرة نت\n",
       "قمة في الدوحة | الدوحة - وكالات | اجتمع القادة أمس. | واتفقوا. | "
       "نتائج أولية | أعلن البيان الختامي البنود. | الجزيرة نت");
    /* Never inside numbers, dates, times, abbreviations. */
    SS("ارتفع النمو إلى 3.5 بالمئة في 20.10.2015 عند 10:30 صباحا.",
       "ارتفع النمو إلى 3.5 بالمئة في 20.10.2015 عند 10:30 صباحا.");
    SS("قال د. سامي إن الأمر انتهى.", "قال د. سامي إن الأمر انتهى.");
    SS("نقلت (أ.ف.ب) الخبر. ثم نفته.", "نقلت (أ.ف.ب) الخبر. | ثم نفته.");
    SS("The U.S. envoy met Dr. Smith. Talks ended.",
       "The U.S. envoy met Dr. Smith. | Talks ended.");
    SS("1. البند الأول\n2. البند الثاني", "1. البند الأول | 2. البند الثاني");
    /* A year marker ends a sentence when it follows a number. */
    SS("ولد عام 1950 م. وتوفي شابا.", "ولد عام 1950 م. | وتوفي شابا.");
    /* Never inside a closed quotation; an unclosed one swallows nothing. */
    /* ″ (double prime) written for ” closes “: the sentences after it
     * are not inside a quotation */
    SS("ذكرت صحيفة “الرصد″ الخبر. ولم يصدر بيان. وقال المسؤول: ” لا تعليق“.",
       "ذكرت صحيفة “الرصد″ الخبر. | ولم يصدر بيان. | وقال المسؤول: ” لا تعليق“.");
    SS("قال: «انتهى الأمر. لا عودة». ثم غادر.",
       "قال: «انتهى الأمر. لا عودة». | ثم غادر.");
    SS("قال: \"انتهى الأمر. لا عودة.\" ثم غادر.",
       "قال: \"انتهى الأمر. لا عودة.\" ثم غادر.");
    SS("قال: «انتهى الأمر. ثم غادر. وعاد.",
       "قال: «انتهى الأمر. | ثم غادر. | وعاد.");
    SS("وأضاف: «سنعود».\nوغادر.", "وأضاف: «سنعود». | وغادر.");
    /* A line that ends with a comma was wrapped: the sentence goes on. */
    SS("اجتمع الوزراء في العاصمة،\nوناقشوا الأزمة.",
       "اجتمع الوزراء في العاصمة،\nوناقشوا الأزمة.");
    SS("اجتمع الوزراء،\n\nوناقشوا.", "اجتمع الوزراء، | وناقشوا.");
    /* CRLF, and text without any punctuation. */
    SS("سطر أول\r\nسطر ثان\r\n", "سطر أول | سطر ثان");
    SS("كلمة", "كلمة");
    SS("", "");
    SS("  \n\n \t ", "");
    SS("...!!!", "...!!!");
}
