/* kefu-dashboard-line.c: a line of the records behind a dashboard figure (see
 * kefu-dashboard-line.h).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-dashboard"

#include "config.h"

#include "kefu-dashboard-line.h"

struct _KefuDashboardLine
{
  GObject              parent_instance;
  KefuDashboardRecord *record;
};

G_DEFINE_FINAL_TYPE (KefuDashboardLine, kefu_dashboard_line, G_TYPE_OBJECT)

static void
kefu_dashboard_line_finalize (GObject *object)
{
  KefuDashboardLine *self = KEFU_DASHBOARD_LINE (object);

  g_clear_pointer (&self->record, kefu_dashboard_record_free);

  G_OBJECT_CLASS (kefu_dashboard_line_parent_class)->finalize (object);
}

static void
kefu_dashboard_line_class_init (KefuDashboardLineClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kefu_dashboard_line_finalize;
}

static void
kefu_dashboard_line_init (KefuDashboardLine *self)
{
}

KefuDashboardLine *
kefu_dashboard_line_new (KefuDashboardRecord *record)
{
  KefuDashboardLine *self;

  g_return_val_if_fail (record != NULL, NULL);

  self = g_object_new (KEFU_TYPE_DASHBOARD_LINE, NULL);
  self->record = record;
  return self;
}

const KefuDashboardRecord *
kefu_dashboard_line_get_record (KefuDashboardLine *self)
{
  g_return_val_if_fail (KEFU_IS_DASHBOARD_LINE (self), NULL);
  return self->record;
}

GPtrArray *
kefu_dashboard_lines_read (KefuStore                *store,
                           KefuDashboardRecordKind   kind,
                           const gint64             *ids,
                           guint                     n_ids,
                           GCancellable             *cancellable,
                           GError                  **error)
{
  g_autoptr(GPtrArray) records = NULL;
  GPtrArray *lines;

  records = kefu_store_dashboard_read_records (store, kind, ids, n_ids, cancellable, error);
  if (records == NULL)
    return NULL;
  lines = g_ptr_array_new_full (records->len, g_object_unref);
  /* The lines take the records: the array no longer frees them. */
  g_ptr_array_set_free_func (records, NULL);
  for (guint i = 0; i < records->len; i++)
    g_ptr_array_add (lines, kefu_dashboard_line_new (g_ptr_array_index (records, i)));
  return lines;
}
