/* test-complaints-board-common.c: the complaint board tests' company, complaints, pane and
 * helpers (test-complaints-board.h).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-test-complaints-board"

#include "config.h"

#include "../store/kefu-test-company.h"
#include "test-complaints-board.h"

/* The company */

KefuCall *
complaint_call (Fixture               *f,
                gint64                 clerk,
                const char            *name,
                const char            *phone,
                KefuComplaintCategory  category,
                gboolean               harmed,
                const char            *batch,
                const char            *reason,
                GDateTime             *received_at)
{
  KefuCall *call = kefu_call_new ();
  g_autoptr(KefuComplaint) complaint = kefu_complaint_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GDate production_date;

  kefu_call_set_kind (call, KEFU_CALL_KIND_COMPLAINT);
  kefu_call_set_caller_name (call, name);
  kefu_call_set_address (call, "北京市朝阳区建国路88号");
  kefu_call_set_phone (call, phone);
  kefu_call_set_clerk_id (call, clerk);
  kefu_call_set_received_at (call, received_at != NULL ? received_at : now);

  g_date_clear (&production_date, 1);
  g_date_set_dmy (&production_date, 1, G_DATE_MARCH, 2026);
  kefu_complaint_set_subject (complaint, category == KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY
                                         ? "鲜牛奶" : "送奶员");
  kefu_complaint_set_reason (complaint, reason);
  kefu_complaint_set_well_founded (complaint, TRUE);
  kefu_complaint_set_category (complaint, category);
  if (category == KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY)
    {
      kefu_complaint_set_symptom (complaint, KEFU_PRODUCT_SYMPTOM_ODD_SMELL);
      kefu_complaint_set_purchase_method (complaint, "超市购买");
      kefu_complaint_set_purchase_place (complaint, "华联超市");
      kefu_complaint_set_batch_number (complaint, batch != NULL ? batch : "AB-20260301");
      kefu_complaint_set_production_date (complaint, &production_date);
      kefu_complaint_set_product_id (complaint, f->milk);
    }
  else
    {
      kefu_complaint_set_service_issue (complaint, KEFU_SERVICE_ISSUE_LATE_DELIVERY);
      kefu_complaint_set_staff_identity (complaint, "工号 1024");
      kefu_complaint_set_work_place (complaint, "朝阳站");
      kefu_complaint_set_work_manner (complaint, "送奶到户");
    }
  kefu_complaint_set_harmed (complaint, harmed);
  kefu_call_set_complaint (call, complaint);
  return call;
}

/* Saves a complaint call taken by `clerk`; returns the complaint's id. */
gint64
save_complaint (Fixture               *f,
                gint64                 clerk,
                const char            *name,
                const char            *phone,
                KefuComplaintCategory  category,
                gboolean               harmed,
                const char            *batch,
                const char            *reason,
                GDateTime             *received_at)
{
  g_autoptr(KefuCall) call = complaint_call (f, clerk, name, phone, category, harmed, batch,
                                             reason, received_at);
  g_autoptr(GError) error = NULL;
  gint64 actor = kefu_store_get_actor (f->store);

  kefu_store_set_actor (f->store, clerk);
  g_assert_true (kefu_store_save_call (f->store, call, NULL, &error));
  g_assert_no_error (error);
  kefu_store_set_actor (f->store, actor);
  return kefu_record_get_id (KEFU_RECORD (kefu_call_get_complaint (call)));
}

void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  kefu_test_reset_settings ();
  f->dir = kefu_test_make_dir ();
  f->store = kefu_test_open_store (f->dir);

  /* The company is made as the system actor, as kefuctl init does. */
  kefu_store_set_system_actor (f->store);
  f->cs_department = kefu_test_make_department (f->store, "客服中心");
  f->qc_department = kefu_test_make_department (f->store, "品控部");
  f->gm_department = kefu_test_make_department (f->store, "总经办");
  f->sales_department = kefu_test_make_department (f->store, "销售部");
  f->clerk = kefu_test_make_staff (f->store, "王芳", "wangfang", KEFU_ROLE_CLERK,
                                   f->cs_department, TRUE);
  f->clerk2 = kefu_test_make_staff (f->store, "李强", "liqiang", KEFU_ROLE_CLERK,
                                    f->cs_department, TRUE);
  f->outsider = kefu_test_make_staff (f->store, "周杰", "zhoujie", KEFU_ROLE_CLERK,
                                      f->sales_department, TRUE);
  f->lead = kefu_test_make_staff (f->store, "赵敏", "zhaomin", KEFU_ROLE_TEAM_LEAD,
                                  f->cs_department, TRUE);
  f->milk = kefu_test_make_product (f->store, "鲜牛奶", 1250);
  kefu_store_set_actor (f->store, 0);
}

/* The managers who receive complaints (before them, a complaint cannot be routed: New). */
void
add_managers (Fixture *f)
{
  kefu_store_set_system_actor (f->store);
  f->cs_manager = kefu_test_make_staff (f->store, "陈静", "chenjing", KEFU_ROLE_CS_MANAGER,
                                        f->cs_department, TRUE);
  f->qc_manager = kefu_test_make_staff (f->store, "孙伟", "sunwei", KEFU_ROLE_QC_MANAGER,
                                        f->qc_department, TRUE);
  f->gm_office = kefu_test_make_staff (f->store, "郑华", "zhenghua", KEFU_ROLE_GM_OFFICE,
                                       f->gm_department, TRUE);
  kefu_store_set_actor (f->store, 0);
}

KefuStaff *
get_staff (Fixture *f,
           gint64   id)
{
  g_autoptr(GError) error = NULL;
  KefuStaff *staff = kefu_store_get_staff (f->store, id, NULL, &error);

  g_assert_no_error (error);
  return staff;
}

void
wait_for_board (Fixture *f)
{
  kefu_test_wait_until (!f->pane->busy && !f->pane->loading_board && f->pane->n_running == 0);
  kefu_test_flush ();
}

/* Shows the pane in a window, as `staff_id` working. */
void
show_pane (Fixture *f,
           gint64   staff_id)
{
  g_autoptr(KefuStaff) staff = get_staff (f, staff_id);

  kefu_store_set_actor (f->store, staff_id);
  f->window = ADW_WINDOW (adw_window_new ());
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1400, 900);
  f->pane = g_object_new (KEFU_TYPE_COMPLAINTS_PANE, "staff", staff, "store", f->store, NULL);
  adw_window_set_content (f->window, GTK_WIDGET (f->pane));
  gtk_window_present (GTK_WINDOW (f->window));
  wait_for_board (f);
}

void
set_working (Fixture *f,
             gint64   staff_id)
{
  g_autoptr(KefuStaff) staff = get_staff (f, staff_id);

  kefu_store_set_actor (f->store, staff_id);
  g_object_set (f->pane, "staff", staff, NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->pane), "complaints.reload", NULL);
  wait_for_board (f);
}

void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->window != NULL)
    {
      g_object_add_weak_pointer (G_OBJECT (f->pane), (gpointer *) &f->pane);
      gtk_window_destroy (GTK_WINDOW (f->window));
      kefu_test_flush ();
      g_assert_null (f->pane);
    }
  g_assert_finalize_object (f->store);
  kefu_test_remove_dir (f->dir);
  g_free (f->dir);
}

/* What the board shows */

GArray *
column_ids (Fixture            *f,
            KefuComplaintStage  stage)
{
  KefuBoardColumn *column = _kefu_complaints_pane_get_column (f->pane, stage);
  GListModel *cards = kefu_board_column_get_cards (column);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(KefuComplaintCard) card = g_list_model_get_item (cards, i);
      gint64 id = kefu_complaint_card_get_id (card);

      g_array_append_val (ids, id);
    }
  return ids;
}

gboolean
column_has (Fixture            *f,
            KefuComplaintStage  stage,
            gint64              id)
{
  g_autoptr(GArray) ids = column_ids (f, stage);

  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

/* The stage whose column shows `id` (or -1 when none does), asserting it is in one only. */
int
stage_of (Fixture *f,
          gint64   id)
{
  static const KefuComplaintStage stages[] = {
    KEFU_COMPLAINT_STAGE_NEW, KEFU_COMPLAINT_STAGE_ROUTED, KEFU_COMPLAINT_STAGE_IN_PROGRESS,
    KEFU_COMPLAINT_STAGE_REOPENED, KEFU_COMPLAINT_STAGE_RESOLVED,
    KEFU_COMPLAINT_STAGE_CALLED_BACK, KEFU_COMPLAINT_STAGE_CLOSED,
  };
  int found = -1;

  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    if (column_has (f, stages[i], id))
      {
        g_assert_cmpint (found, ==, -1);
        found = stages[i];
      }
  return found;
}

guint
n_on_board (Fixture *f)
{
  return g_hash_table_size (f->pane->cards);
}

KefuComplaintCardWidget *
find_card_widget (Fixture *f,
                  gint64   id)
{
  g_autoptr(GPtrArray) all = kefu_test_find_all (GTK_WIDGET (f->pane), KEFU_TYPE_COMPLAINT_CARD_WIDGET);

  for (guint i = 0; i < all->len; i++)
    {
      KefuComplaintCard *card = kefu_complaint_card_widget_get_card (all->pdata[i]);

      if (card != NULL && kefu_complaint_card_get_id (card) == id)
        return all->pdata[i];
    }
  return NULL;
}

GtkLabel *
find_label (GtkWidget  *root,
            const char *text)
{
  g_autoptr(GPtrArray) labels = kefu_test_find_all (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_label (labels->pdata[i]), text) == 0 &&
        gtk_widget_get_visible (labels->pdata[i]))
      return labels->pdata[i];
  return NULL;
}

/* Answering the dialogs an action presents, as a person would */


GtkWidget *
find_dialog (Fixture *f,
             GType    type)
{
  g_autoptr(GPtrArray) all = kefu_test_find_all (GTK_WIDGET (f->window), type);

  for (guint i = 0; i < all->len; i++)
    if (gtk_widget_get_mapped (all->pdata[i]))
      return all->pdata[i];
  return NULL;
}

/* Waits until the pane's running actions are done, answering each dialog on the way. */
void
answer_dialogs (Fixture *f,
                Answers *answers)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (f->pane->n_running > 0)
    {
      GtkWidget *dialog;

      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);

      dialog = find_dialog (f, KEFU_TYPE_COMPLAINT_ACTION_DIALOG);
      if (dialog != NULL && g_object_get_data (G_OBJECT (dialog), "test-answered") == NULL)
        {
          KefuComplaintActionDialog *action_dialog = KEFU_COMPLAINT_ACTION_DIALOG (dialog);

          g_object_set_data (G_OBJECT (dialog), "test-answered", GINT_TO_POINTER (TRUE));
          answers->n_dialogs++;
          if (answers->department != 0)
            g_assert_true (kefu_complaint_action_dialog_set_department (action_dialog,
                                                                        answers->department, TRUE));
          if (answers->satisfaction != KEFU_SATISFACTION_UNSPECIFIED)
            kefu_complaint_action_dialog_set_satisfaction (action_dialog, answers->satisfaction);
          if (answers->text != NULL)
            kefu_complaint_action_dialog_set_text (action_dialog, answers->text);
          g_assert_true (kefu_complaint_action_dialog_apply (action_dialog));
          continue;
        }

      dialog = find_dialog (f, ADW_TYPE_ALERT_DIALOG);
      if (dialog != NULL && g_object_get_data (G_OBJECT (dialog), "test-answered") == NULL)
        {
          const char *response = adw_alert_dialog_get_default_response (ADW_ALERT_DIALOG (dialog));

          g_assert_nonnull (response);
          g_object_set_data (G_OBJECT (dialog), "test-answered", GINT_TO_POINTER (TRUE));
          answers->n_dialogs++;
          g_signal_emit_by_name (dialog, "response", response);
          continue;
        }

      g_usleep (1000);
    }
  wait_for_board (f);
}

/* Activates "complaints.act" on `id` and answers its dialogs. */
void
act (Fixture             *f,
     gint64               id,
     KefuComplaintAction  action,
     Answers              answers)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->pane), "complaints.act", "(xi)",
                                             id, (gint32) action));
  answer_dialogs (f, &answers);
}

/* Drops the card of `id` on the column of `to` through the column's drop target. */
gboolean
drop (Fixture            *f,
      gint64              id,
      KefuComplaintStage  to)
{
  KefuComplaintCard *card = _kefu_complaints_pane_find_card (f->pane, id);
  GtkDropTarget *target = kefu_board_column_get_drop_target (_kefu_complaints_pane_get_column (f->pane, to));
  GValue value = G_VALUE_INIT;
  gboolean taken = FALSE;

  g_assert_nonnull (card);
  g_value_init (&value, KEFU_TYPE_COMPLAINT_CARD);
  g_value_set_object (&value, card);
  g_signal_emit_by_name (target, "drop", &value, 40.0, 60.0, &taken);
  g_value_unset (&value);
  return taken;
}

/* Reloads the shown board and reports the time to its columns filled and drawn. */
gint64
measure_reload (KefuComplaintsPane *pane,
                const char         *what)
{
  GdkFrameClock *clock;
  gint64 started, filled, drawn, frame;
  guint total = 0;

  started = g_get_monotonic_time ();
  gtk_widget_activate_action (GTK_WIDGET (pane), "complaints.reload", NULL);
  kefu_test_wait_until (!pane->loading_board);
  filled = g_get_monotonic_time ();
  /* Drawn: the frames after the fill laid out the visible cards. */
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (pane));
  frame = gdk_frame_clock_get_frame_counter (clock);
  gtk_widget_queue_draw (GTK_WIDGET (pane));
  kefu_test_wait_until (gdk_frame_clock_get_frame_counter (clock) > frame);
  drawn = g_get_monotonic_time ();

  for (guint i = 0; i < KEFU_BOARD_N_COLUMNS; i++)
    total += kefu_board_column_get_count (pane->columns[i]);
  g_test_message ("%s: board of %u complaints read and columns filled in %.1f ms, "
                  "drawn after %.1f ms",
                  what, total, (filled - started) / 1000.0, (drawn - started) / 1000.0);
  return filled - started;
}
