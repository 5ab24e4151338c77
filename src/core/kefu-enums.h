/* kefu-enums.h: the enumerations of kefu-types.h as database text and as words for people.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "kefu-types.h"
#include "kefu-enum-types.h"

G_BEGIN_DECLS

/* The readable text stored in the database for `value` of `enum_type` (its GEnumValue nick,
 * e.g. "team-lead", "home-delivery"), or NULL when `value` is not one of its values. */
const char *kefu_enum_to_nick              (GType        enum_type,
                                            int          value);
/* Reads a nick back; FALSE (and `value` untouched) when `nick` names no value. */
gboolean    kefu_enum_from_nick            (GType        enum_type,
                                            const char  *nick,
                                            int         *value);

/* Translated names for people ("Team lead" → 接线员组长). */
const char *kefu_role_get_display_name     (KefuRole     role);
/* Translated channel names (入户 / 零售 / 卖场); "Not specified" for KEFU_CHANNEL_UNSPECIFIED. */
const char *kefu_channel_get_display_name  (KefuChannel  channel);

G_END_DECLS
