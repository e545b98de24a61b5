/* cmd_ner.c - `khabar ner`: named entities. */
#include <stdlib.h>

#include "cli.h"

static const char usage[] =
    "usage: khabar ner [options] [FILE...]\n"
    "\n"
    "Finds the names of people (PER), places (LOC), organizations (ORG) and\n"
    "other names (MISC). An entity leaves out the proclitics of its first\n"
    "word: in وبيروت it is بيروت.\n"
    "\n"
    "  -f, --format FORMAT   text (default): TYPE, text, start, end (bytes),\n"
    "                        tab-separated, one entity a line; jsonl: one\n"
    "                        object per entity (type, text, start, end)\n"
    "      --pretokenized    the input is ANERcorp-style: one token a line\n"
    "                        (anything after a space is ignored), an empty\n"
    "                        line between sentences; writes `token TAG` lines\n"
    "                        with the same tokens and ANERcorp's tag names\n"
    "                        (B-PERS I-LOC ... O), for scoring\n"
    "      --model DIR       load the model from DIR\n"
    "      --strict          invalid UTF-8 or NUL bytes are an error\n"
    "      --progress, --no-progress\n"
    "  -h, --help            this help\n";

int cmd_ner(int argc, char **argv)
{
    static const cli_job job = {"ner",
                                KHABAR_STAGE_SENTENCES | KHABAR_STAGE_WORDS |
                                    KHABAR_STAGE_REPAIRS |
                                    KHABAR_STAGE_ENTITIES,
                                KHABAR_VIEW_ENTITIES, 0};
    static const cli_job tags = {"ner",
                                 KHABAR_STAGE_SENTENCES | KHABAR_STAGE_WORDS |
                                     KHABAR_STAGE_ENTITIES,
                                 KHABAR_VIEW_ENTITY_TAGS, 0};
    cli_opts o;
    int rc = cli_parse(argc, argv, &o, usage);
    if (rc)
        return rc < 0 ? 0 : rc;
    if (o.pretokenized) {
        if (o.format_set && o.format != KHABAR_FORMAT_TEXT) {
            cli_error("ner", "--pretokenized writes `token TAG` lines only");
            free(o.files);
            return EXIT_USAGE;
        }
        return cli_run_pretokenized(&o, &tags);
    }
    return cli_run(&o, &job);
}
