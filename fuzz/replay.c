/*
 * replay.c - runs the fuzz target over saved inputs without libFuzzer, so
 * that `make check` replays the corpus with any C compiler.
 *
 *   fuzz-replay PATH...
 *
 * Every regular file under each PATH (directories are walked recursively,
 * entries in byte order of their names, so runs are deterministic) is read
 * whole and passed to LLVMFuzzerTestOneInput(). A property violation aborts
 * there (the file that did it is named on stderr first); reaching the end
 * prints "fuzz-replay: N inputs ok".
 */
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static size_t n_inputs;
static const char *current; /* the input being run, for on_abort() */

/* Names the input that made the target abort, then dies as it would have. */
static void on_abort(int sig)
{
    static const char pre[] = "fuzz-replay: failing input: ";
    if (current) {
        ssize_t r = write(2, pre, sizeof pre - 1);
        r = write(2, current, strlen(current));
        r = write(2, "\n", 1);
        (void)r;
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

static void die(const char *what, const char *path)
{
    fprintf(stderr, "fuzz-replay: %s: %s: %s\n", path, what,
            strerror(errno));
    exit(2);
}

/* Reads the file at path and runs the target on it, in a buffer of exactly
 * the file's size (so that a sanitizer sees any read past its end). */
static void run_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    unsigned char *buf = NULL, *data;
    size_t len = 0, cap = 0;
    if (!f)
        die("cannot open", path);
    for (;;) {
        size_t got;
        if (cap - len < 4096) {
            unsigned char *nb;
            cap = cap ? cap * 2 : 8192;
            nb = realloc(buf, cap);
            if (!nb)
                die("out of memory", path);
            buf = nb;
        }
        got = fread(buf + len, 1, cap - len, f);
        len += got;
        if (got == 0)
            break;
    }
    if (ferror(f))
        die("cannot read", path);
    fclose(f);
    data = malloc(len ? len : 1);
    if (!data)
        die("out of memory", path);
    if (len)
        memcpy(data, buf, len);
    free(buf);
    current = path;
    LLVMFuzzerTestOneInput(data, len);
    current = NULL;
    free(data);
    n_inputs++;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void run_path(const char *path, int top);

static void run_dir(const char *path)
{
    DIR *d = opendir(path);
    struct dirent *de;
    char **names = NULL;
    size_t n = 0, cap = 0, i;
    if (!d)
        die("cannot open directory", path);
    errno = 0;
    while ((de = readdir(d)) != NULL) {
        if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
            continue;
        if (n == cap) {
            char **nn;
            cap = cap ? cap * 2 : 64;
            nn = realloc(names, cap * sizeof *names);
            if (!nn)
                die("out of memory", path);
            names = nn;
        }
        names[n] = malloc(strlen(de->d_name) + 1);
        if (!names[n])
            die("out of memory", path);
        strcpy(names[n], de->d_name);
        n++;
    }
    if (errno)
        die("cannot read directory", path);
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, cmp_names);
    for (i = 0; i < n; i++) {
        size_t pl = strlen(path), nl = strlen(names[i]);
        char *full = malloc(pl + nl + 2);
        if (!full)
            die("out of memory", path);
        memcpy(full, path, pl);
        full[pl] = '/';
        memcpy(full + pl + 1, names[i], nl + 1);
        run_path(full, 0);
        free(full);
        free(names[i]);
    }
    free(names);
}

/* A directory is walked; a regular file is run; anything else (a device, a
 * socket, a symbolic link to a directory inside a walked tree) is skipped,
 * except that a path named on the command line must exist. */
static void run_path(const char *path, int top)
{
    struct stat st;
    if (lstat(path, &st) != 0) {
        if (top)
            die("cannot stat", path);
        return;
    }
    if (S_ISLNK(st.st_mode)) {
        if (stat(path, &st) != 0)
            return; /* dangling */
        if (S_ISDIR(st.st_mode) && !top)
            return; /* no loops */
    }
    if (S_ISDIR(st.st_mode))
        run_dir(path);
    else if (S_ISREG(st.st_mode))
        run_file(path);
}

int main(int argc, char **argv)
{
    struct sigaction sa;
    int i;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_abort;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGABRT, &sa, NULL);
    if (argc < 2) {
        fprintf(stderr, "usage: %s DIR-OR-FILE...\n", argv[0]);
        return 2;
    }
    for (i = 1; i < argc; i++)
        run_path(argv[i], 1);
    printf("fuzz-replay: %zu inputs ok\n", n_inputs);
    return 0;
}
