/* kefu-inquiry-form.c: the inquiry call's part of the call form.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-inquiry-form"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-enums.h"

#include "kefu-form-field.h"
#include "kefu-inquiry-form.h"
#include "kefu-text-row.h"

/* The topics in the order of the paper form. */
static const KefuInquiryTopics topic_flags[] = {
  KEFU_INQUIRY_TOPIC_PRODUCTS,
  KEFU_INQUIRY_TOPIC_PRICES,
  KEFU_INQUIRY_TOPIC_DELIVERY,
  KEFU_INQUIRY_TOPIC_PAYMENT,
  KEFU_INQUIRY_TOPIC_PROMOTIONS,
  KEFU_INQUIRY_TOPIC_ADVANTAGES,
};

struct _KefuInquiryForm
{
  AdwBin           parent_instance;

  KefuInquiry     *inquiry;
  GBindingGroup   *bindings;
  GSignalGroup    *inquiry_signals;
  GtkToggleButton *topic_buttons[G_N_ELEMENTS (topic_flags)];
  /* Set while the form shows the inquiry's topics on the buttons. */
  gboolean         syncing;

  AdwPreferencesRow *topics_row;
  AdwWrapBox      *topics_box;
  KefuTextRow     *answer_row;
  AdwSwitchRow    *potential_order_row;
};

G_DEFINE_FINAL_TYPE (KefuInquiryForm, kefu_inquiry_form, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_INQUIRY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sync_topics (KefuInquiryForm *self)
{
  KefuInquiryTopics topics = self->inquiry != NULL
    ? kefu_inquiry_get_topics (self->inquiry) : KEFU_INQUIRY_TOPIC_NONE;

  self->syncing = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (topic_flags); i++)
    gtk_toggle_button_set_active (self->topic_buttons[i], (topics & topic_flags[i]) != 0);
  self->syncing = FALSE;
}

static void
topic_toggled_cb (GtkToggleButton *button,
                  KefuInquiryForm *self)
{
  KefuInquiryTopics topics = KEFU_INQUIRY_TOPIC_NONE;

  if (self->syncing || self->inquiry == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (topic_flags); i++)
    if (gtk_toggle_button_get_active (self->topic_buttons[i]))
      topics |= topic_flags[i];

  kefu_inquiry_set_topics (self->inquiry, topics);
}

static void
kefu_inquiry_form_dispose (GObject *object)
{
  KefuInquiryForm *self = KEFU_INQUIRY_FORM (object);

  if (self->bindings != NULL)
    g_binding_group_set_source (self->bindings, NULL);
  if (self->inquiry_signals != NULL)
    g_signal_group_set_target (self->inquiry_signals, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_INQUIRY_FORM);
  g_clear_object (&self->bindings);
  g_clear_object (&self->inquiry_signals);
  g_clear_object (&self->inquiry);

  G_OBJECT_CLASS (kefu_inquiry_form_parent_class)->dispose (object);
}

static void
kefu_inquiry_form_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  KefuInquiryForm *self = KEFU_INQUIRY_FORM (object);

  switch (prop_id)
    {
    case PROP_INQUIRY:
      g_value_set_object (value, self->inquiry);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_inquiry_form_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  KefuInquiryForm *self = KEFU_INQUIRY_FORM (object);

  switch (prop_id)
    {
    case PROP_INQUIRY:
      kefu_inquiry_form_set_inquiry (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_inquiry_form_class_init (KefuInquiryFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kefu_inquiry_form_dispose;
  object_class->get_property = kefu_inquiry_form_get_property;
  object_class->set_property = kefu_inquiry_form_set_property;

  properties[PROP_INQUIRY] =
    g_param_spec_object ("inquiry", NULL, NULL, KEFU_TYPE_INQUIRY,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KEFU_TYPE_TEXT_ROW);
  g_type_ensure (ADW_TYPE_WRAP_BOX);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kefu/Kefu/ui/kefu-inquiry-form.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuInquiryForm, answer_row);
  gtk_widget_class_bind_template_child (widget_class, KefuInquiryForm, potential_order_row);
  gtk_widget_class_bind_template_child (widget_class, KefuInquiryForm, topics_box);
  gtk_widget_class_bind_template_child (widget_class, KefuInquiryForm, topics_row);
}

static void
kefu_inquiry_form_init (KefuInquiryForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The buttons are made here, from the topics' translated names in core, so that the form and
   * every list that shows topics use the same words. */
  for (guint i = 0; i < G_N_ELEMENTS (topic_flags); i++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (kefu_inquiry_topic_get_display_name (topic_flags[i]));

      gtk_widget_add_css_class (button, "kefu-topic");
      g_signal_connect (button, "toggled", G_CALLBACK (topic_toggled_cb), self);
      adw_wrap_box_append (self->topics_box, button);
      self->topic_buttons[i] = GTK_TOGGLE_BUTTON (button);
    }

  self->bindings = g_binding_group_new ();
  g_binding_group_bind (self->bindings, "answer", self->answer_row, "text",
                        G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_binding_group_bind (self->bindings, "potential-order", self->potential_order_row, "active",
                        G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);

  self->inquiry_signals = g_signal_group_new (KEFU_TYPE_INQUIRY);
  g_signal_group_connect_swapped (self->inquiry_signals, "notify::topics",
                                  G_CALLBACK (sync_topics), self);

  kefu_form_field_setup (GTK_WIDGET (self->topics_row), "topics");
  kefu_form_field_setup (GTK_WIDGET (self->answer_row), "answer");
}

GtkWidget *
kefu_inquiry_form_new (void)
{
  return g_object_new (KEFU_TYPE_INQUIRY_FORM, NULL);
}

KefuInquiry *
kefu_inquiry_form_get_inquiry (KefuInquiryForm *self)
{
  g_return_val_if_fail (KEFU_IS_INQUIRY_FORM (self), NULL);

  return self->inquiry;
}

void
kefu_inquiry_form_set_inquiry (KefuInquiryForm *self,
                               KefuInquiry     *inquiry)
{
  g_return_if_fail (KEFU_IS_INQUIRY_FORM (self));
  g_return_if_fail (inquiry == NULL || KEFU_IS_INQUIRY (inquiry));

  if (!g_set_object (&self->inquiry, inquiry))
    return;

  g_binding_group_set_source (self->bindings, inquiry);
  g_signal_group_set_target (self->inquiry_signals, inquiry);
  sync_topics (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INQUIRY]);
}

void
kefu_inquiry_form_focus_first (KefuInquiryForm *self)
{
  g_return_if_fail (KEFU_IS_INQUIRY_FORM (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->topic_buttons[0]));
}

GtkToggleButton *
kefu_inquiry_form_get_topic_button (KefuInquiryForm   *self,
                                    KefuInquiryTopics  topic)
{
  g_return_val_if_fail (KEFU_IS_INQUIRY_FORM (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (topic_flags); i++)
    if (topic_flags[i] == topic)
      return self->topic_buttons[i];

  g_return_val_if_reached (NULL);
}
