/* kefu-store-pin.h: the staff's optional PIN on a shared SQLite file (core/kefu-pin.h).
 *
 * The PIN is hashed and checked outside any transaction (a check takes a good part of a second
 * on purpose), so a workstation never holds the shared file's write lock while it computes.
 * The events record that a PIN was set or cleared and by whom, never the PIN or its hash.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kefu-store.h"

G_BEGIN_DECLS

/* Whether the staff member has a PIN (NOT_FOUND for no such staff member). */
gboolean  kefu_store_staff_has_pin    (KefuStore *self, gint64 staff_id, gboolean *has_pin,
                                       GCancellable *cancellable, GError **error);
/* The ids of the staff who have a PIN, in one query (the "who is working" list). */
GArray   *kefu_store_list_staff_with_pin (KefuStore *self, GCancellable *cancellable,
                                          GError **error);
/* TRUE when `pin` is the staff member's PIN, or they have none; FALSE with AUTH ("wrong PIN")
 * otherwise. */
gboolean  kefu_store_check_staff_pin  (KefuStore *self, gint64 staff_id, const char *pin,
                                       GCancellable *cancellable, GError **error);
/* The actor sets (`new_pin`) or clears (NULL) their own PIN, giving the current one when they
 * have one (AUTH when it is wrong); INVALID for a PIN that is not 4–12 digits. */
gboolean  kefu_store_set_own_pin      (KefuStore *self, const char *current_pin,
                                       const char *new_pin,
                                       GCancellable *cancellable, GError **error);
/* A manager (kefu_role_can_clear_pins ()) clears a staff member's forgotten PIN; PERMISSION
 * for anyone else. */
gboolean  kefu_store_clear_staff_pin  (KefuStore *self, gint64 staff_id,
                                       GCancellable *cancellable, GError **error);

G_END_DECLS
