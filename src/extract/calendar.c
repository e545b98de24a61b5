/*
 * calendar.c - Gregorian and tabular Islamic day arithmetic (calendar.h).
 *
 * The Gregorian conversions are the era-based algorithms that count in
 * 400-year eras of 146097 days, exact for the whole proleptic calendar with
 * integer arithmetic only.
 */
#include "calendar.h"
#include "ummalqura.h"

/* Floor division for a positive divisor. */
static int64_t floor_div(int64_t a, int64_t b)
{
    int64_t q = a / b;
    return (a % b != 0 && a < 0) ? q - 1 : q;
}

int kh_cal_leap(int64_t year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int kh_cal_month_days(int64_t year, int month)
{
    static const uint8_t days[12] = {31, 28, 31, 30, 31, 30,
                                     31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12)
        return 0;
    return days[month - 1] + (month == 2 && kh_cal_leap(year));
}

int kh_cal_valid(int64_t year, int month, int day)
{
    return year >= 1 && year <= 9999 && day >= 1 &&
           day <= kh_cal_month_days(year, month);
}

int64_t kh_cal_days(int64_t year, int month, int day)
{
    int64_t era, yoe, doy, doe, m;
    /* Fold the month into 1..12 first. */
    m = (int64_t)month - 1;
    year += floor_div(m, 12);
    m -= floor_div(m, 12) * 12;
    m += 1;
    /* Years start in March, so that February's leap day comes last. */
    if (m <= 2)
        year -= 1;
    era = floor_div(year, 400);
    yoe = year - era * 400;
    doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + day - 1;
    doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void kh_cal_civil(int64_t days, int64_t *year, int *month, int *day)
{
    int64_t z = days + 719468;
    int64_t era = floor_div(z, 146097);
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    int m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *day = (int)(doy - (153 * mp + 2) / 5 + 1);
    *month = m;
    *year = yoe + era * 400 + (m <= 2);
}

int kh_cal_weekday(int64_t days)
{
    /* 1970-01-01 was a Thursday (4). */
    int64_t w = (days + 4) % 7;
    return (int)(w < 0 ? w + 7 : w);
}

int64_t kh_cal_iso_monday(int64_t days)
{
    int w = kh_cal_weekday(days);  /* 0 Sunday */
    return days - (w == 0 ? 6 : w - 1);
}

void kh_cal_iso_week(int64_t days, int64_t *iso_year, int *week)
{
    /* The week belongs to the year of its Thursday. */
    int64_t thursday = kh_cal_iso_monday(days) + 3;
    int64_t y;
    int m, d;
    kh_cal_civil(thursday, &y, &m, &d);
    *iso_year = y;
    *week = (int)((thursday - kh_cal_days(y, 1, 1)) / 7 + 1);
}

int kh_hijri_leap(int64_t year)
{
    int64_t r = (14 + 11 * year) % 30;
    return (r < 0 ? r + 30 : r) < 11;
}

/* The tabular calendar's month length. */
static int tabular_month_days(int64_t year, int month)
{
    if (month == 12)
        return 29 + kh_hijri_leap(year);
    return month % 2 ? 30 : 29;
}

int kh_hijri_month_days(int64_t year, int month)
{
    if (month < 1 || month > 12)
        return 0;
    if (year >= KH_UQ_FIRST && year <= KH_UQ_LAST)
        return 29 + (kh_uq_years[year - KH_UQ_FIRST].months >> (month - 1) & 1);
    return tabular_month_days(year, month);
}

int64_t kh_hijri_days(int64_t year, int month, int day)
{
    if (year >= KH_UQ_FIRST && year <= KH_UQ_LAST && month >= 1 &&
        month <= 12) {
        const kh_uq_year *u = &kh_uq_years[year - KH_UQ_FIRST];
        int64_t d = u->start + day - 1;
        int k;
        for (k = 1; k < month; k++)
            d += 29 + (u->months >> (k - 1) & 1);
        return d;
    }
    return kh_hijri_tabular_days(year, month, day);
}

int64_t kh_hijri_tabular_days(int64_t year, int month, int day)
{
    /* Julian day number 1948440 is 1 Muharram 1 AH; 2440588 is
     * 1970-01-01. Months before this one: ceil(29.5 * (month - 1)) days;
     * years before: 354 each plus the leap days of the cycle. */
    int64_t jdn = day + (59 * (int64_t)(month - 1) + 1) / 2 +
                  (year - 1) * 354 + floor_div(3 + 11 * year, 30) +
                  1948440 - 1;
    return jdn - 2440588;
}
