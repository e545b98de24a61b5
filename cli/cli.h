/*
 * cli.h - what the khabar command's subcommands share: option parsing
 * helpers, the streaming input loop and error reporting.
 *
 * Exit codes: 0 success, 1 an input could not be read (or, with --strict,
 * held invalid UTF-8) or output failed, 2 bad usage.
 */
#ifndef KH_CLI_H
#define KH_CLI_H

#include <stddef.h>
#include <stdio.h>

#include "khabar.h"

#define EXIT_INPUT 1
#define EXIT_USAGE 2

extern const char *kh_prog; /* "khabar" */

/* Options common to the subcommands that read text. */
typedef struct cli_opts {
    khabar_format format;
    int format_set;
    unsigned norm;          /* KHABAR_NORM_* or 0 */
    int strict;             /* invalid UTF-8 is an error */
    int progress;           /* -1 auto, 0 never, 1 always */
    size_t chunk;           /* bytes per chunk */
    const char *model_dir;  /* --model */
    int fine;               /* --scheme fine */
    int pretokenized;       /* --pretokenized */
    khabar_date date;       /* --date (analyze) */
    unsigned summary;       /* --summary N (analyze), 0 = default */
    int jobs;               /* -j N (analyze), 0 = 1 */
    const char **files;
    int nfiles;
} cli_opts;

/* Parses the common options from argv[1..]; unknown options are an error.
 * Returns 0, or the exit code to stop with (help printed: -1). */
int cli_parse(int argc, char **argv, cli_opts *o, const char *usage);

/* How one subcommand runs a doc per chunk of input. */
typedef struct cli_job {
    const char *name;        /* subcommand, for messages */
    unsigned stages;         /* KHABAR_STAGE_* */
    khabar_view view;
    int conllu_ok;           /* conllu output makes sense for this view */
} cli_job;

/* Runs a job over every input in o (stdin when none), streaming. Returns the
 * exit code. */
int cli_run(const cli_opts *o, const cli_job *job);

/* Prints "khabar: <what>: <msg>" on stderr. */
void cli_error(const char *what, const char *msg);

int cmd_normalize(int argc, char **argv);
int cmd_tokenize(int argc, char **argv);
int cmd_sentences(int argc, char **argv);
int cmd_segment(int argc, char **argv);
int cmd_stem(int argc, char **argv);
int cmd_conllu(int argc, char **argv);
int cmd_repair(int argc, char **argv);
int cmd_ner(int argc, char **argv);
int cmd_analyze(int argc, char **argv);
int cmd_index(int argc, char **argv);
int cmd_search(int argc, char **argv);

/* Reads a whole input (path "-" is standard input) into *text (malloc;
 * the caller frees), *len bytes. Returns 0 or an errno value (EISDIR for a
 * directory, EFBIG past 4 GiB). */
int cli_read_all(const char *path, char **text, size_t *len);
int cli_read_fd(int fd, char **text, size_t *len);

/* Parses an ISO date YYYY-MM-DD that exists in the calendar; returns 0, or
 * -1 (d untouched). */
int cli_parse_date(const char *s, khabar_date *d);

/* Runs a job over pre-tokenized input (one token a line, anything after a
 * space ignored, an empty line between sentences). Returns the exit code. */
int cli_run_pretokenized(const cli_opts *o, const cli_job *job);

#endif
