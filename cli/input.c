/*
 * input.c - reading a whole input into memory (a file, standard input or
 * a pipe), for the subcommands that take each input as one document.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

/* The library's limit on one document. */
#define MAX_DOC ((size_t)UINT32_MAX)

int cli_read_fd(int fd, char **text, size_t *len)
{
    size_t cap = 65536, n = 0;
    char *buf;
    struct stat st;
    if (fstat(fd, &st) == 0) {
        if (S_ISDIR(st.st_mode))
            return EISDIR;
        if (S_ISREG(st.st_mode) && (uint64_t)st.st_size + 1 > cap)
            cap = (size_t)st.st_size + 1;
    }
    buf = malloc(cap);
    if (!buf)
        return ENOMEM;
    for (;;) {
        ssize_t r;
        if (n == cap) {
            char *nb = cap >= MAX_DOC ? NULL : realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                return cap >= MAX_DOC ? EFBIG : ENOMEM;
            }
            buf = nb;
            cap *= 2;
        }
        r = read(fd, buf + n, cap - n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            int e = errno;
            free(buf);
            return e;
        }
        if (r == 0)
            break;
        n += (size_t)r;
    }
    *text = buf;
    *len = n;
    return 0;
}

int cli_read_all(const char *path, char **text, size_t *len)
{
    int fd = strcmp(path, "-") ? open(path, O_RDONLY) : 0, e;
    if (fd < 0)
        return errno;
    e = cli_read_fd(fd, text, len);
    if (fd)
        close(fd);
    return e;
}
