/* kefu-complaint-card-widget.c: one complaint on the escalation board.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-complaint-card-widget"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-enums.h"

#include "kefu-board-text.h"
#include "kefu-complaint-card-widget.h"

struct _KefuComplaintCardWidget
{
  GtkWidget          parent_instance;

  KefuComplaintCard *card;
  KefuStaff         *staff;
  GtkWidget         *menu;          /* the context menu, made on first use */
  char              *deadline_text;
  char              *escalation_text;
  const char        *deadline_class;
  char              *description;   /* the accessible label set last */

  GtkLabel          *age_label;
  GtkLabel          *batch_label;
  GtkImage          *category_icon;
  GtkLabel          *customer_label;
  GtkWidget         *deadline_box;
  GtkImage          *deadline_icon;
  GtkLabel          *deadline_label;
  GtkLabel          *departments_label;
  GtkWidget         *escalation_box;
  GtkLabel          *escalation_label;
  GtkLabel          *owner_label;
  GtkLabel          *reason_label;
  GtkLabel          *reference_label;
  GtkLabel          *urgent_label;
};

G_DEFINE_FINAL_TYPE (KefuComplaintCardWidget, kefu_complaint_card_widget, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CARD,
  PROP_STAFF,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Showing the card */

static const char *
deadline_icon_name (KefuDeadlineState state)
{
  switch (state)
    {
    case KEFU_DEADLINE_STATE_SOON:
      return "appointment-soon-symbolic";
    case KEFU_DEADLINE_STATE_OVERDUE:
      return "appointment-missed-symbolic";
    case KEFU_DEADLINE_STATE_ON_TIME:
    case KEFU_DEADLINE_STATE_NONE:
    default:
      return "alarm-symbolic";
    }
}

static const char *
category_icon_name (KefuComplaintCategory category)
{
  switch (category)
    {
    case KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY:
      return "package-x-generic-symbolic";
    case KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY:
      return "system-users-symbolic";
    case KEFU_COMPLAINT_CATEGORY_UNSPECIFIED:
    default:
      return "dialog-question-symbolic";
    }
}


static void
set_label (GtkLabel   *label,
           const char *text)
{
  gtk_label_set_label (label, text != NULL ? text : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), text != NULL && *text != '\0' ? text : NULL);
}

void
kefu_complaint_card_widget_refresh (KefuComplaintCardWidget *self,
                                    GDateTime               *now)
{
  g_autoptr(GDateTime) current = NULL;
  g_autofree char *age = NULL;
  g_autofree char *description = NULL;
  g_autofree char *full_deadline = NULL;
  KefuDeadlineState state;
  const char *style;

  g_return_if_fail (KEFU_IS_COMPLAINT_CARD_WIDGET (self));

  if (self->card == NULL)
    return;

  current = now != NULL ? g_date_time_ref (now) : g_date_time_new_now_utc ();

  age = kefu_board_format_age (kefu_complaint_card_get_received_at (self->card), current);
  gtk_label_set_label (self->age_label, age);

  /* The card shows the time alone ("Overdue 3 h"): its column says which step it waits for.
   * The tooltip and the screen reader say it whole ("Resolve: overdue 3 h"). */
  g_clear_pointer (&self->deadline_text, g_free);
  self->deadline_text = kefu_board_format_deadline_short (self->card, current);
  full_deadline = kefu_board_format_deadline (self->card, current);
  gtk_widget_set_tooltip_text (self->deadline_box, full_deadline);
  state = kefu_complaint_card_get_deadline_state (self->card, current);
  style = kefu_board_deadline_style_class (state);
  /* A board reload refreshes every card kept (33 a column): only what changed is touched, since
   * a style class or an icon set again restyles the card even when it is the same. */
  if (g_strcmp0 (self->deadline_class, style) != 0)
    {
      if (self->deadline_class != NULL)
        gtk_widget_remove_css_class (self->deadline_box, self->deadline_class);
      self->deadline_class = style;
      if (style != NULL)
        gtk_widget_add_css_class (self->deadline_box, style);
    }
  if (g_strcmp0 (gtk_image_get_icon_name (self->deadline_icon), deadline_icon_name (state)) != 0)
    gtk_image_set_from_icon_name (self->deadline_icon, deadline_icon_name (state));
  gtk_label_set_label (self->deadline_label, self->deadline_text != NULL ? self->deadline_text : "");
  gtk_widget_set_visible (self->deadline_box, self->deadline_text != NULL);

  description = kefu_board_describe_card (self->card, current);
  if (g_strcmp0 (self->description, description) != 0)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                      -1);
      g_free (self->description);
      self->description = g_steal_pointer (&description);
    }
}

static void
update (KefuComplaintCardWidget *self,
        GDateTime               *now)
{
  g_autofree char *reason = NULL;
  KefuComplaintCategory category;

  if (self->card == NULL)
    return;

  category = kefu_complaint_card_get_category (self->card);
  gtk_image_set_from_icon_name (self->category_icon, category_icon_name (category));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->category_icon),
                               category != KEFU_COMPLAINT_CATEGORY_UNSPECIFIED
                               ? kefu_complaint_category_get_display_name (category) : NULL);
  gtk_label_set_label (self->reference_label, kefu_complaint_card_get_reference (self->card));
  set_label (self->customer_label, kefu_complaint_card_get_customer_name (self->card));
  reason = kefu_board_first_line (kefu_complaint_card_get_reason (self->card));
  gtk_label_set_label (self->reason_label, reason);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->reason_label),
                               kefu_complaint_card_get_reason (self->card));
  set_label (self->owner_label, kefu_complaint_card_get_owner_name (self->card));
  if (kefu_complaint_card_get_departments (self->card) != NULL &&
      *kefu_complaint_card_get_departments (self->card) != '\0')
    set_label (self->departments_label, kefu_complaint_card_get_departments (self->card));
  else
    /* Translators: a new complaint's card before any department receives it. */
    set_label (self->departments_label, _("Not routed yet"));
  gtk_widget_set_visible (GTK_WIDGET (self->urgent_label), kefu_complaint_card_get_urgent (self->card));
  gtk_widget_set_visible (GTK_WIDGET (self->batch_label),
                          kefu_complaint_card_get_batch_flagged (self->card));
  if (kefu_complaint_card_get_urgent (self->card))
    gtk_widget_add_css_class (GTK_WIDGET (self), "urgent");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "urgent");

  g_clear_pointer (&self->escalation_text, g_free);
  self->escalation_text = kefu_board_format_escalation (kefu_complaint_card_get_escalation (self->card));
  /* Beside the deadline, the level in a word ("Manager") after an arrow up; the tooltip says
   * it whole ("Escalated: CS manager"). */
  set_label (self->escalation_label,
             kefu_board_escalation_short_name (kefu_complaint_card_get_escalation (self->card)));
  gtk_widget_set_tooltip_text (self->escalation_box, self->escalation_text);
  gtk_widget_set_visible (self->escalation_box, self->escalation_text != NULL);

  kefu_complaint_card_widget_refresh (self, now);
}

/* Actions */

static void
card_open_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  KefuComplaintCardWidget *self = KEFU_COMPLAINT_CARD_WIDGET (widget);

  if (self->card != NULL)
    gtk_widget_activate_action (widget, "complaints.open", "x", kefu_complaint_card_get_id (self->card));
}

static void
card_print_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KefuComplaintCardWidget *self = KEFU_COMPLAINT_CARD_WIDGET (widget);

  if (self->card != NULL)
    gtk_widget_activate_action (widget, "complaints.print", "x", kefu_complaint_card_get_id (self->card));
}

static void
card_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  KefuComplaintCardWidget *self = KEFU_COMPLAINT_CARD_WIDGET (widget);

  if (self->card != NULL)
    gtk_widget_activate_action (widget, "complaints.act", "(xi)",
                                kefu_complaint_card_get_id (self->card),
                                g_variant_get_int32 (parameter));
}

static void
card_move_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  KefuComplaintCardWidget *self = KEFU_COMPLAINT_CARD_WIDGET (widget);

  if (self->card != NULL)
    gtk_widget_activate_action (widget, "complaints.move", "(xs)",
                                kefu_complaint_card_get_id (self->card),
                                g_variant_get_string (parameter, NULL));
}

static void
popup_menu (KefuComplaintCardWidget *self,
            double                   x,
            double                   y)
{
  g_autoptr(GMenuModel) model = NULL;

  if (self->card == NULL)
    return;

  model = kefu_board_build_card_menu (self->card, self->staff);
  if (self->menu == NULL)
    {
      self->menu = gtk_popover_menu_new_from_model (model);
      gtk_widget_set_parent (self->menu, GTK_WIDGET (self));
      gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), FALSE);
      gtk_widget_set_halign (self->menu, GTK_ALIGN_START);
    }
  else
    gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->menu), model);

  if (x >= 0 && y >= 0)
    gtk_popover_set_pointing_to (GTK_POPOVER (self->menu),
                                 &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  else
    gtk_popover_set_pointing_to (GTK_POPOVER (self->menu), NULL);
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

static void
card_menu_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  popup_menu (KEFU_COMPLAINT_CARD_WIDGET (widget), -1, -1);
}

static void
right_click_cb (GtkGestureClick         *gesture,
                int                      n_press,
                double                   x,
                double                   y,
                KefuComplaintCardWidget *self)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_widget_grab_focus (GTK_WIDGET (self));
  popup_menu (self, x, y);
}

/* Dragging */

static GdkContentProvider *
drag_prepare_cb (GtkDragSource           *source,
                 double                   x,
                 double                   y,
                 KefuComplaintCardWidget *self)
{
  if (self->card == NULL)
    return NULL;

  /* The card itself travels: it carries the id, the stage and what the rules need to decide
   * before anything is written. */
  return gdk_content_provider_new_typed (KEFU_TYPE_COMPLAINT_CARD, self->card);
}

static void
drag_begin_cb (GtkDragSource           *source,
               GdkDrag                 *drag,
               KefuComplaintCardWidget *self)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (self));

  gtk_drag_source_set_icon (source, paintable, 0, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self), "dragged");
}

static void
drag_end_cb (GtkDragSource           *source,
             GdkDrag                 *drag,
             gboolean                 delete_data,
             KefuComplaintCardWidget *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "dragged");
}

/* Overrides */

static void
kefu_complaint_card_widget_size_allocate (GtkWidget *widget,
                                          int        width,
                                          int        height,
                                          int        baseline)
{
  KefuComplaintCardWidget *self = KEFU_COMPLAINT_CARD_WIDGET (widget);

  GTK_WIDGET_CLASS (kefu_complaint_card_widget_parent_class)->size_allocate (widget, width, height, baseline);

  if (self->menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->menu));
}

static void
kefu_complaint_card_widget_dispose (GObject *object)
{
  KefuComplaintCardWidget *self = KEFU_COMPLAINT_CARD_WIDGET (object);

  g_clear_pointer (&self->menu, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_COMPLAINT_CARD_WIDGET);
  /* The template's root box has no id: it is unparented here, as a widget with a layout
   * manager must do with its children. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->card);
  g_clear_object (&self->staff);

  G_OBJECT_CLASS (kefu_complaint_card_widget_parent_class)->dispose (object);
}

static void
kefu_complaint_card_widget_finalize (GObject *object)
{
  KefuComplaintCardWidget *self = KEFU_COMPLAINT_CARD_WIDGET (object);

  g_free (self->deadline_text);
  g_free (self->description);
  g_free (self->escalation_text);

  G_OBJECT_CLASS (kefu_complaint_card_widget_parent_class)->finalize (object);
}

static void
kefu_complaint_card_widget_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  KefuComplaintCardWidget *self = KEFU_COMPLAINT_CARD_WIDGET (object);

  switch (prop_id)
    {
    case PROP_CARD:
      g_value_set_object (value, self->card);
      break;

    case PROP_STAFF:
      g_value_set_object (value, self->staff);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_complaint_card_widget_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  KefuComplaintCardWidget *self = KEFU_COMPLAINT_CARD_WIDGET (object);

  switch (prop_id)
    {
    case PROP_CARD:
      kefu_complaint_card_widget_set_card (self, g_value_get_object (value), NULL);
      break;

    case PROP_STAFF:
      kefu_complaint_card_widget_set_staff (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_complaint_card_widget_class_init (KefuComplaintCardWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kefu_complaint_card_widget_dispose;
  object_class->finalize = kefu_complaint_card_widget_finalize;
  object_class->get_property = kefu_complaint_card_widget_get_property;
  object_class->set_property = kefu_complaint_card_widget_set_property;

  widget_class->size_allocate = kefu_complaint_card_widget_size_allocate;

  properties[PROP_CARD] =
    g_param_spec_object ("card", NULL, NULL, KEFU_TYPE_COMPLAINT_CARD,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_STAFF] =
    g_param_spec_object ("staff", NULL, NULL, KEFU_TYPE_STAFF,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kefu/Kefu/ui/kefu-complaint-card-widget.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintCardWidget, age_label);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintCardWidget, batch_label);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintCardWidget, category_icon);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintCardWidget, customer_label);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintCardWidget, deadline_box);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintCardWidget, deadline_icon);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintCardWidget, deadline_label);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintCardWidget, departments_label);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintCardWidget, escalation_box);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintCardWidget, escalation_label);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintCardWidget, owner_label);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintCardWidget, reason_label);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintCardWidget, reference_label);
  gtk_widget_class_bind_template_child (widget_class, KefuComplaintCardWidget, urgent_label);

  gtk_widget_class_install_action (widget_class, "card.open", NULL, card_open_cb);
  gtk_widget_class_install_action (widget_class, "card.print", NULL, card_print_cb);
  gtk_widget_class_install_action (widget_class, "card.action", "i", card_action_cb);
  gtk_widget_class_install_action (widget_class, "card.move", "s", card_move_cb);
  gtk_widget_class_install_action (widget_class, "card.menu", NULL, card_menu_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "card.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "card.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "card.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "card.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "card.menu", NULL);

  gtk_widget_class_set_css_name (widget_class, "kefu-complaint-card");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
}

static void
kefu_complaint_card_widget_init (KefuComplaintCardWidget *self)
{
  GtkGesture *click;
  GtkDragSource *drag;

  gtk_widget_init_template (GTK_WIDGET (self));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (right_click_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  drag = gtk_drag_source_new ();
  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect (drag, "prepare", G_CALLBACK (drag_prepare_cb), self);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
}

GtkWidget *
kefu_complaint_card_widget_new (void)
{
  return g_object_new (KEFU_TYPE_COMPLAINT_CARD_WIDGET, NULL);
}

KefuComplaintCard *
kefu_complaint_card_widget_get_card (KefuComplaintCardWidget *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT_CARD_WIDGET (self), NULL);

  return self->card;
}

void
kefu_complaint_card_widget_set_card (KefuComplaintCardWidget *self,
                                     KefuComplaintCard       *card,
                                     GDateTime               *now)
{
  g_return_if_fail (KEFU_IS_COMPLAINT_CARD_WIDGET (self));
  g_return_if_fail (card == NULL || KEFU_IS_COMPLAINT_CARD (card));

  if (!g_set_object (&self->card, card))
    return;

  if (self->menu != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->menu));
  update (self, now);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CARD]);
}

void
kefu_complaint_card_widget_set_staff (KefuComplaintCardWidget *self,
                                      KefuStaff               *staff)
{
  g_return_if_fail (KEFU_IS_COMPLAINT_CARD_WIDGET (self));
  g_return_if_fail (staff == NULL || KEFU_IS_STAFF (staff));

  if (!g_set_object (&self->staff, staff))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAFF]);
}

const char *
kefu_complaint_card_widget_get_deadline_text (KefuComplaintCardWidget *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT_CARD_WIDGET (self), NULL);

  return self->deadline_text;
}

const char *
kefu_complaint_card_widget_get_escalation_text (KefuComplaintCardWidget *self)
{
  g_return_val_if_fail (KEFU_IS_COMPLAINT_CARD_WIDGET (self), NULL);

  return self->escalation_text;
}
