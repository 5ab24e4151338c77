/* kefu-complaint-timeline-view.c: the timeline of one complaint, oldest first.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-complaint-page"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-complaint-timeline.h"
#include "core/kefu-event.h"

#include "kefu-complaint-timeline-view.h"
#include "kefu-detail-format.h"

struct _KefuComplaintTimelineView
{
  AdwBin      parent_instance;

  GListModel              *events;
  const KefuTimelineWords *words;

  GtkListBox              *list;
};

G_DEFINE_FINAL_TYPE (KefuComplaintTimelineView, kefu_complaint_timeline_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_EVENTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const KefuTimelineWords complaint_words = {
  kefu_complaint_event_title,
  kefu_complaint_event_text,
  kefu_complaint_event_changes,
  kefu_complaint_event_icon_name,
};

static GtkWidget *
add_label (GtkBox     *box,
           const char *text,
           const char *style_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  if (style_class != NULL)
    gtk_widget_add_css_class (label, style_class);
  gtk_box_append (box, label);
  return label;
}

/* One event: its icon, the title, who and when, what came with it and each change old → new. */
static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  KefuComplaintTimelineView *self = user_data;
  KefuEvent *event = item;
  g_autofree char *title = self->words->title (event);
  g_autofree char *text = self->words->text (event);
  g_autofree char *when = kefu_detail_format_local_time (kefu_event_get_created_at (event));
  g_autofree char *meta = NULL;
  g_autoptr(GPtrArray) changes = self->words->changes (event);
  g_autoptr(GString) accessible = g_string_new (title);
  const char *who = kefu_event_get_staff_name (event);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *hbox = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *vbox = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *icon = gtk_image_new_from_icon_name (self->words->icon_name (event));

  if (who == NULL || *who == '\0')
    /* Translators: the author of an event written by Kefu itself (an escalation by the deadline
     * check), not by a person. */
    who = _("Kefu");
  /* Translators: who did it and when, under an event's title: "王芳 · 2026-11-27 10:02". */
  meta = g_strdup_printf (_("%s · %s"), who, when);

  gtk_widget_set_margin_top (hbox, 10);
  gtk_widget_set_margin_bottom (hbox, 10);
  gtk_widget_set_margin_start (hbox, 12);
  gtk_widget_set_margin_end (hbox, 12);
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_add_css_class (icon, "dim-label");
  gtk_widget_set_hexpand (vbox, TRUE);
  gtk_box_append (GTK_BOX (hbox), icon);
  gtk_box_append (GTK_BOX (hbox), vbox);

  add_label (GTK_BOX (vbox), title, "heading");
  add_label (GTK_BOX (vbox), meta, "dim-label");
  g_string_append_printf (accessible, ", %s", meta);
  if (text != NULL && *text != '\0')
    {
      add_label (GTK_BOX (vbox), text, NULL);
      g_string_append_printf (accessible, ", %s", text);
    }

  for (guint i = 0; i < changes->len; i++)
    {
      KefuFieldChange *change = changes->pdata[i];
      g_autofree char *line = NULL;

      /* Translators: a changed field on the timeline: "Reason: 有异味 → 有异味,已变质"; an
       * empty value shows as "—". */
      line = g_strdup_printf (_("%s: %s → %s"), change->label,
                              change->old_value != NULL ? change->old_value : "—",
                              change->new_value != NULL ? change->new_value : "—");
      add_label (GTK_BOX (vbox), line, "caption");
      g_string_append_printf (accessible, ", %s", line);
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), hbox);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible->str, -1);
  return row;
}

static void
kefu_complaint_timeline_view_dispose (GObject *object)
{
  KefuComplaintTimelineView *self = KEFU_COMPLAINT_TIMELINE_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_COMPLAINT_TIMELINE_VIEW);
  g_clear_object (&self->events);

  G_OBJECT_CLASS (kefu_complaint_timeline_view_parent_class)->dispose (object);
}

static void
kefu_complaint_timeline_view_get_property (GObject    *object,
                                           guint       prop_id,
                                           GValue     *value,
                                           GParamSpec *pspec)
{
  KefuComplaintTimelineView *self = KEFU_COMPLAINT_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_EVENTS:
      g_value_set_object (value, self->events);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_complaint_timeline_view_set_property (GObject      *object,
                                           guint         prop_id,
                                           const GValue *value,
                                           GParamSpec   *pspec)
{
  KefuComplaintTimelineView *self = KEFU_COMPLAINT_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_EVENTS:
      kefu_complaint_timeline_view_set_events (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_complaint_timeline_view_class_init (KefuComplaintTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kefu_complaint_timeline_view_dispose;
  object_class->get_property = kefu_complaint_timeline_view_get_property;
  object_class->set_property = kefu_complaint_timeline_view_set_property;

  properties[PROP_EVENTS] =
    g_param_spec_object ("events", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kefu/Kefu/ui/kefu-complaint-timeline-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintTimelineView, list);
}

static void
kefu_complaint_timeline_view_init (KefuComplaintTimelineView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->words = &complaint_words;
}

GtkWidget *
kefu_complaint_timeline_view_new (void)
{
  return g_object_new (KEFU_TYPE_COMPLAINT_TIMELINE_VIEW, NULL);
}

GListModel *
kefu_complaint_timeline_view_get_events (KefuComplaintTimelineView *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT_TIMELINE_VIEW (self), NULL);

  return self->events;
}

void
kefu_complaint_timeline_view_set_events (KefuComplaintTimelineView *self,
                                         GListModel                *events)
{
  g_return_if_fail (KEFU_IS_COMPLAINT_TIMELINE_VIEW (self));
  g_return_if_fail (events == NULL || G_IS_LIST_MODEL (events));

  if (!g_set_object (&self->events, events))
    return;

  gtk_list_box_bind_model (self->list, events, create_row_cb, self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENTS]);
}

void
kefu_complaint_timeline_view_set_words (KefuComplaintTimelineView *self,
                                        const KefuTimelineWords   *words)
{
  g_return_if_fail (KEFU_IS_COMPLAINT_TIMELINE_VIEW (self));
  g_return_if_fail (words != NULL);

  self->words = words;
  /* Rows already made are told again with the new words. */
  if (self->events != NULL)
    gtk_list_box_bind_model (self->list, self->events, create_row_cb, self, NULL);
}

GtkWidget *
kefu_complaint_timeline_view_get_row (KefuComplaintTimelineView *self,
                                      guint                      position)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT_TIMELINE_VIEW (self), NULL);

  return GTK_WIDGET (gtk_list_box_get_row_at_index (self->list, (int) position));
}

static void
collect_text (GtkWidget *widget,
              GString   *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, gtk_label_get_text (GTK_LABEL (widget)));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, text);
}

char *
kefu_complaint_timeline_view_dup_row_text (KefuComplaintTimelineView *self,
                                           guint                      position)
{
  GtkWidget *row;
  GString *text;

  g_return_val_if_fail (KEFU_IS_COMPLAINT_TIMELINE_VIEW (self), NULL);

  row = kefu_complaint_timeline_view_get_row (self, position);
  if (row == NULL)
    return NULL;

  text = g_string_new (NULL);
  collect_text (row, text);
  return g_string_free (text, FALSE);
}
