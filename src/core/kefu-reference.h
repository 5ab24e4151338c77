/* kefu-reference.h: human reference numbers that people read out on the phone, e.g. the complaint
 * "TS-20261127-0003": a prefix of capital letters naming the kind of record, the local day it was
 * opened and its sequence number within that day (at least four digits).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define KEFU_REFERENCE_PREFIX_MAX 8
#define KEFU_REFERENCE_SEQUENCE_MAX 999999999u

#define KEFU_REFERENCE_ERROR (kefu_reference_error_quark ())

typedef enum
{
  KEFU_REFERENCE_ERROR_INVALID,
  KEFU_REFERENCE_ERROR_BAD_DATE,
} KefuReferenceError;

GQuark    kefu_reference_error_quark (void);

/* `prefix`: 1 to KEFU_REFERENCE_PREFIX_MAX capital ASCII letters; `local_day`: the day in local
 * time (only its date is used); `sequence`: 1 to KEFU_REFERENCE_SEQUENCE_MAX. */
char     *kefu_reference_format      (const char   *prefix,
                                      GDateTime    *local_day,
                                      guint         sequence);
/* Reads a reference as a caller might give it: any case, with or without the dashes, with
 * spaces or full-width characters ("ts 2026 1127 3", "ＴＳ－２０２６１１２７－０００３"). Every out
 * argument may be NULL; `prefix` receives the capitalised prefix, `day` a valid date. */
gboolean  kefu_reference_parse       (const char   *text,
                                      char        **prefix,
                                      GDate        *day,
                                      guint        *sequence,
                                      GError      **error);

G_END_DECLS
