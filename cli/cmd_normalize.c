/* cmd_normalize.c - `khabar normalize`: the text, normalized. */
#include "cli.h"

static const char usage[] =
    "usage: khabar normalize [options] [FILE...]\n"
    "\n"
    "Writes the text normalized: diacritics, tatweel and invisible characters\n"
    "removed, letter variants unified, presentation forms and Arabic-Indic\n"
    "digits mapped. White space and lines are kept as they are.\n"
    "\n"
    "  -p, --preset NAME     search (default: for matching) or display\n"
    "                        (conservative: keeps diacritics, hamza forms,\n"
    "                        ى ة and digits as written)\n"
    "  -f, --format FORMAT   text (default) or jsonl (one object per line:\n"
    "                        start, end, text)\n"
    "      --strict          invalid UTF-8 or NUL bytes are an error\n"
    "      --progress, --no-progress\n"
    "                        progress bar on a terminal (default: for large\n"
    "                        inputs when standard error is a terminal)\n"
    "  -h, --help            this help\n";

int cmd_normalize(int argc, char **argv)
{
    static const cli_job job = {"normalize", KHABAR_STAGE_NORMTEXT,
                                KHABAR_VIEW_NORMALIZED, 0};
    cli_opts o;
    int rc = cli_parse(argc, argv, &o, usage);
    if (rc)
        return rc < 0 ? 0 : rc;
    return cli_run(&o, &job);
}
