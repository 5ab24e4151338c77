/* kefu-store-callback-report-private.h: what the report's two files share: an empty report
 * and the element types' clear functions (kefu-store-callback-report-json.c).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kefu-store-callback-report.h"

G_BEGIN_DECLS

/* A report with empty arrays (their element types and clear functions set). */
KefuCallbackReport *_kefu_callback_report_new       (void);
/* An empty array of KefuCallbackBreakdown that frees each row's name. */
GArray             *_kefu_callback_breakdowns_new   (void);
void                _kefu_callback_words_free       (KefuCallbackWords *words);

G_END_DECLS
