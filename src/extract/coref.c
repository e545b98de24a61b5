/* coref.c - placeholder. */
#include "extract.h"

#include "../core/doc.h"

int kh_coref(khabar_doc *doc)
{
    (void)doc;
    return 0;
}

size_t kh_cluster_at(const khabar_doc *doc, size_t start, size_t end)
{
    (void)doc;
    (void)start;
    (void)end;
    return SIZE_MAX;
}

const char *khabar_mention_kind_name(khabar_mention_kind kind)
{
    (void)kind;
    return "?";
}
