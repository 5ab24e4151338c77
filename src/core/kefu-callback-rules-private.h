/* kefu-callback-rules-private.h: what the callback rules share across their files
 * (kefu-callback-rules.c, -record.c, -campaign.c, -script.c).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kefu-callback-rules.h"

G_BEGIN_DECLS

/* TRUE when `day` is one of the site's working days (work.days) and not a holiday. */
gboolean   _kefu_callback_rules_is_working_day (KefuCallbackRules *rules,
                                                const GDate       *day);
/* Local midnight of `day` in the rules' zone. */
GDateTime *_kefu_callback_rules_day_start      (KefuCallbackRules *rules,
                                                const GDate       *day);

G_END_DECLS
