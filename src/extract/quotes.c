/* quotes.c - placeholder until the quote finder lands (helper at work). */
#include "extract.h"

#include "../core/doc.h"

int kh_quotes(khabar_doc *doc)
{
    (void)doc;
    return 0;
}
