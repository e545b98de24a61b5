/* dates.c - placeholder until the date finder lands (helper at work). */
#include "extract.h"

#include "../core/doc.h"

int kh_dates(khabar_doc *doc, khabar_date given)
{
    doc->date = given;
    doc->date_source = given.year ? KHABAR_DATE_GIVEN : KHABAR_DATE_NONE;
    return 0;
}
