/* cmd_segment.c - `khabar segment`: clitic segmentation of every token. */
#include "cli.h"

static const char usage[] =
    "usage: khabar segment [options] [FILE...]\n"
    "\n"
    "Splits each token into its words: proclitics (و ف ب ك ل س), the host and\n"
    "an enclitic pronoun, in the UD convention (the article stays on its word).\n"
    "\n"
    "  -f, --format FORMAT   text (default): token, surface segments and\n"
    "                        restored forms, tab-separated, + between\n"
    "                        segments (للحظر  ل+لحظر  ل+الحظر), an empty line\n"
    "                        after each sentence; jsonl: one object per\n"
    "                        sentence with tokens and their words (text, form,\n"
    "                        lemma, root, role, start, end); conllu: as\n"
    "                        `khabar conllu`\n"
    "      --scheme SCHEME   ud (default) or fine: also split the article and\n"
    "                        inflectional suffixes (و+ال+سعودي+ة)\n"
    "      --model DIR       load the model from DIR\n"
    "      --strict          invalid UTF-8 or NUL bytes are an error\n"
    "      --progress, --no-progress\n"
    "  -h, --help            this help\n";

int cmd_segment(int argc, char **argv)
{
    static const cli_job job = {"segment",
                                KHABAR_STAGE_SENTENCES | KHABAR_STAGE_WORDS |
                                    KHABAR_STAGE_REPAIRS,
                                KHABAR_VIEW_WORDS, 1};
    cli_opts o;
    int rc = cli_parse(argc, argv, &o, usage);
    if (rc)
        return rc < 0 ? 0 : rc;
    return cli_run(&o, &job);
}
