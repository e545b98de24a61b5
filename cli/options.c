/* options.c - the options the text subcommands share. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

void cli_error(const char *what, const char *msg)
{
    if (what)
        fprintf(stderr, "%s: %s: %s\n", kh_prog, what, msg);
    else
        fprintf(stderr, "%s: %s\n", kh_prog, msg);
}

static int usage_error(cli_opts *o, const char *usage, const char *msg,
                       const char *arg)
{
    free(o->files);
    o->files = NULL;
    fprintf(stderr, "%s: %s%s%s\n", kh_prog, msg, arg ? ": " : "",
            arg ? arg : "");
    fputs(usage, stderr);
    return EXIT_USAGE;
}

/* The value of an option: "--opt=value", or the next argument. */
static const char *value_of(int argc, char **argv, int *i, const char *arg)
{
    const char *eq = strchr(arg, '=');
    if (arg[1] == '-' && eq)
        return eq + 1;
    if (*i + 1 < argc)
        return argv[++*i];
    return NULL;
}

static int is_opt(const char *arg, const char *s, const char *l)
{
    size_t n = strlen(l);
    if (s && !strcmp(arg, s))
        return 1;
    return !strncmp(arg, l, n) && (arg[n] == 0 || arg[n] == '=');
}

int cli_parse(int argc, char **argv, cli_opts *o, const char *usage)
{
    int i, only_files = 0;
    memset(o, 0, sizeof *o);
    o->progress = -1;
    o->chunk = (size_t)1 << 18;
    o->files = calloc((size_t)argc + 1, sizeof *o->files);
    if (!o->files) {
        cli_error(NULL, "out of memory");
        return EXIT_INPUT;
    }
    for (i = 1; i < argc; i++) {
        const char *a = argv[i], *v;
        if (only_files || a[0] != '-' || !strcmp(a, "-")) {
            o->files[o->nfiles++] = a;
            continue;
        }
        if (!strcmp(a, "--")) {
            only_files = 1;
        } else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(usage, stdout);
            free(o->files);
            o->files = NULL;
            return -1;
        } else if (is_opt(a, "-f", "--format")) {
            v = value_of(argc, argv, &i, a);
            if (!v)
                return usage_error(o, usage, "missing value for", a);
            if (!strcmp(v, "text"))
                o->format = KHABAR_FORMAT_TEXT;
            else if (!strcmp(v, "jsonl"))
                o->format = KHABAR_FORMAT_JSONL;
            else if (!strcmp(v, "conllu"))
                o->format = KHABAR_FORMAT_CONLLU;
            else if (!strcmp(v, "json"))
                o->format = KHABAR_FORMAT_JSON;
            else if (!strcmp(v, "html"))
                o->format = KHABAR_FORMAT_HTML;
            else
                return usage_error(o, usage, "unknown format", v);
            o->format_set = 1;
        } else if (is_opt(a, "-p", "--preset")) {
            v = value_of(argc, argv, &i, a);
            if (!v)
                return usage_error(o, usage, "missing value for", a);
            o->norm = khabar_norm_preset(v);
            if (!o->norm)
                return usage_error(o, usage, "unknown preset", v);
        } else if (is_opt(a, NULL, "--scheme")) {
            v = value_of(argc, argv, &i, a);
            if (!v)
                return usage_error(o, usage, "missing value for", a);
            if (!strcmp(v, "ud"))
                o->fine = 0;
            else if (!strcmp(v, "fine"))
                o->fine = 1;
            else
                return usage_error(o, usage, "unknown scheme", v);
        } else if (is_opt(a, NULL, "--model")) {
            v = value_of(argc, argv, &i, a);
            if (!v)
                return usage_error(o, usage, "missing value for", a);
            o->model_dir = v;
        } else if (is_opt(a, NULL, "--chunk-size")) {
            char *end;
            unsigned long n;
            v = value_of(argc, argv, &i, a);
            if (!v)
                return usage_error(o, usage, "missing value for", a);
            n = strtoul(v, &end, 10);
            if (*end || n < 16 || n > (1ul << 30))
                return usage_error(o, usage, "bad chunk size", v);
            o->chunk = n;
        } else if (is_opt(a, NULL, "--date")) {
            v = value_of(argc, argv, &i, a);
            if (!v)
                return usage_error(o, usage, "missing value for", a);
            if (cli_parse_date(v, &o->date) != 0)
                return usage_error(o, usage,
                                   "not a date of the form YYYY-MM-DD", v);
        } else if (is_opt(a, NULL, "--summary")) {
            char *end;
            unsigned long n;
            v = value_of(argc, argv, &i, a);
            if (!v)
                return usage_error(o, usage, "missing value for", a);
            n = strtoul(v, &end, 10);
            if (*end || !*v || n < 1 || n > 1000)
                return usage_error(o, usage, "bad summary length", v);
            o->summary = (unsigned)n;
        } else if (is_opt(a, "-j", "--jobs")) {
            char *end;
            unsigned long n;
            v = value_of(argc, argv, &i, a);
            if (!v)
                return usage_error(o, usage, "missing value for", a);
            n = strtoul(v, &end, 10);
            if (*end || !*v || n < 1 || n > 256)
                return usage_error(o, usage, "bad number of jobs", v);
            o->jobs = (int)n;
        } else if (!strcmp(a, "--pretokenized")) {
            o->pretokenized = 1;
        } else if (!strcmp(a, "--strict")) {
            o->strict = 1;
        } else if (!strcmp(a, "--progress")) {
            o->progress = 1;
        } else if (!strcmp(a, "--no-progress")) {
            o->progress = 0;
        } else {
            return usage_error(o, usage, "unknown option", a);
        }
    }
    return 0;
}

int cli_parse_date(const char *s, khabar_date *d)
{
    static const int days[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int y, m, dd, i;
    for (i = 0; i < 10; i++) {
        if (i == 4 || i == 7 ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
            return -1;
    }
    if (s[10])
        return -1;
    y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + s[3] - '0';
    m = (s[5] - '0') * 10 + s[6] - '0';
    dd = (s[8] - '0') * 10 + s[9] - '0';
    if (y < 1 || m < 1 || m > 12 || dd < 1 || dd > days[m - 1])
        return -1;
    if (m == 2 && dd == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))
        return -1;
    d->year = (int16_t)y;
    d->month = (uint8_t)m;
    d->day = (uint8_t)dd;
    return 0;
}
