/* kefu-store-complaint-board-private.h: what the complaint board's reads share: the WHERE clause
 * of a complaint filter, built from constant fragments with numbered parameters
 * (kefu-store-complaint-board-filters.c), which the board (kefu-store-complaint-board.c) and the
 * list view's ids (kefu-store-complaint-board-ids.c) run their statements under.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kefu-store-complaints-private.h"

G_BEGIN_DECLS

typedef struct
{
  GString   *where;
  GPtrArray *params;   /* GVariant, one per $n */
} KefuComplaintQuery;

void      _kefu_complaint_query_init       (KefuComplaintQuery *q);
void      _kefu_complaint_query_clear      (KefuComplaintQuery *q);
/* Adds `value` as the next parameter and returns its number. */
guint     _kefu_complaint_query_param      (KefuComplaintQuery *q,
                                            GVariant           *value);
/* Appends " AND " and `format`, in which every "%u" is the number of the parameter just added. */
void      _kefu_complaint_query_and        (KefuComplaintQuery *q,
                                            const char         *format,
                                            ...) G_GNUC_PRINTF (2, 3);
/* The parameters, and `extra` (nullable) as $n+1: a tuple, or NULL for none (floating). */
GVariant *_kefu_complaint_query_params     (KefuComplaintQuery *q,
                                            GVariant           *extra);
/* How many rows of `table` (a constant name) match the conditions of `q`, which it clears:
 * one count(*), as a list's head tells its length. FALSE on an error. */
gboolean  _kefu_complaint_query_count      (KefuComplaintQuery *q,
                                            KefuStore          *store,
                                            const char         *table,
                                            gint64             *n_rows,
                                            GCancellable       *cancellable,
                                            GError            **error);
/* "%text%" for LIKE … ESCAPE '\\': in ASCII lower case, its own pattern characters escaped. */
char     *_kefu_complaint_like_pattern     (const char *text);
/* Adds the conditions of `filter`; `board` for the board's statement, which reads the open
 * complaints through complaints_stage, rather than the list view's. */
void      _kefu_complaint_query_add_filter (KefuComplaintQuery        *q,
                                            const KefuComplaintFilter *filter,
                                            gboolean                   board);

G_END_DECLS
