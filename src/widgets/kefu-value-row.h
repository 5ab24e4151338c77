/* kefu-value-row.h: the read-only rows of the detail pages (a complaint, a service job, a
 * callback): a field's name above its value, the value selectable so it can be copied, an
 * empty value left out (an empty row says nothing).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Appends an AdwActionRow titled `title` showing `value` to `list` and returns it (transfer
 * none); nothing, and NULL, when `value` is NULL or empty. The row is not activatable until a
 * caller makes it open something. */
GtkWidget *kefu_value_row_add (GtkListBox *list,
                               const char *title,
                               const char *value);

G_END_DECLS
