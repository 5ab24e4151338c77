/* kefu-store-callbacks.h: callbacks (回访) as the after-sales pane creates them: a completed
 * installation or repair, or a confirmed receipt, schedules one within the callback window
 * (callback.window-days working days, out of the quiet hours). The callback calendar builds
 * on the same table.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "kefu-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64             id;
  gint64             customer_id;
  char              *customer_name;
  KefuCallbackReason reason;
  char              *source_entity;   /* "service-job", "shipment", "complaint", …; NULL: none */
  gint64             source_id;
  GDateTime         *due_at;
  KefuCallbackState  state;
  gint64             assigned_to;     /* 0: not assigned */
  GDateTime         *created_at;
} KefuCallbackInfo;

void kefu_callback_info_free (KefuCallbackInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KefuCallbackInfo, kefu_callback_info_free)

/* Inside a write transaction (store-internal use by the shipment and job writes, and by the
 * callback calendar): schedules a callback for `customer_id` about `source_entity`/`source_id`
 * after an event at `event_time`, due by kefu_callback_due_after () with the site's settings;
 * one per source and reason (a second call returns the first's id). Writes a "scheduled"
 * event on entity "callback". Returns the id, 0 with `error` set. */
gint64     _kefu_store_schedule_callback     (KefuStore *self, gint64 customer_id,
                                              KefuCallbackReason reason,
                                              const char *source_entity, gint64 source_id,
                                              GDateTime *event_time,
                                              GCancellable *cancellable, GError **error);

/* The callbacks of a record (e.g. "service-job", 42), oldest first. */
GPtrArray *kefu_store_list_callbacks_for     (KefuStore *self, const char *source_entity,
                                              gint64 source_id,
                                              GCancellable *cancellable, GError **error);
/* A customer's callbacks, newest due first. */
GPtrArray *kefu_store_list_customer_callbacks (KefuStore *self, gint64 customer_id,
                                               GCancellable *cancellable, GError **error);

G_END_DECLS
