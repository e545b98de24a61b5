/* keywords.c - placeholder. */
#include "extract.h"

#include "../core/doc.h"

int kh_keywords(khabar_doc *doc)
{
    (void)doc;
    return 0;
}
