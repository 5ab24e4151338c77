/* kefu-caller-lookup-private.h: what the caller lookup's files share.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kefu-caller-lookup.h"

G_BEGIN_DECLS

/* The row that offers a number nobody has is a customer not yet saved (id 0). */
gboolean _kefu_caller_lookup_is_new_caller         (KefuCustomer *customer);

/* Closures of the row template; `unused` is the template's object. */
char    *_kefu_caller_lookup_row_title             (gpointer      unused,
                                                    KefuCustomer *customer);
char    *_kefu_caller_lookup_row_avatar_text       (gpointer      unused,
                                                    KefuCustomer *customer);
gboolean _kefu_caller_lookup_row_is_member         (gpointer      unused,
                                                    KefuCustomer *customer);
char    *_kefu_caller_lookup_row_phone             (gpointer      unused,
                                                    KefuCustomer *customer);
char    *_kefu_caller_lookup_row_address           (gpointer      unused,
                                                    KefuCustomer *customer);
char    *_kefu_caller_lookup_row_last_contact      (gpointer      unused,
                                                    KefuCustomer *customer);
gboolean _kefu_caller_lookup_row_has_last_contact  (gpointer      unused,
                                                    KefuCustomer *customer);
char    *_kefu_caller_lookup_row_accessible_label  (gpointer      unused,
                                                    KefuCustomer *customer);

G_END_DECLS
