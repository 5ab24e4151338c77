/* kefu-row-pacer.c: a screen of rows a frame (see the header).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-row-pacer"

#include "config.h"

#include "kefu-row-pacer.h"

struct _KefuRowPacer
{
  GtkSliceListModel *rows;
  guint              step;
  guint              bound;
  gboolean           held;
  gboolean           hidden;
  GdkFrameClock     *clock;     /* while growing */
  gulong             handler;
};

static void
stop_growing (KefuRowPacer *self)
{
  /* A window destroyed meanwhile disposed of its clock, and of the handler with it. */
  if (self->clock != NULL && g_signal_handler_is_connected (self->clock, self->handler))
    g_signal_handler_disconnect (self->clock, self->handler);
  self->handler = 0;
  g_clear_object (&self->clock);
}

static void
show_all (KefuRowPacer *self)
{
  stop_growing (self);
  self->held = FALSE;
  gtk_slice_list_model_set_size (self->rows, self->hidden ? 0 : G_MAXUINT);
}

static void
after_paint_cb (GdkFrameClock *clock,
                KefuRowPacer  *self)
{
  guint size = gtk_slice_list_model_get_size (self->rows) + self->step;

  if (size > self->bound)
    show_all (self);
  else
    gtk_slice_list_model_set_size (self->rows, size);
}

KefuRowPacer *
kefu_row_pacer_new (GListModel *model,
                    guint       step,
                    guint       bound)
{
  KefuRowPacer *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);
  g_return_val_if_fail (step > 0 && step <= bound, NULL);

  self = g_new0 (KefuRowPacer, 1);
  self->rows = gtk_slice_list_model_new (g_object_ref (model), 0, G_MAXUINT);
  self->step = step;
  self->bound = bound;
  return self;
}

void
kefu_row_pacer_free (KefuRowPacer *self)
{
  if (self == NULL)
    return;

  stop_growing (self);
  g_clear_object (&self->rows);
  g_free (self);
}

GListModel *
kefu_row_pacer_get_model (KefuRowPacer *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return G_LIST_MODEL (self->rows);
}

void
kefu_row_pacer_hold (KefuRowPacer *self)
{
  g_return_if_fail (self != NULL);

  if (self->hidden || self->held)
    return;

  stop_growing (self);
  self->held = TRUE;
  gtk_slice_list_model_set_size (self->rows, self->step);
}

void
kefu_row_pacer_release (KefuRowPacer *self,
                        GtkWidget    *widget)
{
  GtkNative *native;
  GdkFrameClock *clock;

  g_return_if_fail (self != NULL);
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (!self->held)
    return;

  /* The window's clock: the view itself may not be shown yet (a page that shows it once rows
   * arrived). */
  native = gtk_widget_get_native (widget);
  clock = native != NULL ? gtk_widget_get_frame_clock (GTK_WIDGET (native)) : NULL;
  self->held = FALSE;
  if (clock == NULL)
    {
      show_all (self);
      return;
    }

  stop_growing (self);
  self->clock = g_object_ref (clock);
  self->handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), self);
}

gboolean
kefu_row_pacer_get_held (KefuRowPacer *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->held;
}

void
kefu_row_pacer_set_hidden (KefuRowPacer *self,
                           gboolean      hidden)
{
  g_return_if_fail (self != NULL);

  self->hidden = !!hidden;
  show_all (self);
}
