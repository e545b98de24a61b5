/* test_quotes.c - placeholder. */
#include "test.h"

void suite_quotes(void) {}
