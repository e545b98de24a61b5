/* cmd_sentences.c - `khabar sentences`: one sentence a line. */
#include "cli.h"

static const char usage[] =
    "usage: khabar sentences [options] [FILE...]\n"
    "\n"
    "Splits the text into sentences: at . ! ? ؟ … and at line breaks (a\n"
    "heading or a byline on its own line is a sentence of its own), never\n"
    "inside a number, a date, an abbreviation or a quotation.\n"
    "\n"
    "  -f, --format FORMAT   text (default): one sentence a line; jsonl: one\n"
    "                        object per sentence (id, start, end, text);\n"
    "                        conllu: the sentences' tokens\n"
    "      --strict          invalid UTF-8 or NUL bytes are an error\n"
    "      --progress, --no-progress\n"
    "  -h, --help            this help\n";

int cmd_sentences(int argc, char **argv)
{
    static const cli_job job = {"sentences",
                                KHABAR_STAGE_TOKENS | KHABAR_STAGE_SENTENCES,
                                KHABAR_VIEW_SENTENCES, 1};
    cli_opts o;
    int rc = cli_parse(argc, argv, &o, usage);
    if (rc)
        return rc < 0 ? 0 : rc;
    return cli_run(&o, &job);
}
