/* kefu-sidebar-row.c: one pane in the window's sidebar.
 *
 * The urgent marker is text in the destructive colour ("2 urgent", or "4 overdue" for a row
 * whose marker counts what is late), never colour alone, and the
 * accessible name carries the count, the urgent and the overdue numbers, so a screen reader
 * hears "Complaints, 12, 2 urgent, 3 overdue".
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-sidebar-row"

#include "config.h"

#include <glib/gi18n.h>

#include "kefu-sidebar-row.h"

struct _KefuSidebarRow
{
  GtkListBoxRow  parent_instance;

  char          *pane_name;
  char          *title;
  char          *icon_name;
  gint64         count;
  gint64         urgent;
  gint64         overdue;
  KefuSidebarMarker marker_kind;
  char          *details;

  GtkLabel      *count_label;
  GtkLabel      *urgent_label;
};

G_DEFINE_FINAL_TYPE (KefuSidebarRow, kefu_sidebar_row, GTK_TYPE_LIST_BOX_ROW)

G_DEFINE_ENUM_TYPE (KefuSidebarMarker, kefu_sidebar_marker,
                    G_DEFINE_ENUM_VALUE (KEFU_SIDEBAR_MARKER_URGENT, "urgent"),
                    G_DEFINE_ENUM_VALUE (KEFU_SIDEBAR_MARKER_OVERDUE, "overdue"))

enum {
  PROP_0,
  PROP_PANE_NAME,
  PROP_TITLE,
  PROP_ICON_NAME,
  PROP_COUNT,
  PROP_URGENT,
  PROP_OVERDUE,
  PROP_MARKER_KIND,
  PROP_DETAILS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Counts of open items fit an int; a plural form needs one. */
static int
clamp_int (gint64 value)
{
  return (int) CLAMP (value, 0, G_MAXINT);
}

/* The marker's words: "2 urgent", or "4 overdue" for a row whose marker counts what is late. */
static char *
describe_marker (KefuSidebarRow *self)
{
  int n = clamp_int (self->urgent);

  if (self->marker_kind == KEFU_SIDEBAR_MARKER_OVERDUE)
    /* Translators: the red pill beside After-Sales in the sidebar: how many shipments are late
     * or in exception (逾期 4); keep it short. The same in the singular. */
    return g_strdup_printf (C_("sidebar marker", "%d overdue"), n);
  /* Translators: the red pill beside a pane in the sidebar; keep it short. */
  return g_strdup_printf (ngettext ("%d urgent", "%d urgent", n), n);
}

/* "2 urgent, 3 overdue", or NULL when nothing needs attention. */
static char *
describe_attention (KefuSidebarRow *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (self->urgent > 0)
    {
      g_autofree char *marker = describe_marker (self);

      g_string_append (text, marker);
    }
  if (self->overdue > 0)
    {
      if (text->len > 0)
        /* Translators: the separator between "2 urgent" and "3 overdue". */
        g_string_append (text, _(", "));
      /* Translators: how many open items of a pane are past their deadline, in the sidebar. */
      g_string_append_printf (text, ngettext ("%d overdue", "%d overdue",
                                                clamp_int (self->overdue)),
                              clamp_int (self->overdue));
    }

  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

/* The accessible name says the count too, so a screen reader hears "Customers, 312", and what
 * needs attention: "Complaints, 12, 2 urgent, 3 overdue". */
static void
update_accessible (KefuSidebarRow *self)
{
  g_autofree char *text = NULL;
  g_autofree char *attention = describe_attention (self);

  if (self->count >= 0)
    {
      g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, self->count);

      /* Translators: a pane in the sidebar and its live count (the second %s), read by screen
       * readers, e.g. "Customers, 312". */
      text = g_strdup_printf (_("%s, %s"), self->title ? self->title : "", count);
    }
  else
    text = g_strdup (self->title ? self->title : "");

  if (attention != NULL)
    {
      g_autofree char *with = NULL;

      /* Translators: a pane with its count, then what needs attention, read by screen readers,
       * e.g. "Complaints, 12, 2 urgent, 3 overdue". */
      with = g_strdup_printf (_("%s, %s"), text, attention);
      g_free (text);
      text = g_steal_pointer (&with);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
  /* The details break the count down; the marker is seen beside them already. */
  if (self->details != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->details,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self),
                               self->details != NULL ? self->details : attention);
}

static void
update_urgent_label (KefuSidebarRow *self)
{
  if (self->urgent > 0)
    {
      g_autofree char *text = describe_marker (self);

      gtk_label_set_label (self->urgent_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->urgent_label), self->urgent > 0);
}

static void
kefu_sidebar_row_finalize (GObject *object)
{
  KefuSidebarRow *self = KEFU_SIDEBAR_ROW (object);

  g_free (self->pane_name);
  g_free (self->title);
  g_free (self->icon_name);
  g_free (self->details);

  G_OBJECT_CLASS (kefu_sidebar_row_parent_class)->finalize (object);
}

static void
kefu_sidebar_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), KEFU_TYPE_SIDEBAR_ROW);

  G_OBJECT_CLASS (kefu_sidebar_row_parent_class)->dispose (object);
}

static void
kefu_sidebar_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  KefuSidebarRow *self = KEFU_SIDEBAR_ROW (object);

  switch (prop_id)
    {
    case PROP_PANE_NAME:
      g_value_set_string (value, self->pane_name);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_ICON_NAME:
      g_value_set_string (value, self->icon_name);
      break;

    case PROP_COUNT:
      g_value_set_int64 (value, self->count);
      break;

    case PROP_URGENT:
      g_value_set_int64 (value, self->urgent);
      break;

    case PROP_OVERDUE:
      g_value_set_int64 (value, self->overdue);
      break;

    case PROP_MARKER_KIND:
      g_value_set_enum (value, self->marker_kind);
      break;

    case PROP_DETAILS:
      g_value_set_string (value, self->details);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_sidebar_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  KefuSidebarRow *self = KEFU_SIDEBAR_ROW (object);

  switch (prop_id)
    {
    case PROP_PANE_NAME:
      kefu_sidebar_row_set_pane_name (self, g_value_get_string (value));
      break;

    case PROP_TITLE:
      kefu_sidebar_row_set_title (self, g_value_get_string (value));
      break;

    case PROP_ICON_NAME:
      kefu_sidebar_row_set_icon_name (self, g_value_get_string (value));
      break;

    case PROP_COUNT:
      kefu_sidebar_row_set_count (self, g_value_get_int64 (value));
      break;

    case PROP_URGENT:
      kefu_sidebar_row_set_urgent (self, g_value_get_int64 (value));
      break;

    case PROP_OVERDUE:
      kefu_sidebar_row_set_overdue (self, g_value_get_int64 (value));
      break;

    case PROP_MARKER_KIND:
      kefu_sidebar_row_set_marker_kind (self, g_value_get_enum (value));
      break;

    case PROP_DETAILS:
      kefu_sidebar_row_set_details (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_sidebar_row_class_init (KefuSidebarRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kefu_sidebar_row_dispose;
  object_class->finalize = kefu_sidebar_row_finalize;
  object_class->get_property = kefu_sidebar_row_get_property;
  object_class->set_property = kefu_sidebar_row_set_property;

  properties[PROP_PANE_NAME] =
    g_param_spec_string ("pane-name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_COUNT] =
    g_param_spec_int64 ("count", NULL, NULL, -1, G_MAXINT64, -1,
                        (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_URGENT] =
    g_param_spec_int64 ("urgent", NULL, NULL, -1, G_MAXINT64, -1,
                        (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_OVERDUE] =
    g_param_spec_int64 ("overdue", NULL, NULL, -1, G_MAXINT64, -1,
                        (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_MARKER_KIND] =
    g_param_spec_enum ("marker-kind", NULL, NULL, KEFU_TYPE_SIDEBAR_MARKER,
                       KEFU_SIDEBAR_MARKER_URGENT,
                       (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_DETAILS] =
    g_param_spec_string ("details", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kefu/Kefu/ui/kefu-sidebar-row.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuSidebarRow, count_label);
  gtk_widget_class_bind_template_child (widget_class, KefuSidebarRow, urgent_label);
}

static void
kefu_sidebar_row_init (KefuSidebarRow *self)
{
  self->count = -1;
  self->urgent = -1;
  self->overdue = -1;

  gtk_widget_init_template (GTK_WIDGET (self));
}

const char *
kefu_sidebar_row_get_pane_name (KefuSidebarRow *self)
{
  g_return_val_if_fail (KEFU_IS_SIDEBAR_ROW (self), NULL);

  return self->pane_name;
}

void
kefu_sidebar_row_set_pane_name (KefuSidebarRow *self,
                                const char     *pane_name)
{
  g_return_if_fail (KEFU_IS_SIDEBAR_ROW (self));

  if (g_set_str (&self->pane_name, pane_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PANE_NAME]);
}

const char *
kefu_sidebar_row_get_title (KefuSidebarRow *self)
{
  g_return_val_if_fail (KEFU_IS_SIDEBAR_ROW (self), NULL);

  return self->title;
}

void
kefu_sidebar_row_set_title (KefuSidebarRow *self,
                            const char     *title)
{
  g_return_if_fail (KEFU_IS_SIDEBAR_ROW (self));

  if (g_set_str (&self->title, title))
    {
      update_accessible (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
    }
}

const char *
kefu_sidebar_row_get_icon_name (KefuSidebarRow *self)
{
  g_return_val_if_fail (KEFU_IS_SIDEBAR_ROW (self), NULL);

  return self->icon_name;
}

void
kefu_sidebar_row_set_icon_name (KefuSidebarRow *self,
                                const char     *icon_name)
{
  g_return_if_fail (KEFU_IS_SIDEBAR_ROW (self));

  if (g_set_str (&self->icon_name, icon_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ICON_NAME]);
}

gint64
kefu_sidebar_row_get_count (KefuSidebarRow *self)
{
  g_return_val_if_fail (KEFU_IS_SIDEBAR_ROW (self), -1);

  return self->count;
}

void
kefu_sidebar_row_set_count (KefuSidebarRow *self,
                            gint64          count)
{
  g_autofree char *text = NULL;

  g_return_if_fail (KEFU_IS_SIDEBAR_ROW (self));

  count = MAX (count, -1);
  if (self->count == count)
    return;

  self->count = count;

  if (count >= 0)
    text = g_strdup_printf ("%" G_GINT64_FORMAT, count);
  gtk_label_set_label (self->count_label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->count_label), count >= 0);
  update_accessible (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNT]);
}

gint64
kefu_sidebar_row_get_urgent (KefuSidebarRow *self)
{
  g_return_val_if_fail (KEFU_IS_SIDEBAR_ROW (self), -1);

  return self->urgent;
}

void
kefu_sidebar_row_set_urgent (KefuSidebarRow *self,
                             gint64          urgent)
{
  g_return_if_fail (KEFU_IS_SIDEBAR_ROW (self));

  urgent = MAX (urgent, -1);
  if (self->urgent == urgent)
    return;

  self->urgent = urgent;
  update_urgent_label (self);
  update_accessible (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URGENT]);
}

gint64
kefu_sidebar_row_get_overdue (KefuSidebarRow *self)
{
  g_return_val_if_fail (KEFU_IS_SIDEBAR_ROW (self), -1);

  return self->overdue;
}

void
kefu_sidebar_row_set_overdue (KefuSidebarRow *self,
                              gint64          overdue)
{
  g_return_if_fail (KEFU_IS_SIDEBAR_ROW (self));

  overdue = MAX (overdue, -1);
  if (self->overdue == overdue)
    return;

  self->overdue = overdue;
  update_accessible (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OVERDUE]);
}

KefuSidebarMarker
kefu_sidebar_row_get_marker_kind (KefuSidebarRow *self)
{
  g_return_val_if_fail (KEFU_IS_SIDEBAR_ROW (self), KEFU_SIDEBAR_MARKER_URGENT);

  return self->marker_kind;
}

void
kefu_sidebar_row_set_marker_kind (KefuSidebarRow    *self,
                                  KefuSidebarMarker  marker_kind)
{
  g_return_if_fail (KEFU_IS_SIDEBAR_ROW (self));
  g_return_if_fail (marker_kind <= KEFU_SIDEBAR_MARKER_OVERDUE);

  if (self->marker_kind == marker_kind)
    return;

  self->marker_kind = marker_kind;
  update_urgent_label (self);
  update_accessible (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MARKER_KIND]);
}

const char *
kefu_sidebar_row_get_details (KefuSidebarRow *self)
{
  g_return_val_if_fail (KEFU_IS_SIDEBAR_ROW (self), NULL);

  return self->details;
}

void
kefu_sidebar_row_set_details (KefuSidebarRow *self,
                              const char     *details)
{
  g_return_if_fail (KEFU_IS_SIDEBAR_ROW (self));

  if (!g_set_str (&self->details, details))
    return;

  update_accessible (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DETAILS]);
}
