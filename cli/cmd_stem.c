/* cmd_stem.c - `khabar stem`: one search stem per token. */
#include "cli.h"

static const char usage[] =
    "usage: khabar stem [options] [FILE...]\n"
    "\n"
    "Writes token<TAB>stem, one token a line: the stem that search matches on\n"
    "(clitics off, search-normalized, article and sound plural suffixes off\n"
    "when the lexicon knows the rest). A list of words, one a line, gives one\n"
    "stem a line.\n"
    "\n"
    "  -f, --format FORMAT   text (default) or jsonl (token, stem, start, end)\n"
    "      --model DIR       load the model from DIR\n"
    "      --strict          invalid UTF-8 or NUL bytes are an error\n"
    "      --progress, --no-progress\n"
    "  -h, --help            this help\n";

int cmd_stem(int argc, char **argv)
{
    static const cli_job job = {"stem",
                                KHABAR_STAGE_SENTENCES | KHABAR_STAGE_WORDS,
                                KHABAR_VIEW_STEMS, 0};
    cli_opts o;
    int rc = cli_parse(argc, argv, &o, usage);
    if (rc)
        return rc < 0 ? 0 : rc;
    return cli_run(&o, &job);
}
