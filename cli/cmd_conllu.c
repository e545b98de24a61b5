/* cmd_conllu.c - `khabar conllu`: words in CoNLL-U, the PUD convention. */
#include <stdlib.h>

#include "cli.h"

static const char usage[] =
    "usage: khabar conllu [options] [FILE...]\n"
    "\n"
    "Writes CoNLL-U in the convention of UD Arabic-PUD: one line per word\n"
    "(clitics are words of their own, joined to their host by SpaceAfter=No),\n"
    "LEMMA filled, `# text =` per sentence; SpacesAfter/SpacesBefore and\n"
    "TokenRange (bytes) in MISC, so that the input can be rebuilt exactly.\n"
    "UPOS from the POS tagger when the model has one.\n"
    "\n"
    "      --scheme SCHEME   ud (default) or fine\n"
    "      --model DIR       load the model from DIR\n"
    "      --strict          invalid UTF-8 or NUL bytes are an error\n"
    "      --progress, --no-progress\n"
    "  -h, --help            this help\n";

int cmd_conllu(int argc, char **argv)
{
    static const cli_job job = {"conllu",
                                KHABAR_STAGE_SENTENCES | KHABAR_STAGE_WORDS |
                                    KHABAR_STAGE_REPAIRS | KHABAR_STAGE_POS,
                                KHABAR_VIEW_WORDS, 1};
    cli_opts o;
    int rc = cli_parse(argc, argv, &o, usage);
    if (rc)
        return rc < 0 ? 0 : rc;
    if (o.format_set && o.format != KHABAR_FORMAT_CONLLU) {
        cli_error("conllu", "writes CoNLL-U only");
        free(o.files);
        return EXIT_USAGE;
    }
    o.format = KHABAR_FORMAT_CONLLU;
    return cli_run(&o, &job);
}
