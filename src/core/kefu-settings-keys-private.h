/* kefu-settings-keys-private.h: what the parsers of the settings share across their files
 * (kefu-settings-keys.c, -hours.c and -work.c): reading a typed value the same way everywhere.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kefu-settings-keys.h"
#include "kefu-types.h"

G_BEGIN_DECLS

/* Folds full-width input and trims it; NULL (with an error) for damaged text. */
char  *_kefu_setting_fold_and_trim (const char  *text,
                                    GError     **error);
/* Splits a list on commas, semicolons, "、" and line breaks (after folding, "，" is a comma);
 * each item is normalized and the empty ones are left out. */
GStrv  _kefu_setting_split_list    (const char  *folded);
/* "month", "quarter", "half" or "year" (any case) as a survey period (callback.survey-period),
 * shared by the validation and the callback rules. */
gboolean _kefu_setting_parse_survey_period (const char        *text,
                                            KefuSurveyPeriod  *period,
                                            GError           **error);

G_END_DECLS
