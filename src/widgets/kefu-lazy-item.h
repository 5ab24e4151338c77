/* kefu-lazy-item.h: one row of a KefuLazyListModel: the id of what it shows, known at once, and
 * the value read for it (a record or card), NULL until its page of rows arrives.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define KEFU_TYPE_LAZY_ITEM (kefu_lazy_item_get_type ())
G_DECLARE_FINAL_TYPE (KefuLazyItem, kefu_lazy_item, KEFU, LAZY_ITEM, GObject)

KefuLazyItem *kefu_lazy_item_new       (gint64        id);
gint64        kefu_lazy_item_get_id    (KefuLazyItem *self);
/* A row shown before its id was read (behind the head of a list) gets it when it arrives. */
void          kefu_lazy_item_set_id    (KefuLazyItem *self,
                                        gint64        id);
/* The value read for the row (transfer none), NULL while it is a placeholder. Its "value"
 * property notifies when a page arrives or the row is read again. */
gpointer      kefu_lazy_item_get_value (KefuLazyItem *self);
void          kefu_lazy_item_set_value (KefuLazyItem *self,
                                        gpointer      value);

G_END_DECLS
