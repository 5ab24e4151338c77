/* kefu-complaint-card-widget.c: one complaint on the escalation board, and the texts it shows.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-complaint-card-widget"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-enums.h"
#include "widgets/kefu-list-loader.h"

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

/* The stages in board order; the menu's "Move to" lists them in the same order. */
static const KefuComplaintStage board_stages[] = {
  KEFU_COMPLAINT_STAGE_NEW,
  KEFU_COMPLAINT_STAGE_ROUTED,
  KEFU_COMPLAINT_STAGE_IN_PROGRESS,
  KEFU_COMPLAINT_STAGE_REOPENED,
  KEFU_COMPLAINT_STAGE_RESOLVED,
  KEFU_COMPLAINT_STAGE_CALLED_BACK,
  KEFU_COMPLAINT_STAGE_CLOSED,
};

/* The actions a card's menu may offer, in the order of the work. */
static const KefuComplaintAction menu_actions[] = {
  KEFU_COMPLAINT_ACTION_ROUTE,
  KEFU_COMPLAINT_ACTION_ACKNOWLEDGE,
  KEFU_COMPLAINT_ACTION_RECORD_VISIT,
  KEFU_COMPLAINT_ACTION_RESOLVE,
  KEFU_COMPLAINT_ACTION_RECORD_CALLBACK,
  KEFU_COMPLAINT_ACTION_REOPEN,
  KEFU_COMPLAINT_ACTION_CLOSE,
  KEFU_COMPLAINT_ACTION_ESCALATE,
  KEFU_COMPLAINT_ACTION_ADD_NOTE,
};

/* Texts */

char *
kefu_board_format_duration (GTimeSpan span)
{
  /* Whole minutes, rounded up: "0 min left" would read as already late. */
  gint64 minutes = (MAX (span, 0) + G_TIME_SPAN_MINUTE - 1) / G_TIME_SPAN_MINUTE;
  gint64 days = minutes / (24 * 60);
  gint64 hours = (minutes / 60) % 24;

  minutes %= 60;
  /* Two units at most: a card is read at a glance, not to the minute a day ahead. */
  if (days > 0 && hours > 0)
    /* Translators: a duration of days and hours on a complaint card, "1 d 3 h" (1天3小时). */
    return g_strdup_printf (_("%d d %d h"), (int) days, (int) hours);
  if (days > 0)
    /* Translators: a duration in days on a complaint card, "2 d" (2天). */
    return g_strdup_printf (_("%d d"), (int) days);
  if (hours > 0 && minutes > 0)
    /* Translators: a duration of hours and minutes, "2 h 10 min" (2小时10分). */
    return g_strdup_printf (_("%d h %d min"), (int) hours, (int) minutes);
  if (hours > 0)
    /* Translators: a duration in hours, "3 h" (3小时). */
    return g_strdup_printf (_("%d h"), (int) hours);
  /* Translators: a duration in minutes, "45 min" (45分钟). */
  return g_strdup_printf (_("%d min"), (int) minutes);
}

char *
kefu_board_format_age (GDateTime *since,
                       GDateTime *now)
{
  GTimeSpan span;

  g_return_val_if_fail (now != NULL, NULL);

  if (since == NULL)
    return g_strdup ("");

  span = g_date_time_difference (now, since);
  /* The age is a single unit: "3 h", "2 d". */
  if (span >= G_TIME_SPAN_DAY)
    return kefu_board_format_duration (span - span % G_TIME_SPAN_DAY);
  if (span >= G_TIME_SPAN_HOUR)
    return kefu_board_format_duration (span - span % G_TIME_SPAN_HOUR);
  return kefu_board_format_duration (span);
}

static const char *
deadline_kind_name (KefuComplaintDeadline kind)
{
  switch (kind)
    {
    case KEFU_COMPLAINT_DEADLINE_ROUTE:
      /* Translators: the deadline a new complaint works against: a lead routes it (分派). */
      return C_("deadline", "Route");
    case KEFU_COMPLAINT_DEADLINE_ACKNOWLEDGE:
      /* Translators: a routed department acknowledges the complaint (受理). */
      return C_("deadline", "Acknowledge");
    case KEFU_COMPLAINT_DEADLINE_RESOLVE:
      /* Translators: the resolution is recorded (解决). */
      return C_("deadline", "Resolve");
    case KEFU_COMPLAINT_DEADLINE_CALLBACK:
      /* Translators: the customer is called back (回访). */
      return C_("deadline", "Call back");
    case KEFU_COMPLAINT_DEADLINE_NONE:
    default:
      return NULL;
    }
}

char *
kefu_board_format_deadline (KefuComplaintCard *card,
                            GDateTime         *now)
{
  GDateTime *due;
  const char *kind;
  g_autofree char *duration = NULL;
  GTimeSpan left;

  g_return_val_if_fail (KEFU_IS_COMPLAINT_CARD (card), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  due = kefu_complaint_card_get_due_at (card);
  kind = deadline_kind_name (kefu_complaint_card_get_due_kind (card));
  if (due == NULL || kind == NULL)
    return NULL;

  left = g_date_time_difference (due, now);
  if (left > 0)
    {
      duration = kefu_board_format_duration (left);
      /* Translators: the next deadline on a complaint card: "Resolve: 2 h 10 min left"
       * (解决：剩余2小时10分). The first %s is the deadline, the second the time. */
      return g_strdup_printf (_("%s: %s left"), kind, duration);
    }

  duration = kefu_board_format_duration (-left);
  /* Translators: a missed deadline on a complaint card: "Resolve: overdue 3 h"
   * (解决：已超时3小时). */
  return g_strdup_printf (_("%s: overdue %s"), kind, duration);
}

char *
kefu_board_format_escalation (KefuEscalationLevel level)
{
  if (level == KEFU_ESCALATION_NONE)
    return NULL;

  /* Translators: a late complaint's card says who it has been escalated to:
   * "Escalated: CS manager" (已升级：客服中心经理). */
  return g_strdup_printf (_("Escalated: %s"), kefu_escalation_level_get_display_name (level));
}

const char *
kefu_board_deadline_style_class (KefuDeadlineState state)
{
  switch (state)
    {
    case KEFU_DEADLINE_STATE_ON_TIME:
      return "success";
    case KEFU_DEADLINE_STATE_SOON:
      return "warning";
    case KEFU_DEADLINE_STATE_OVERDUE:
      return "error";
    case KEFU_DEADLINE_STATE_NONE:
    default:
      return NULL;
    }
}

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

char *
kefu_board_first_line (const char *text)
{
  const char *end;

  if (text == NULL)
    return g_strdup ("");

  while (g_ascii_isspace (*text))
    text++;
  end = strchr (text, '\n');
  if (end == NULL)
    end = text + strlen (text);
  return g_strstrip (g_strndup (text, end - text));
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

char *
kefu_board_describe_card (KefuComplaintCard *card,
                          GDateTime         *now)
{
  GString *label = g_string_new (NULL);
  g_autofree char *reason = NULL;
  g_autofree char *age = NULL;
  g_autofree char *received = NULL;
  g_autofree char *deadline = NULL;
  g_autofree char *escalation = NULL;
  g_autofree char *owner = NULL;
  g_autofree char *departments = NULL;

  g_return_val_if_fail (KEFU_IS_COMPLAINT_CARD (card), NULL);

  kefu_accessible_label_append (label, kefu_complaint_card_get_reference (card));
  if (kefu_complaint_card_get_urgent (card))
    kefu_accessible_label_append (label, _("Urgent"));
  kefu_accessible_label_append (label, kefu_complaint_card_get_customer_name (card));
  if (kefu_complaint_card_get_category (card) != KEFU_COMPLAINT_CATEGORY_UNSPECIFIED)
    kefu_accessible_label_append (label,
                                  kefu_complaint_category_get_display_name (kefu_complaint_card_get_category (card)));
  reason = kefu_board_first_line (kefu_complaint_card_get_reason (card));
  kefu_accessible_label_append (label, reason);
  age = kefu_board_format_age (kefu_complaint_card_get_received_at (card), now);
  if (*age != '\0')
    /* Translators: part of a complaint card read by a screen reader; %s is an age ("3 h"). */
    received = g_strdup_printf (_("received %s ago"), age);
  kefu_accessible_label_append (label, received);
  deadline = kefu_board_format_deadline (card, now);
  kefu_accessible_label_append (label, deadline);
  escalation = kefu_board_format_escalation (kefu_complaint_card_get_escalation (card));
  kefu_accessible_label_append (label, escalation);
  if (kefu_complaint_card_get_owner_name (card) != NULL && *kefu_complaint_card_get_owner_name (card) != '\0')
    /* Translators: part of a complaint card read by a screen reader; %s is the clerk's name. */
    owner = g_strdup_printf (_("owner %s"), kefu_complaint_card_get_owner_name (card));
  kefu_accessible_label_append (label, owner);
  if (kefu_complaint_card_get_departments (card) != NULL && *kefu_complaint_card_get_departments (card) != '\0')
    /* Translators: part of a complaint card read by a screen reader; %s lists departments. */
    departments = g_strdup_printf (_("routed to %s"), kefu_complaint_card_get_departments (card));
  kefu_accessible_label_append (label, departments);
  if (kefu_complaint_card_get_batch_flagged (card))
    kefu_accessible_label_append (label, _("batch flagged as a possible quality incident"));

  return g_string_free (label, FALSE);
}

void
kefu_board_actor_for (KefuComplaintCard  *card,
                      KefuStaff          *staff,
                      KefuComplaintActor *actor)
{
  GArray *departments;
  gint64 department_id;

  g_return_if_fail (KEFU_IS_COMPLAINT_CARD (card));
  g_return_if_fail (actor != NULL);

  memset (actor, 0, sizeof *actor);
  if (staff == NULL)
    {
      /* Nobody working may do nothing but what any clerk may. */
      actor->role = KEFU_ROLE_CLERK;
      return;
    }

  actor->role = kefu_staff_get_role (staff);
  actor->is_owner = kefu_complaint_card_get_owner_id (card) == kefu_record_get_id (KEFU_RECORD (staff));
  department_id = kefu_staff_get_department_id (staff);
  departments = kefu_complaint_card_get_department_ids (card);
  for (guint i = 0; department_id != 0 && departments != NULL && i < departments->len; i++)
    if (g_array_index (departments, gint64, i) == department_id)
      actor->in_routed_department = TRUE;
}

static const char *
menu_action_label (KefuComplaintAction action)
{
  /* Edits of the routes and the details belong to the detail page, where they are seen. */
  if (action == KEFU_COMPLAINT_ACTION_EDIT_ROUTES || action == KEFU_COMPLAINT_ACTION_EDIT_DETAILS)
    return NULL;
  return kefu_complaint_action_get_display_name (action);
}

GMenuModel *
kefu_complaint_card_widget_build_menu (KefuComplaintCard *card,
                                       KefuStaff         *staff)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) open_section = g_menu_new ();
  g_autoptr(GMenu) actions_section = g_menu_new ();
  g_autoptr(GMenu) move_menu = g_menu_new ();
  KefuComplaintStage stage;
  KefuComplaintActor actor;

  g_return_val_if_fail (KEFU_IS_COMPLAINT_CARD (card), NULL);

  stage = kefu_complaint_card_get_stage (card);
  kefu_board_actor_for (card, staff, &actor);

  g_menu_append (open_section, _("_Open"), "card.open");
  g_menu_append (open_section, _("_Print…"), "card.print");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (open_section));

  /* Only what this person may do here is offered; what their role does not allow is left out
   * rather than shown disabled, since a menu item cannot say why (a drop or "Move to" that is
   * refused says it in a toast). */
  for (guint i = 0; i < G_N_ELEMENTS (menu_actions); i++)
    {
      g_autoptr(GMenuItem) item = NULL;
      const char *label = menu_action_label (menu_actions[i]);

      if (label == NULL || !kefu_complaint_flow_check (menu_actions[i], stage, &actor, NULL, NULL))
        continue;

      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, "card.action",
                                               g_variant_new_int32 (menu_actions[i]));
      g_menu_append_item (actions_section, item);
    }
  if (g_menu_model_get_n_items (G_MENU_MODEL (actions_section)) > 0)
    g_menu_append_section (menu, NULL, G_MENU_MODEL (actions_section));

  for (guint i = 0; i < G_N_ELEMENTS (board_stages); i++)
    {
      g_autoptr(GMenuItem) item = NULL;
      KefuComplaintAction action;

      if (board_stages[i] == stage ||
          !kefu_complaint_action_for_drop (stage, board_stages[i], &action, NULL))
        continue;

      item = g_menu_item_new (kefu_complaint_stage_get_display_name (board_stages[i]), NULL);
      g_menu_item_set_action_and_target_value (item, "card.move",
                                               g_variant_new_string (kefu_enum_to_nick (KEFU_TYPE_COMPLAINT_STAGE,
                                                                                        board_stages[i])));
      g_menu_append_item (move_menu, item);
    }
  if (g_menu_model_get_n_items (G_MENU_MODEL (move_menu)) > 0)
    {
      g_autoptr(GMenu) move_section = g_menu_new ();

      g_menu_append_submenu (move_section, _("_Move To"), G_MENU_MODEL (move_menu));
      g_menu_append_section (menu, NULL, G_MENU_MODEL (move_section));
    }

  return G_MENU_MODEL (g_steal_pointer (&menu));
}

/* Showing the card */

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
  KefuDeadlineState state;
  const char *style;

  g_return_if_fail (KEFU_IS_COMPLAINT_CARD_WIDGET (self));

  if (self->card == NULL)
    return;

  current = now != NULL ? g_date_time_ref (now) : g_date_time_new_now_utc ();

  age = kefu_board_format_age (kefu_complaint_card_get_received_at (self->card), current);
  gtk_label_set_label (self->age_label, age);

  g_clear_pointer (&self->deadline_text, g_free);
  self->deadline_text = kefu_board_format_deadline (self->card, current);
  state = kefu_complaint_card_get_deadline_state (self->card, current);
  style = kefu_board_deadline_style_class (state);
  if (self->deadline_class != NULL)
    gtk_widget_remove_css_class (self->deadline_box, self->deadline_class);
  self->deadline_class = style;
  if (style != NULL)
    gtk_widget_add_css_class (self->deadline_box, style);
  gtk_image_set_from_icon_name (self->deadline_icon, deadline_icon_name (state));
  gtk_label_set_label (self->deadline_label, self->deadline_text != NULL ? self->deadline_text : "");
  gtk_widget_set_visible (self->deadline_box, self->deadline_text != NULL);

  description = kefu_board_describe_card (self->card, current);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);
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
  gtk_label_set_label (self->escalation_label, self->escalation_text != NULL ? self->escalation_text : "");
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

  model = kefu_complaint_card_widget_build_menu (self->card, self->staff);
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
