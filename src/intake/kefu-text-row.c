/* kefu-text-row.c: a multi-line text field in a boxed list.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-text-row"

#include "config.h"

#include "kefu-text-row.h"

struct _KefuTextRow
{
  AdwPreferencesRow  parent_instance;

  GtkLabel          *title_label;
  GtkTextView       *text_view;
};

G_DEFINE_FINAL_TYPE (KefuTextRow, kefu_text_row, ADW_TYPE_PREFERENCES_ROW)

enum {
  PROP_0,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
buffer_changed_cb (KefuTextRow   *self,
                   GtkTextBuffer *buffer)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            KefuTextRow     *self)
{
  /* A click on the title or the margins types into the text, as in an entry row. */
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

/* As an entry row does, the row shows a focus ring while its text has the focus. */
static void
focus_enter_cb (KefuTextRow *self)
{
  gtk_widget_add_css_class (GTK_WIDGET (self), "focused");
}

static void
focus_leave_cb (KefuTextRow *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "focused");
}

static gboolean
kefu_text_row_grab_focus (GtkWidget *widget)
{
  KefuTextRow *self = KEFU_TEXT_ROW (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

static void
kefu_text_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), KEFU_TYPE_TEXT_ROW);

  G_OBJECT_CLASS (kefu_text_row_parent_class)->dispose (object);
}

static void
kefu_text_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  KefuTextRow *self = KEFU_TEXT_ROW (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_take_string (value, kefu_text_row_get_text (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_text_row_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  KefuTextRow *self = KEFU_TEXT_ROW (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      kefu_text_row_set_text (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_text_row_class_init (KefuTextRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kefu_text_row_dispose;
  object_class->get_property = kefu_text_row_get_property;
  object_class->set_property = kefu_text_row_set_property;
  widget_class->grab_focus = kefu_text_row_grab_focus;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kefu/Kefu/ui/kefu-text-row.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuTextRow, text_view);
  gtk_widget_class_bind_template_child (widget_class, KefuTextRow, title_label);
  gtk_widget_class_bind_template_callback (widget_class, focus_enter_cb);
  gtk_widget_class_bind_template_callback (widget_class, focus_leave_cb);
  gtk_widget_class_bind_template_callback (widget_class, pressed_cb);
}

static void
kefu_text_row_init (KefuTextRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                           G_CALLBACK (buffer_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
kefu_text_row_new (void)
{
  return g_object_new (KEFU_TYPE_TEXT_ROW, NULL);
}

char *
kefu_text_row_get_text (KefuTextRow *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (KEFU_IS_TEXT_ROW (self), NULL);

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
kefu_text_row_set_text (KefuTextRow *self,
                        const char  *text)
{
  g_autofree char *current = NULL;

  g_return_if_fail (KEFU_IS_TEXT_ROW (self));

  if (text == NULL)
    text = "";
  current = kefu_text_row_get_text (self);
  if (g_strcmp0 (current, text) == 0)
    return;

  /* The buffer's "changed" notifies "text". */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text, -1);
}

GtkTextView *
kefu_text_row_get_text_view (KefuTextRow *self)
{
  g_return_val_if_fail (KEFU_IS_TEXT_ROW (self), NULL);

  return self->text_view;
}
