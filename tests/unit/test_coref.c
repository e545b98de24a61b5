/* test_coref.c - placeholder. */
#include "test.h"

void suite_coref(void) {}
