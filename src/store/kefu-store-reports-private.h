/* kefu-store-reports-private.h: what the report files of the store share (kefu-store-reports.h).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kefu-store-callbacks-private.h"
#include "kefu-store-internal.h"
#include "kefu-store-reports.h"

G_BEGIN_DECLS

/* TRUE for a query with valid days in order, at most KEFU_REPORT_MAX_DAYS, and ids >= 0. */
gboolean   _kefu_report_query_is_valid (const KefuReportQuery *query);
/* ($1, $2, $3, $4): the UTC bounds of the period's local days, the team and the clerk. */
GVariant  *_kefu_report_query_params   (const KefuReportQuery *query,
                                        const char            *from,
                                        const char            *to);

G_END_DECLS
