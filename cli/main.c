/*
 * main.c - the khabar command: dispatches to one file per subcommand.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

const char *kh_prog = "khabar";

static const char usage[] =
    "usage: khabar <command> [options] [FILE...]\n"
    "\n"
    "Arabic news text into clean, structured data.\n"
    "\n"
    "commands:\n"
    "  analyze     the main job: entities and who they are, dates, quotes,\n"
    "              keywords, summary (text report, json, jsonl, html)\n"
    "  normalize   normalized text (Unicode, spelling variants, digits)\n"
    "  tokenize    tokens with kinds, byte offsets and normalized forms\n"
    "  sentences   one sentence a line\n"
    "  segment     clitic segmentation: surface and restored forms\n"
    "  stem        one search stem per token (token<TAB>stem)\n"
    "  conllu      CoNLL-U: one word a line, lemmas\n"
    "  repair      glued words split (مدينةسوتشي -> مدينة سوتشي)\n"
    "  ner         named entities: people, places, organizations\n"
    "  index       add articles to a search index (SQLite)\n"
    "  search      search an index: Arabic-aware matching, ranked hits,\n"
    "              snippets, facets\n"
    "\n"
    "Each command reads the FILEs, or standard input when there is none or\n"
    "FILE is -, and writes to standard output. `khabar <command> --help`\n"
    "lists its options; `man khabar` tells the whole story.\n"
    "\n"
    "  -h, --help      this help\n"
    "  -V, --version   the version\n";

int main(int argc, char **argv)
{
    const char *cmd;
    if (argc < 2) {
        fputs(usage, stderr);
        return EXIT_USAGE;
    }
    cmd = argv[1];
    if (!strcmp(cmd, "-h") || !strcmp(cmd, "--help") || !strcmp(cmd, "help")) {
        fputs(usage, stdout);
        return 0;
    }
    if (!strcmp(cmd, "-V") || !strcmp(cmd, "--version")) {
        printf("khabar %s\n", khabar_version());
        return 0;
    }
    if (!strcmp(cmd, "analyze"))
        return cmd_analyze(argc - 1, argv + 1);
    if (!strcmp(cmd, "normalize"))
        return cmd_normalize(argc - 1, argv + 1);
    if (!strcmp(cmd, "tokenize"))
        return cmd_tokenize(argc - 1, argv + 1);
    if (!strcmp(cmd, "sentences"))
        return cmd_sentences(argc - 1, argv + 1);
    if (!strcmp(cmd, "segment"))
        return cmd_segment(argc - 1, argv + 1);
    if (!strcmp(cmd, "stem"))
        return cmd_stem(argc - 1, argv + 1);
    if (!strcmp(cmd, "conllu"))
        return cmd_conllu(argc - 1, argv + 1);
    if (!strcmp(cmd, "repair"))
        return cmd_repair(argc - 1, argv + 1);
    if (!strcmp(cmd, "ner"))
        return cmd_ner(argc - 1, argv + 1);
    if (!strcmp(cmd, "index"))
        return cmd_index(argc - 1, argv + 1);
    if (!strcmp(cmd, "search"))
        return cmd_search(argc - 1, argv + 1);
    fprintf(stderr, "%s: unknown command '%s' (try khabar --help)\n", kh_prog,
            cmd);
    return EXIT_USAGE;
}
