/* kefu-aftersales-timeline-view.c: the timeline of a shipment or a service job.
 *
 * The rows are the complaint timeline's (kefu-complaint-timeline-view.c), given the after-sales
 * words, so that both timelines look and read alike and the row is written once.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-aftersales"

#include "config.h"

#include "complaints/kefu-complaint-timeline-view.h"
#include "core/kefu-aftersales-timeline.h"

#include "kefu-aftersales-timeline-view.h"

struct _KefuAftersalesTimelineView
{
  AdwBin                     parent_instance;

  KefuComplaintTimelineView *view;
};

G_DEFINE_FINAL_TYPE (KefuAftersalesTimelineView, kefu_aftersales_timeline_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_EVENTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const KefuTimelineWords aftersales_words = {
  kefu_aftersales_event_title,
  kefu_aftersales_event_text,
  kefu_aftersales_event_changes,
  kefu_aftersales_event_icon_name,
};

static void
kefu_aftersales_timeline_view_get_property (GObject    *object,
                                            guint       prop_id,
                                            GValue     *value,
                                            GParamSpec *pspec)
{
  KefuAftersalesTimelineView *self = KEFU_AFTERSALES_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_EVENTS:
      g_value_set_object (value, kefu_aftersales_timeline_view_get_events (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_aftersales_timeline_view_set_property (GObject      *object,
                                            guint         prop_id,
                                            const GValue *value,
                                            GParamSpec   *pspec)
{
  KefuAftersalesTimelineView *self = KEFU_AFTERSALES_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_EVENTS:
      kefu_aftersales_timeline_view_set_events (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_aftersales_timeline_view_class_init (KefuAftersalesTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = kefu_aftersales_timeline_view_get_property;
  object_class->set_property = kefu_aftersales_timeline_view_set_property;

  properties[PROP_EVENTS] =
    g_param_spec_object ("events", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "kefu-aftersales-timeline-view");
}

static void
kefu_aftersales_timeline_view_init (KefuAftersalesTimelineView *self)
{
  self->view = KEFU_COMPLAINT_TIMELINE_VIEW (kefu_complaint_timeline_view_new ());
  kefu_complaint_timeline_view_set_words (self->view, &aftersales_words);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->view));
}

GtkWidget *
kefu_aftersales_timeline_view_new (void)
{
  return g_object_new (KEFU_TYPE_AFTERSALES_TIMELINE_VIEW, NULL);
}

GListModel *
kefu_aftersales_timeline_view_get_events (KefuAftersalesTimelineView *self)
{
  g_return_val_if_fail (KEFU_IS_AFTERSALES_TIMELINE_VIEW (self), NULL);

  return kefu_complaint_timeline_view_get_events (self->view);
}

void
kefu_aftersales_timeline_view_set_events (KefuAftersalesTimelineView *self,
                                          GListModel                 *events)
{
  g_return_if_fail (KEFU_IS_AFTERSALES_TIMELINE_VIEW (self));
  g_return_if_fail (events == NULL || G_IS_LIST_MODEL (events));

  if (kefu_complaint_timeline_view_get_events (self->view) == events)
    return;

  kefu_complaint_timeline_view_set_events (self->view, events);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENTS]);
}

char *
kefu_aftersales_timeline_view_dup_row_text (KefuAftersalesTimelineView *self,
                                            guint                       position)
{
  g_return_val_if_fail (KEFU_IS_AFTERSALES_TIMELINE_VIEW (self), NULL);

  return kefu_complaint_timeline_view_dup_row_text (self->view, position);
}
