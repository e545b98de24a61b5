/* timex.c - the names of date expression kinds and granularities. */
#include "khabar.h"

const char *khabar_timex_kind_name(khabar_timex_kind kind)
{
    switch (kind) {
    case KHABAR_TIMEX_DATE: return "date";
    case KHABAR_TIMEX_RELATIVE: return "relative";
    case KHABAR_TIMEX_TIME: return "time";
    case KHABAR_TIMEX_DURATION: return "duration";
    case KHABAR_TIMEX_RANGE: return "range";
    default: return "?";
    }
}

const char *khabar_grain_name(khabar_grain grain)
{
    switch (grain) {
    case KHABAR_GRAIN_CENTURY: return "century";
    case KHABAR_GRAIN_DECADE: return "decade";
    case KHABAR_GRAIN_YEAR: return "year";
    case KHABAR_GRAIN_MONTH: return "month";
    case KHABAR_GRAIN_WEEK: return "week";
    case KHABAR_GRAIN_DAY: return "day";
    case KHABAR_GRAIN_HOUR: return "hour";
    case KHABAR_GRAIN_MINUTE: return "minute";
    default: return "?";
    }
}
