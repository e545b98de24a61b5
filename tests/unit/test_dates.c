/* test_dates.c - placeholder. */
#include "test.h"

void suite_dates(void) {}
