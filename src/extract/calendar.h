/*
 * calendar.h - day arithmetic for the date finder: the proleptic Gregorian
 * calendar as day numbers, weekdays, ISO weeks, and the arithmetic (tabular)
 * Islamic calendar.
 *
 * A day number counts days from 1970-01-01 (day 0). Every function is pure
 * and takes any int64_t input without overflow for years within +-10^9, so
 * a caller may do arithmetic first and check the range after.
 */
#ifndef KH_CALENDAR_H
#define KH_CALENDAR_H

#include <stdint.h>

/* The day number of a Gregorian date; month and day need not be in range
 * (month 13 is January of the next year, day 0 the last of the month
 * before). */
int64_t kh_cal_days(int64_t year, int month, int day);

/* The Gregorian date of a day number. */
void kh_cal_civil(int64_t days, int64_t *year, int *month, int *day);

/* 1 for a Gregorian leap year. */
int kh_cal_leap(int64_t year);

/* Days in a Gregorian month (1..12); 0 for a month out of range. */
int kh_cal_month_days(int64_t year, int month);

/* 1 when year-month-day names a day (year 1..9999). */
int kh_cal_valid(int64_t year, int month, int day);

/* The weekday of a day number: 0 Sunday .. 6 Saturday. */
int kh_cal_weekday(int64_t days);

/* The ISO 8601 week of a day number: its week-numbering year and week
 * (1..53); the week starts on the Monday kh_cal_iso_monday() gives. */
void kh_cal_iso_week(int64_t days, int64_t *iso_year, int *week);
int64_t kh_cal_iso_monday(int64_t days);

/* The Hijri calendar: Umm al-Qura (Saudi Arabia's official calendar, by
 * which Saudi news dates; ummalqura.h) for the years 1300..1600 AH
 * (1882-2174), the arithmetic calendar outside them. Either can differ by a
 * day from a country's announced sighting of the moon.
 *
 * The arithmetic (tabular) calendar is the common scheme: leap years 2, 5,
 * 7, 10, 13, 16, 18, 21, 24, 26, 29 of each 30-year cycle; epoch Friday 16
 * July 622 Julian. Months alternate 30 and 29 days; the twelfth has 30 in a
 * leap year. kh_hijri_leap() is its leap year. */
int kh_hijri_leap(int64_t year);
int kh_hijri_month_days(int64_t year, int month);

/* The day number of Hijri year-month-day (month 1..12, day 1..30; not
 * checked): Umm al-Qura within its years, else tabular. */
int64_t kh_hijri_days(int64_t year, int month, int day);

/* The same in the tabular calendar alone. */
int64_t kh_hijri_tabular_days(int64_t year, int month, int day);

#endif
