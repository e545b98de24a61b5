/* cmd_repair.c - `khabar repair`: glued words split. */
#include "cli.h"

static const char usage[] =
    "usage: khabar repair [options] [FILE...]\n"
    "\n"
    "Finds words that lost the space between them (مدينةسوتشي -> مدينة\n"
    "سوتشي) and writes the text with the spaces put back; nothing else of the\n"
    "text changes.\n"
    "\n"
    "  -f, --format FORMAT   text (default): the repaired text; jsonl: one\n"
    "                        object per repair (from, to, start, end in bytes\n"
    "                        of the input, score)\n"
    "      --model DIR       load the model from DIR\n"
    "      --strict          invalid UTF-8 or NUL bytes are an error\n"
    "      --progress, --no-progress\n"
    "  -h, --help            this help\n";

int cmd_repair(int argc, char **argv)
{
    static const cli_job job = {"repair", KHABAR_STAGE_REPAIRS,
                                KHABAR_VIEW_REPAIRS, 0};
    cli_opts o;
    int rc = cli_parse(argc, argv, &o, usage);
    if (rc)
        return rc < 0 ? 0 : rc;
    return cli_run(&o, &job);
}
