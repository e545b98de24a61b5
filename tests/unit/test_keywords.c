/* test_keywords.c - placeholder. */
#include "test.h"

void suite_keywords(void) {}
