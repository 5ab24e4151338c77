/* test-complaint-page-conflicts.c: two people change the same complaint call at once, through
 * two connections to one SQLite file: the page's intake edit and a second store on which the
 * owner (王芳) saves her own corrections. A save refused as stale never overwrites what she
 * saved and never drops what was typed: fields changed on one side merge by themselves and the
 * save goes again; a field changed on both sides is marked under the field, blocks Save, and
 * saves what the person chose. An action refused as stale while the edit has unsaved text keeps
 * the text too, and so does a save refused because the complaint was resolved meanwhile: the
 * changes are offered as a note.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-test-complaint-page"

#include "config.h"

#include "intake/kefu-form-field.h"
#include "widgets/kefu-audit-dialog.h"

#include "test-complaint-page.h"
#include "widgets/kefu-archive-banner.h"

#define THEIR_ADDRESS "上海市浦东新区世纪大道100号"
#define THEIR_REASON  "有异味,瓶盖鼓起"
#define MY_REASON     "有异味,已变质"
#define MY_NOTES      "客户要求上门取样"

/* A second workstation on the same database file, signed in as the complaint's owner. */
static KefuStore *
open_second_store (Fixture *fixture)
{
  KefuStore *store = kefu_test_open_store (fixture->dir);

  kefu_store_set_actor (store, fixture->clerk);
  return store;
}

static gint64
call_id (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuComplaintCard) card = kefu_store_get_complaint_card (fixture->store,
                                                                     fixture->complaint,
                                                                     NULL, &error);

  g_assert_no_error (error);
  return kefu_complaint_card_get_call_id (card);
}

static KefuCall *
stored_call (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  KefuCall *call = kefu_store_get_call (fixture->store, call_id (fixture), NULL, &error);

  g_assert_no_error (error);
  return call;
}

/* 王芳 saves her corrections on the other workstation: `reason` and `address` when not NULL. */
static void
their_edit (Fixture    *fixture,
            KefuStore  *other,
            const char *reason,
            const char *address)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuCall) call = kefu_store_get_call (other, call_id (fixture), NULL, &error);

  g_assert_no_error (error);
  if (reason != NULL)
    kefu_complaint_set_reason (kefu_call_get_complaint (call), reason);
  if (address != NULL)
    kefu_call_set_address (call, address);
  g_assert_true (kefu_store_update_complaint_call (other, call, NULL, &error));
  g_assert_no_error (error);
}

/* The page's intake edit, opened by the team lead (赵敏), with `reason` and `notes` typed. */
static KefuCallForm *
start_editing (Fixture    *fixture,
               const char *reason,
               const char *notes)
{
  KefuCallForm *form = call_form (fixture);

  act_as (fixture, fixture->team_lead);
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "complaint.edit", NULL);
  kefu_test_flush ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (form)));

  if (reason != NULL)
    kefu_text_row_set_text (KEFU_TEXT_ROW (kefu_call_form_get_field (form, "reason")), reason);
  if (notes != NULL)
    kefu_text_row_set_text (KEFU_TEXT_ROW (kefu_call_form_get_field (form, "notes")), notes);
  kefu_test_flush ();
  return form;
}

/* Asserts what the field `field_id` shows. */
static void
assert_field (KefuCallForm *form,
              const char   *field_id,
              const char   *expected)
{
  GtkWidget *field = kefu_call_form_get_field (form, field_id);
  g_autofree char *text = NULL;

  if (KEFU_IS_TEXT_ROW (field))
    text = kefu_text_row_get_text (KEFU_TEXT_ROW (field));
  else
    text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (field)));
  g_assert_cmpstr (text, ==, expected);
}

/* The merge's note under the field `field_id`: the rows after it up to the next field. */
static GtkWidget *
note_row (KefuCallForm *form,
          const char   *field_id)
{
  GtkWidget *field = kefu_call_form_get_field (form, field_id);

  g_assert_nonnull (field);
  for (GtkWidget *row = gtk_widget_get_next_sibling (field);
       row != NULL && !kefu_form_field_is_field (row);
       row = gtk_widget_get_next_sibling (row))
    if (gtk_widget_has_css_class (row, "kefu-merge-note"))
      return row;
  return NULL;
}

/* The note's words (its visible labels, joined). */
static char *
note_text (GtkWidget *row)
{
  g_autoptr(GPtrArray) labels = kefu_test_find_all (row, GTK_TYPE_LABEL);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_is_visible (labels->pdata[i])
        && !GTK_IS_BUTTON (gtk_widget_get_parent (labels->pdata[i])))
      g_string_append_printf (text, "%s\n", gtk_label_get_text (labels->pdata[i]));
  return g_string_free (text, FALSE);
}

static GtkButton *
note_button (GtkWidget  *row,
             const char *label)
{
  g_autoptr(GPtrArray) buttons = kefu_test_find_all (row, GTK_TYPE_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (buttons->pdata[i]), label) == 0
        && gtk_widget_is_visible (buttons->pdata[i]))
      return buttons->pdata[i];
  return NULL;
}

static AdwBanner *
page_banner (Fixture *fixture)
{
  g_autoptr(GPtrArray) banners = kefu_test_find_all (GTK_WIDGET (fixture->page), ADW_TYPE_BANNER);
  AdwBanner *banner = NULL;

  /* The page's own, not the call form's (products that could not be read) nor the one that
   * says who else is editing. */
  for (guint i = 0; i < banners->len; i++)
    if (gtk_widget_get_ancestor (banners->pdata[i], KEFU_TYPE_CALL_FORM) == NULL
        && g_strcmp0 (gtk_buildable_get_buildable_id (banners->pdata[i]), "presence_banner") != 0
        && gtk_widget_get_ancestor (banners->pdata[i], KEFU_TYPE_ARCHIVE_BANNER) == NULL)
      {
        g_assert_null (banner);
        banner = banners->pdata[i];
      }
  g_assert_nonnull (banner);
  return banner;
}

static gboolean
save_enabled (Fixture *fixture)
{
  GtkButton *save = find_button (fixture, _("_Save"));

  return save != NULL && gtk_widget_is_sensitive (GTK_WIDGET (save));
}

/* Presses Save and waits until the edit is saved (the form closes and the board is told). */
static void
save_and_wait (Fixture *fixture)
{
  guint reloads = fixture->n_reloads;

  g_assert_true (save_enabled (fixture));
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "complaint.save", NULL);
  kefu_test_wait_until (fixture->n_reloads > reloads);
  wait_page (fixture);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (call_form (fixture))));
}

/* How many details-changed events the timeline shows by `name`. */
static guint
count_edits_by (Fixture    *fixture,
                const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) events = kefu_store_list_complaint_timeline (fixture->store,
                                                                     fixture->complaint,
                                                                     NULL, &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(KefuEvent) event = g_list_model_get_item (events, i);

      if (g_strcmp0 (kefu_event_get_action (event), "details-changed") == 0
          && g_strcmp0 (kefu_event_get_staff_name (event), name) == 0)
        n++;
    }
  return n;
}

/* 王芳 corrects the address while 赵敏 corrects the reason: his save is refused as stale, the
 * two merge by themselves and the save goes again; both corrections are stored, each with its
 * own event. */
static void
test_disjoint (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(KefuStore) other = open_second_store (fixture);
  g_autoptr(KefuCall) stored = NULL;

  start_editing (fixture, MY_REASON, NULL);
  their_edit (fixture, other, NULL, THEIR_ADDRESS);

  save_and_wait (fixture);
  stored = stored_call (fixture);
  g_assert_cmpstr (kefu_call_get_address (stored), ==, THEIR_ADDRESS);
  g_assert_cmpstr (kefu_complaint_get_reason (kefu_call_get_complaint (stored)), ==, MY_REASON);
  g_assert_cmpuint (count_edits_by (fixture, "王芳"), ==, 1);
  g_assert_cmpuint (count_edits_by (fixture, "赵敏"), ==, 1);
  g_assert_false (adw_banner_get_revealed (page_banner (fixture)));
  g_assert_true (label_shown (fixture, THEIR_ADDRESS));
  g_assert_true (label_shown (fixture, MY_REASON));
}

/* Both corrected the reason, and 王芳 the address too: the reason is marked under its field
 * with what she wrote, what was typed stays in the form, Save waits; the address takes hers with
 * a note saying who. */
static KefuCallForm *
meet_conflict (Fixture   *fixture,
               KefuStore *other)
{
  KefuCallForm *form = start_editing (fixture, MY_REASON, MY_NOTES);
  g_autoptr(KefuCall) stored = NULL;
  g_autofree char *reason_note = NULL;
  g_autofree char *address_note = NULL;
  GtkWidget *row;

  their_edit (fixture, other, THEIR_REASON, THEIR_ADDRESS);
  g_assert_true (save_enabled (fixture));
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "complaint.save", NULL);
  kefu_test_wait_until (note_row (form, "reason") != NULL && !page_busy (fixture->page));
  kefu_test_flush ();
  shoot (fixture, "page-conflict");

  /* Nothing typed is lost, nothing of hers is overwritten. */
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (form)));
  assert_field (form, "reason", MY_REASON);
  assert_field (form, "notes", MY_NOTES);
  stored = stored_call (fixture);
  g_assert_cmpstr (kefu_complaint_get_reason (kefu_call_get_complaint (stored)), ==, THEIR_REASON);
  g_assert_cmpstr (kefu_call_get_notes (stored), ==, "");
  g_assert_cmpuint (count_edits_by (fixture, "赵敏"), ==, 0);

  row = note_row (form, "reason");
  reason_note = note_text (row);
  g_test_message ("%s", reason_note);
  g_assert_nonnull (strstr (reason_note, "王芳 changed this to “" THEIR_REASON "” at "));
  g_assert_nonnull (strstr (reason_note, "Keep yours or take theirs."));
  g_assert_true (gtk_widget_has_css_class (kefu_call_form_get_field (form, "reason"), "error"));
  g_assert_nonnull (note_button (row, _("Keep Yours")));
  g_assert_nonnull (note_button (row, _("Take Theirs")));
  /* The keyboard is taken to the decision. */
  g_assert_true (gtk_root_get_focus (gtk_widget_get_root (row))
                 == GTK_WIDGET (note_button (row, _("Keep Yours"))));

  /* Only she changed the address: hers, said so. */
  assert_field (form, "address", THEIR_ADDRESS);
  row = note_row (form, "address");
  g_assert_nonnull (row);
  address_note = note_text (row);
  g_assert_nonnull (strstr (address_note, "Changed by 王芳 meanwhile"));
  g_assert_null (note_button (row, _("Take Theirs")));
  /* Only he changed the notes: no note. */
  g_assert_null (note_row (form, "notes"));

  g_assert_true (adw_banner_get_revealed (page_banner (fixture)));

  /* Save waits for the decision, by its button and by Ctrl+S alike. */
  g_assert_false (save_enabled (fixture));
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "complaint.save", NULL);
  kefu_test_flush ();
  g_clear_object (&stored);
  stored = stored_call (fixture);
  g_assert_cmpstr (kefu_complaint_get_reason (kefu_call_get_complaint (stored)), ==, THEIR_REASON);
  g_assert_cmpuint (count_edits_by (fixture, "赵敏"), ==, 0);
  return form;
}

static void
test_take_theirs (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(KefuStore) other = open_second_store (fixture);
  KefuCallForm *form = meet_conflict (fixture, other);
  GtkWidget *row = note_row (form, "reason");
  g_autofree char *text = NULL;
  g_autoptr(KefuCall) stored = NULL;

  g_signal_emit_by_name (note_button (row, _("Take Theirs")), "clicked");
  kefu_test_flush ();
  assert_field (form, "reason", THEIR_REASON);
  text = note_text (row);
  g_assert_nonnull (strstr (text, "Changed by 王芳 meanwhile"));
  g_assert_null (note_button (row, _("Take Theirs")));
  g_assert_false (gtk_widget_has_css_class (kefu_call_form_get_field (form, "reason"), "error"));

  save_and_wait (fixture);
  stored = stored_call (fixture);
  g_assert_cmpstr (kefu_complaint_get_reason (kefu_call_get_complaint (stored)), ==, THEIR_REASON);
  g_assert_cmpstr (kefu_call_get_address (stored), ==, THEIR_ADDRESS);
  g_assert_cmpstr (kefu_call_get_notes (stored), ==, MY_NOTES);
  g_assert_cmpuint (count_edits_by (fixture, "赵敏"), ==, 1);
}

static void
test_keep_mine (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(KefuStore) other = open_second_store (fixture);
  KefuCallForm *form = meet_conflict (fixture, other);
  GtkWidget *row = note_row (form, "reason");
  g_autofree char *text = NULL;
  g_autoptr(KefuCall) stored = NULL;
  g_autofree char *timeline = NULL;

  g_signal_emit_by_name (note_button (row, _("Keep Yours")), "clicked");
  kefu_test_flush ();
  assert_field (form, "reason", MY_REASON);
  text = note_text (row);
  g_assert_nonnull (strstr (text, "Yours is kept."));
  g_assert_null (note_button (row, _("Keep Yours")));

  save_and_wait (fixture);
  stored = stored_call (fixture);
  g_assert_cmpstr (kefu_complaint_get_reason (kefu_call_get_complaint (stored)), ==, MY_REASON);
  g_assert_cmpstr (kefu_call_get_address (stored), ==, THEIR_ADDRESS);
  g_assert_cmpstr (kefu_call_get_notes (stored), ==, MY_NOTES);

  /* The timeline shows both: her reason, then his over it. */
  timeline = timeline_text (fixture);
  g_assert_nonnull (strstr (timeline, "有异味 → " THEIR_REASON));
  g_assert_nonnull (strstr (timeline, THEIR_REASON " → " MY_REASON));
}

/* An acknowledgement refused as stale (王芳 corrected the address meanwhile) while the intake
 * edit holds unsaved text: the page reads the complaint again, the text stays, her address
 * merges in, and the edit saves both afterwards. */
static void
test_stale_action (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(KefuStore) other = open_second_store (fixture);
  KefuCallForm *form;
  g_autoptr(KefuCall) stored = NULL;

  act_as (fixture, fixture->team_lead);
  route_to (fixture, fixture->qc, 0);

  /* The CS manager may acknowledge for the routed department and correct the call alike. */
  act_as (fixture, fixture->cs_manager);
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "complaint.edit", NULL);
  kefu_test_flush ();
  form = call_form (fixture);
  kefu_text_row_set_text (KEFU_TEXT_ROW (kefu_call_form_get_field (form, "reason")), MY_REASON);
  kefu_test_flush ();

  their_edit (fixture, other, NULL, THEIR_ADDRESS);
  press (fixture, KEFU_COMPLAINT_ACTION_ACKNOWLEDGE);
  kefu_test_wait_until (adw_banner_get_revealed (page_banner (fixture)));
  wait_page (fixture);
  kefu_test_wait_until (note_row (form, "address") != NULL);

  g_assert_cmpint (stored_stage (fixture), ==, KEFU_COMPLAINT_STAGE_ROUTED);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (form)));
  assert_field (form, "reason", MY_REASON);
  assert_field (form, "address", THEIR_ADDRESS);
  g_assert_false (adw_navigation_page_get_can_pop (ADW_NAVIGATION_PAGE (fixture->page)));

  /* Acknowledged on the second try; the text is still there after that read as well. */
  {
    guint reloads = fixture->n_reloads;

    press (fixture, KEFU_COMPLAINT_ACTION_ACKNOWLEDGE);
    kefu_test_wait_until (fixture->n_reloads > reloads);
  }
  wait_page (fixture);
  g_assert_cmpint (stored_stage (fixture), ==, KEFU_COMPLAINT_STAGE_IN_PROGRESS);
  assert_field (form, "reason", MY_REASON);

  save_and_wait (fixture);
  stored = stored_call (fixture);
  g_assert_cmpstr (kefu_complaint_get_reason (kefu_call_get_complaint (stored)), ==, MY_REASON);
  g_assert_cmpstr (kefu_call_get_address (stored), ==, THEIR_ADDRESS);
}

/* 王芳 found the customer was harmed: the form has no field of that name, so the note goes in
 * the list above the form, naming the field; the switch follows, and the save keeps it. */
static void
test_elsewhere (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(KefuStore) other = open_second_store (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuCall) theirs = NULL;
  g_autoptr(KefuCall) stored = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GtkWidget) row = NULL;
  KefuCallForm *form = start_editing (fixture, MY_REASON, NULL);

  theirs = kefu_store_get_call (other, call_id (fixture), NULL, &error);
  g_assert_no_error (error);
  kefu_complaint_set_harmed (kefu_call_get_complaint (theirs), TRUE);
  g_assert_true (kefu_store_update_complaint_call (other, theirs, NULL, &error));
  g_assert_no_error (error);

  /* Merged without conflict: the save goes again by itself. */
  save_and_wait (fixture);
  stored = stored_call (fixture);
  g_assert_true (kefu_complaint_get_harmed (kefu_call_get_complaint (stored)));
  g_assert_cmpstr (kefu_complaint_get_reason (kefu_call_get_complaint (stored)), ==, MY_REASON);

  /* The same again, with the form left open by an action's read: the note stays in sight. */
  g_clear_object (&stored);
  form = start_editing (fixture, NULL, MY_NOTES);
  g_clear_object (&theirs);
  theirs = kefu_store_get_call (other, call_id (fixture), NULL, &error);
  g_assert_no_error (error);
  kefu_complaint_set_harmed (kefu_call_get_complaint (theirs), FALSE);
  g_assert_true (kefu_store_update_complaint_call (other, theirs, NULL, &error));
  g_assert_no_error (error);
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "complaint.reload", NULL);
  wait_page (fixture);

  notes = kefu_test_find_all (GTK_WIDGET (fixture->page), GTK_TYPE_LIST_BOX_ROW);
  for (guint i = 0; i < notes->len; i++)
    if (gtk_widget_has_css_class (notes->pdata[i], "kefu-merge-note")
        && gtk_widget_get_ancestor (notes->pdata[i], KEFU_TYPE_CALL_FORM) == NULL)
      {
        g_assert_null (row);
        row = g_object_ref (notes->pdata[i]);
      }
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_is_visible (row));
  text = note_text (row);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "Customer harmed"));
  g_assert_nonnull (strstr (text, "Changed by 王芳 meanwhile"));
  g_assert_false (kefu_complaint_get_harmed (kefu_call_get_complaint (kefu_call_form_get_call (form))));
  g_assert_true (save_enabled (fixture));

  save_and_wait (fixture);
  stored = stored_call (fixture);
  g_assert_false (kefu_complaint_get_harmed (kefu_call_get_complaint (stored)));
  g_assert_cmpstr (kefu_call_get_notes (stored), ==, MY_NOTES);
  /* The edit is over: its notes went with it. */
  g_assert_null (gtk_widget_get_parent (row));
}

/* `action` taken on the other workstation (as whoever its actor is) on the complaint as it is
 * stored now. */
static void
their_action (Fixture             *fixture,
              KefuStore           *other,
              KefuComplaintAction  action,
              const char          *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuComplaintCard) card = kefu_store_get_complaint_card (other, fixture->complaint,
                                                                     NULL, &error);
  g_autoptr(KefuComplaintChange) change = NULL;
  g_autoptr(KefuComplaintCard) changed = NULL;

  g_assert_no_error (error);
  change = kefu_complaint_change_new (action, fixture->complaint,
                                      kefu_complaint_card_get_version (card));
  change->text = g_strdup (text);
  changed = kefu_store_change_complaint (other, change, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (changed);
}

/* Presses Save and returns the question asked once the save is refused (NULL when the edit
 * ended without one). */
static AdwAlertDialog *
save_refused (Fixture      *fixture,
              KefuCallForm *form)
{
  AdwDialog *dialog;

  g_assert_true (save_enabled (fixture));
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "complaint.save", NULL);
  kefu_test_wait_until (adw_window_get_visible_dialog (fixture->window) != NULL
                        || !gtk_widget_get_mapped (GTK_WIDGET (form)));
  dialog = adw_window_get_visible_dialog (fixture->window);
  g_assert_true (dialog == NULL || ADW_IS_ALERT_DIALOG (dialog));
  return ADW_ALERT_DIALOG (dialog);
}

/* 赵敏 corrects the reason and adds notes while 陈静 (QC) records the resolution: the save is
 * refused and nothing typed is lost: the page says who resolved it and offers the changes as a
 * note, which goes on the timeline naming each field, stored → typed. */
static void
test_resolved_meanwhile (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(KefuStore) other = kefu_test_open_store (fixture->dir);
  g_autoptr(KefuCall) stored = NULL;
  g_autofree char *timeline = NULL;
  AdwAlertDialog *dialog;
  KefuCallForm *form;
  guint reloads;

  acknowledge_as_qc (fixture);
  kefu_store_set_actor (other, fixture->qc_manager);

  form = start_editing (fixture, MY_REASON, MY_NOTES);
  their_action (fixture, other, KEFU_COMPLAINT_ACTION_RESOLVE, "已更换新品并致歉");
  g_assert_cmpint (stored_stage (fixture), ==, KEFU_COMPLAINT_STAGE_RESOLVED);

  dialog = save_refused (fixture, form);
  g_assert_nonnull (dialog);
  g_test_message ("%s", adw_alert_dialog_get_body (dialog));
  shoot (fixture, "page-resolved-meanwhile");

  /* Closed without a choice (Escape): the text stays in the form, and Save asks again. */
  adw_dialog_close (ADW_DIALOG (dialog));
  kefu_test_wait_until (adw_window_get_visible_dialog (fixture->window) == NULL);
  wait_page (fixture);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (form)));
  assert_field (form, "reason", MY_REASON);
  assert_field (form, "notes", MY_NOTES);
  g_assert_false (adw_navigation_page_get_can_pop (ADW_NAVIGATION_PAGE (fixture->page)));
  dialog = save_refused (fixture, form);
  g_assert_nonnull (dialog);

  reloads = fixture->n_reloads;
  g_assert_cmpstr (adw_alert_dialog_get_default_response (dialog), ==, "note");
  press_alert_button (ADW_DIALOG (dialog), _("_Add as Note"));
  kefu_test_wait_until (fixture->n_reloads > reloads);
  wait_page (fixture);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (form)));
  g_assert_true (adw_navigation_page_get_can_pop (ADW_NAVIGATION_PAGE (fixture->page)));

  /* The note holds what was typed; what was captured stays as it was when resolved. */
  timeline = timeline_text (fixture);
  g_test_message ("%s", timeline);
  g_assert_nonnull (strstr (timeline, "Reason: 有异味 → " MY_REASON));
  g_assert_nonnull (strstr (timeline, "Notes: (empty) → " MY_NOTES));
  stored = stored_call (fixture);
  g_assert_cmpstr (kefu_complaint_get_reason (kefu_call_get_complaint (stored)), ==, "有异味");
  g_assert_cmpint (stored_stage (fixture), ==, KEFU_COMPLAINT_STAGE_RESOLVED);
  g_assert_cmpuint (count_edits_by (fixture, "赵敏"), ==, 0);
}

/* A manager's History… shows who changed what on this complaint; a clerk is not offered it. */
static void
test_history (Fixture       *fixture,
              gconstpointer  data)
{
  AdwDialog *dialog;
  GListModel *events;

  act_as (fixture, fixture->clerk);
  wait_page (fixture);
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "complaint.history",
                                              NULL)
                  && adw_window_get_visible_dialog (fixture->window) != NULL);

  act_as (fixture, fixture->cs_manager);
  wait_page (fixture);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "complaint.history",
                                             NULL));
  dialog = wait_dialog (fixture);
  g_assert_true (KEFU_IS_AUDIT_DIALOG (dialog));
  kefu_test_wait_until (!kefu_audit_dialog_get_busy (KEFU_AUDIT_DIALOG (dialog)));
  events = kefu_audit_dialog_get_events (KEFU_AUDIT_DIALOG (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (events), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(KefuEvent) event = g_list_model_get_item (events, i);

      g_assert_true (g_str_has_prefix (kefu_event_get_entity (event), "complaint"));
      g_assert_cmpint (kefu_event_get_entity_id (event), ==, fixture->complaint);
    }
  adw_dialog_force_close (dialog);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = kefu_test_isolate_data_home ();
  int result;

  complaint_page_test_init (&argc, &argv);

  g_test_add ("/kefu/complaint-page/conflict/disjoint", Fixture, NULL,
              fixture_set_up, test_disjoint, fixture_tear_down);
  g_test_add ("/kefu/complaint-page/conflict/take-theirs", Fixture, NULL,
              fixture_set_up, test_take_theirs, fixture_tear_down);
  g_test_add ("/kefu/complaint-page/conflict/keep-mine", Fixture, NULL,
              fixture_set_up, test_keep_mine, fixture_tear_down);
  g_test_add ("/kefu/complaint-page/conflict/elsewhere", Fixture, NULL,
              fixture_set_up, test_elsewhere, fixture_tear_down);
  g_test_add ("/kefu/complaint-page/conflict/stale-action", Fixture, NULL,
              fixture_set_up, test_stale_action, fixture_tear_down);
  g_test_add ("/kefu/complaint-page/history", Fixture, NULL,
              fixture_set_up, test_history, fixture_tear_down);
  g_test_add ("/kefu/complaint-page/conflict/resolved-meanwhile", Fixture, NULL,
              fixture_set_up, test_resolved_meanwhile, fixture_tear_down);

  result = g_test_run ();
  kefu_test_remove_dir (data_home);
  return result;
}
