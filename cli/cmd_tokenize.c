/* cmd_tokenize.c - `khabar tokenize`: tokens with kinds and offsets. */
#include "cli.h"

static const char usage[] =
    "usage: khabar tokenize [options] [FILE...]\n"
    "\n"
    "Splits the text into tokens (Arabic and Latin words, numbers, dates,\n"
    "times, URLs, e-mail addresses, hashtags, mentions, emoji, punctuation),\n"
    "grouped by sentence.\n"
    "\n"
    "  -f, --format FORMAT   text (default): form, normalized form, kind, start,\n"
    "                        end (byte offsets), tab-separated, one token a\n"
    "                        line, an empty line after each sentence;\n"
    "                        jsonl: one object per sentence with its tokens;\n"
    "                        conllu: one token a line, SpaceAfter=No and\n"
    "                        SpacesAfter so that the input can be rebuilt\n"
    "  -p, --preset NAME     normalization of the forms: search (default) or\n"
    "                        display\n"
    "      --strict          invalid UTF-8 or NUL bytes are an error\n"
    "      --progress, --no-progress\n"
    "  -h, --help            this help\n";

int cmd_tokenize(int argc, char **argv)
{
    static const cli_job job = {"tokenize",
                                KHABAR_STAGE_TOKENS | KHABAR_STAGE_SENTENCES,
                                KHABAR_VIEW_TOKENS, 1};
    cli_opts o;
    int rc = cli_parse(argc, argv, &o, usage);
    if (rc)
        return rc < 0 ? 0 : rc;
    return cli_run(&o, &job);
}
