/* kefu-board-text.c: what a card of the escalation board says (its age, the time to its deadline,
 * its escalation, the whole card for a screen reader) and offers (its menu), as pure functions
 * of the card, the time and the person working, so that they are tested on their own.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-board-text"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/kefu-enums.h"
#include "widgets/kefu-list-loader.h"

#include "kefu-board-text.h"
#include "kefu-detail-format.h"

/* The stages in board order (issue 4): the stages being worked, then those waiting for the
 * customer, then the recently closed. The board's columns and the menu's "Move to" follow it. */
static const KefuComplaintStage board_stages[KEFU_BOARD_N_STAGES] = {
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

KefuComplaintStage
kefu_board_stage_at (guint index)
{
  g_return_val_if_fail (index < KEFU_BOARD_N_STAGES, KEFU_COMPLAINT_STAGE_NEW);

  return board_stages[index];
}

gboolean
kefu_board_stage_is_finished (KefuComplaintStage stage)
{
  return stage == KEFU_COMPLAINT_STAGE_CALLED_BACK || stage == KEFU_COMPLAINT_STAGE_CLOSED;
}

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
  kind = kefu_detail_deadline_name (kefu_complaint_card_get_due_kind (card));
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
kefu_board_format_deadline_short (KefuComplaintCard *card,
                                  GDateTime         *now)
{
  GDateTime *due;

  g_return_val_if_fail (KEFU_IS_COMPLAINT_CARD (card), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  due = kefu_complaint_card_get_due_at (card);
  if (due == NULL || kefu_detail_deadline_name (kefu_complaint_card_get_due_kind (card)) == NULL)
    return NULL;
  /* The detail page says it the same way. */
  return kefu_detail_format_time_left (due, now);
}

char *
kefu_board_format_overdue_count (guint n)
{
  /* Translators: how many complaints of a board column are past their deadline: "3 overdue"
   * (3 件超时). */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u overdue", "%u overdue", n), n);
}

char *
kefu_board_format_urgent_count (guint n)
{
  /* Translators: how many complaints of a board column are urgent (a harmed customer): "1 urgent"
   * (1 件紧急). */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u urgent", "%u urgent", n), n);
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
kefu_board_escalation_short_name (KefuEscalationLevel level)
{
  switch (level)
    {
    case KEFU_ESCALATION_TEAM_LEAD:
      /* Translators: on a complaint card, beside its deadline, the level it was escalated to,
       * in a word: the owner's team lead (组长). */
      return C_("escalation level, short", "Lead");
    case KEFU_ESCALATION_CS_MANAGER:
      /* Translators: the CS manager, in a word (客服经理). */
      return C_("escalation level, short", "Manager");
    case KEFU_ESCALATION_GM_OFFICE:
      /* Translators: the general manager's office, in a word (总经办). */
      return C_("escalation level, short", "GM");
    case KEFU_ESCALATION_NONE:
    default:
      return NULL;
    }
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
kefu_board_build_card_menu (KefuComplaintCard *card,
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
