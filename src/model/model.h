/*
 * model.h - what a khabar_model holds.
 *
 * The model is immutable after loading and shared read-only by threads. The
 * text layer's tables are static data compiled into the library (see
 * src/text/unicode.h); later layers add their loaded parts here.
 */
#ifndef KH_MODEL_H
#define KH_MODEL_H

#include "khabar.h"

struct khabar_model {
    const char *unicode_version; /* of the compiled-in character tables */
};

#endif
