/* summary.c - placeholder. */
#include "extract.h"

#include "../core/doc.h"

int kh_summary(khabar_doc *doc, unsigned n)
{
    (void)doc;
    (void)n;
    return 0;
}
