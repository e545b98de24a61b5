/* error.c - error codes, names of enums, the version. */
#include "error.h"

const char *khabar_version(void) { return KHABAR_VERSION_STRING; }

const char *khabar_strerror(khabar_code code)
{
    switch (code) {
    case KHABAR_OK: return "success";
    case KHABAR_ENOMEM: return "out of memory";
    case KHABAR_EINVAL: return "invalid argument";
    case KHABAR_EIO: return "input/output error";
    case KHABAR_EMODEL: return "bad model";
    case KHABAR_ETOOBIG: return "input too large";
    }
    return "unknown error";
}

khabar_code kh_fail(khabar_error *err, khabar_code code, const char *msg,
                    size_t offset)
{
    if (err) {
        err->code = code;
        err->msg = msg ? msg : khabar_strerror(code);
        err->offset = offset;
    }
    return code;
}

void kh_ok(khabar_error *err)
{
    if (err) {
        err->code = KHABAR_OK;
        err->msg = "success";
        err->offset = 0;
    }
}

const char *khabar_token_kind_name(khabar_token_kind kind)
{
    switch (kind) {
    case KHABAR_TOK_ARABIC: return "arabic";
    case KHABAR_TOK_LATIN: return "latin";
    case KHABAR_TOK_WORD: return "word";
    case KHABAR_TOK_NUMBER: return "number";
    case KHABAR_TOK_DATE: return "date";
    case KHABAR_TOK_TIME: return "time";
    case KHABAR_TOK_URL: return "url";
    case KHABAR_TOK_EMAIL: return "email";
    case KHABAR_TOK_HASHTAG: return "hashtag";
    case KHABAR_TOK_MENTION: return "mention";
    case KHABAR_TOK_EMOJI: return "emoji";
    case KHABAR_TOK_PUNCT: return "punct";
    case KHABAR_TOK_SYMBOL: return "symbol";
    case KHABAR_TOK_INVALID: return "invalid";
    }
    return "?";
}

const char *khabar_diag_kind_name(khabar_diag_kind kind)
{
    switch (kind) {
    case KHABAR_DIAG_INVALID_UTF8: return "invalid-utf8";
    case KHABAR_DIAG_TRUNCATED: return "truncated";
    case KHABAR_DIAG_OVERLONG: return "overlong";
    case KHABAR_DIAG_SURROGATE: return "surrogate";
    case KHABAR_DIAG_TOO_LARGE: return "too-large";
    case KHABAR_DIAG_NUL: return "nul";
    }
    return "?";
}
