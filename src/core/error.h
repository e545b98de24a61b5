/* error.h - filling a khabar_error. */
#ifndef KH_ERROR_H
#define KH_ERROR_H

#include "khabar.h"

/* Sets *err (when err is not NULL) and returns code. msg must be static;
 * NULL uses khabar_strerror(code). */
khabar_code kh_fail(khabar_error *err, khabar_code code, const char *msg,
                    size_t offset);

/* Sets *err to success (when err is not NULL). */
void kh_ok(khabar_error *err);

#endif
