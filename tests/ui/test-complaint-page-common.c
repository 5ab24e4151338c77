/* test-complaint-page-common.c: the fixture and steps the complaint detail page's tests share
 * (test-complaint-page.h).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-test-complaint-page"

#include "config.h"

#include "../store/kefu-test-company.h"
#include "test-complaint-page.h"

/* A product-quality complaint saved by the clerk as the intake saves it. */
gint64
add_complaint (Fixture    *fixture,
               const char *caller,
               const char *batch)
{
  g_autoptr(KefuCall) call = kefu_call_new ();
  g_autoptr(KefuComplaint) complaint = kefu_complaint_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  kefu_call_set_kind (call, KEFU_CALL_KIND_COMPLAINT);
  kefu_call_set_caller_name (call, caller);
  kefu_call_set_address (call, "北京市朝阳区建国路88号");
  kefu_call_set_phone (call, "13800138000");
  kefu_call_set_clerk_id (call, fixture->clerk);
  kefu_call_set_received_at (call, now);
  kefu_complaint_set_subject (complaint, "鲜牛奶");
  kefu_complaint_set_reason (complaint, "有异味");
  kefu_complaint_set_well_founded (complaint, TRUE);
  kefu_complaint_set_category (complaint, KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY);
  kefu_complaint_set_symptom (complaint, KEFU_PRODUCT_SYMPTOM_ODD_SMELL);
  kefu_complaint_set_purchase_method (complaint, "超市购买");
  kefu_complaint_set_purchase_place (complaint, "华联超市");
  kefu_complaint_set_batch_number (complaint, batch);
  kefu_complaint_set_product_id (complaint, fixture->milk);
  kefu_call_set_complaint (call, complaint);

  kefu_store_set_actor (fixture->store, fixture->clerk);
  g_assert_true (kefu_store_save_call (fixture->store, call, NULL, &error));
  g_assert_no_error (error);

  id = kefu_store_find_complaint_by_call (fixture->store, kefu_record_get_id (KEFU_RECORD (call)),
                                          NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
reload_activated_cb (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  Fixture *fixture = user_data;

  fixture->n_reloads++;
}

static void
id_activated_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GArray *ids = user_data;
  gint64 id = g_variant_get_int64 (parameter);

  g_array_append_val (ids, id);
}

gboolean
page_busy (KefuComplaintPage *page)
{
  gboolean busy;

  g_object_get (page, "busy", &busy, NULL);
  return busy;
}

KefuComplaintTimelineView *
timeline_view (Fixture *fixture)
{
  g_autoptr(GPtrArray) views = kefu_test_find_all (GTK_WIDGET (fixture->page),
                                                   KEFU_TYPE_COMPLAINT_TIMELINE_VIEW);

  g_assert_cmpuint (views->len, ==, 1);
  return views->pdata[0];
}

guint
store_timeline_length (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) events = kefu_store_list_complaint_timeline (fixture->store,
                                                                     fixture->complaint,
                                                                     NULL, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (events);
}

guint
shown_timeline_length (Fixture *fixture)
{
  GListModel *events = kefu_complaint_timeline_view_get_events (timeline_view (fixture));

  return events != NULL ? g_list_model_get_n_items (events) : 0;
}

/* Waits until the page shows what the store holds now. */
void
wait_page (Fixture *fixture)
{
  kefu_test_flush ();
  kefu_test_wait_until (!page_busy (fixture->page)
                        && shown_timeline_length (fixture) == store_timeline_length (fixture));
  kefu_test_flush ();
}

KefuComplaintStage
stored_stage (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuComplaintCard) card = kefu_store_get_complaint_card (fixture->store,
                                                                     fixture->complaint,
                                                                     NULL, &error);

  g_assert_no_error (error);
  return kefu_complaint_card_get_stage (card);
}

/* Works as `staff_id` from now on: the store's actor and the page's staff. */
void
act_as (Fixture *fixture,
        gint64   staff_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuStaff) staff = kefu_store_get_staff (fixture->store, staff_id, NULL, &error);

  g_assert_no_error (error);
  kefu_store_set_actor (fixture->store, staff_id);
  g_object_set (fixture->page, "staff", staff, NULL);
  kefu_test_flush ();
}

/* The button of the page labelled `label` that a person can see, or NULL. */
GtkButton *
find_button (Fixture    *fixture,
             const char *label)
{
  g_autoptr(GPtrArray) buttons = kefu_test_find_all (GTK_WIDGET (fixture->page), GTK_TYPE_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (buttons->pdata[i]), label) == 0
        && gtk_widget_is_visible (buttons->pdata[i]))
      return buttons->pdata[i];
  return NULL;
}

GtkButton *
action_button (Fixture             *fixture,
               KefuComplaintAction  action)
{
  return find_button (fixture, kefu_detail_action_label (action));
}

/* Presses the button of `action`, which must be there and enabled. */
void
press (Fixture             *fixture,
       KefuComplaintAction  action)
{
  GtkButton *button = action_button (fixture, action);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (button)));
  g_signal_emit_by_name (button, "clicked");
}

AdwDialog *
wait_dialog (Fixture *fixture)
{
  kefu_test_wait_until (adw_window_get_visible_dialog (fixture->window) != NULL);
  return adw_window_get_visible_dialog (fixture->window);
}

/* Presses the button of `action` and returns its dialog. */
KefuComplaintActionDialog *
open_dialog (Fixture             *fixture,
             KefuComplaintAction  action)
{
  AdwDialog *dialog;

  press (fixture, action);
  dialog = wait_dialog (fixture);
  g_assert_true (KEFU_IS_COMPLAINT_ACTION_DIALOG (dialog));
  g_assert_cmpint (kefu_complaint_action_dialog_get_action (KEFU_COMPLAINT_ACTION_DIALOG (dialog)),
                   ==, action);
  return KEFU_COMPLAINT_ACTION_DIALOG (dialog);
}

/* Applies the dialog and waits until the stage is `stage` and the page shows it. */
void
apply_dialog (Fixture                   *fixture,
              KefuComplaintActionDialog *dialog,
              KefuComplaintStage         stage)
{
  guint reloads = fixture->n_reloads;

  g_assert_true (kefu_complaint_action_dialog_apply (dialog));
  kefu_test_wait_until (fixture->n_reloads > reloads);
  kefu_test_wait_until (adw_window_get_visible_dialog (fixture->window) == NULL);
  g_assert_cmpint (stored_stage (fixture), ==, stage);
  wait_page (fixture);
}

void
route_to (Fixture *fixture,
          gint64   department_id,
          gint64   other)
{
  KefuComplaintActionDialog *dialog = open_dialog (fixture, KEFU_COMPLAINT_ACTION_ROUTE);
  const gint64 all[] = { fixture->hotline, fixture->cs_centre, fixture->qc };

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    g_assert_true (kefu_complaint_action_dialog_set_department (dialog, all[i], FALSE));
  g_assert_true (kefu_complaint_action_dialog_set_department (dialog, department_id, TRUE));
  if (other != 0)
    g_assert_true (kefu_complaint_action_dialog_set_department (dialog, other, TRUE));
  apply_dialog (fixture, dialog, KEFU_COMPLAINT_STAGE_ROUTED);
}

void
acknowledge_as_qc (Fixture *fixture)
{
  act_as (fixture, fixture->team_lead);
  route_to (fixture, fixture->qc, 0);
  act_as (fixture, fixture->qc_manager);
  press (fixture, KEFU_COMPLAINT_ACTION_ACKNOWLEDGE);
  kefu_test_wait_until (stored_stage (fixture) == KEFU_COMPLAINT_STAGE_IN_PROGRESS);
  wait_page (fixture);
}

void
press_alert_button (AdwDialog  *dialog,
                    const char *label)
{
  g_autoptr(GPtrArray) buttons = kefu_test_find_all (GTK_WIDGET (dialog), GTK_TYPE_BUTTON);
  gboolean pressed = FALSE;

  g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (buttons->pdata[i]), label) == 0)
      {
        g_assert_false (pressed);
        g_signal_emit_by_name (buttons->pdata[i], "clicked");
        pressed = TRUE;
      }
  g_assert_true (pressed);
}

/* The text of every row of the timeline, joined. */
char *
timeline_text (Fixture *fixture)
{
  KefuComplaintTimelineView *view = timeline_view (fixture);
  GString *text = g_string_new (NULL);
  guint n = shown_timeline_length (fixture);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *row = kefu_complaint_timeline_view_dup_row_text (view, i);

      g_string_append_printf (text, "%s\n--\n", row);
    }
  return g_string_free (text, FALSE);
}

gboolean
label_shown (Fixture    *fixture,
             const char *text)
{
  g_autoptr(GPtrArray) labels = kefu_test_find_all (GTK_WIDGET (fixture->page), GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (labels->pdata[i]), text) == 0
        && gtk_widget_is_visible (labels->pdata[i]))
      return TRUE;
  return FALSE;
}

/* With KEFU_TEST_SHOTS set to a folder, saves what the page (all of it, not only what the
 * window shows) or an open dialog looks like now, for a person to look at in English and
 * Chinese. Nothing is asserted on the pictures. */
void
shoot (Fixture    *fixture,
       const char *name)
{
  const char *dir = g_getenv ("KEFU_TEST_SHOTS");
  AdwDialog *dialog = adw_window_get_visible_dialog (fixture->window);
  g_autoptr(GPtrArray) clamps = NULL;
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GtkWidget *widget;
  GskRenderer *renderer;
  int width, height;

  if (dir == NULL)
    return;

  kefu_test_flush ();
  if (dialog != NULL)
    widget = GTK_WIDGET (dialog);
  else
    {
      /* The clamp of the page's content, not those of its loading and error pages. */
      clamps = kefu_test_find_all (GTK_WIDGET (fixture->page), ADW_TYPE_CLAMP);
      widget = NULL;
      for (guint i = 0; i < clamps->len && widget == NULL; i++)
        if (gtk_widget_get_mapped (clamps->pdata[i]) && ADW_IS_CLAMP (clamps->pdata[i])
            && GTK_IS_VIEWPORT (gtk_widget_get_parent (clamps->pdata[i])))
          widget = clamps->pdata[i];
      g_assert_nonnull (widget);
    }

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  /* The window's background under the page, as a person sees it. */
  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 0.98, 0.98, 0.98, 1.0 },
                             &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_mkdir_with_parents (dir, 0755);
  path = g_strdup_printf ("%s/%s.png", dir, name);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) reload = g_simple_action_new ("reload", NULL);
  g_autoptr(GSimpleAction) open = g_simple_action_new ("open", G_VARIANT_TYPE_INT64);
  g_autoptr(GSimpleAction) print = g_simple_action_new ("print", G_VARIANT_TYPE_INT64);
  g_autoptr(GError) error = NULL;
  AdwNavigationPage *root;

  fixture->dir = kefu_test_make_dir ();
  fixture->store = kefu_test_open_store (fixture->dir);
  fixture->opened = g_array_new (FALSE, FALSE, sizeof (gint64));
  fixture->printed = g_array_new (FALSE, FALSE, sizeof (gint64));

  kefu_store_set_system_actor (fixture->store);
  fixture->hotline = kefu_test_make_department (fixture->store, "热线组");
  fixture->cs_centre = kefu_test_make_department (fixture->store, "客服中心");
  fixture->qc = kefu_test_make_department (fixture->store, "品控部");
  fixture->clerk = kefu_test_make_staff (fixture->store, "王芳", "wangfang", KEFU_ROLE_CLERK,
                                         fixture->hotline, TRUE);
  fixture->other_clerk = kefu_test_make_staff (fixture->store, "孙丽", "sunli", KEFU_ROLE_CLERK,
                                               fixture->hotline, TRUE);
  fixture->team_lead = kefu_test_make_staff (fixture->store, "赵敏", "zhaomin",
                                             KEFU_ROLE_TEAM_LEAD, fixture->hotline, TRUE);
  fixture->milk = kefu_test_make_product (fixture->store, "鲜牛奶", 1250);

  /* Nobody holds a role the product-quality rule routes to yet: the complaint starts New and
   * the team lead routes it from the page. */
  fixture->complaint = add_complaint (fixture, "张三", "B20261120");
  g_assert_cmpint (stored_stage (fixture), ==, KEFU_COMPLAINT_STAGE_NEW);

  kefu_store_set_system_actor (fixture->store);
  fixture->qc_manager = kefu_test_make_staff (fixture->store, "陈静", "chenjing",
                                              KEFU_ROLE_QC_MANAGER, fixture->qc, TRUE);
  fixture->cs_manager = kefu_test_make_staff (fixture->store, "李强", "liqiang",
                                              KEFU_ROLE_CS_MANAGER, fixture->cs_centre, TRUE);

  g_signal_connect (reload, "activate", G_CALLBACK (reload_activated_cb), fixture);
  g_signal_connect (open, "activate", G_CALLBACK (id_activated_cb), fixture->opened);
  g_signal_connect (print, "activate", G_CALLBACK (id_activated_cb), fixture->printed);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (reload));
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (open));
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (print));

  fixture->window = ADW_WINDOW (adw_window_new ());
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 900, 1000);
  fixture->navigation = ADW_NAVIGATION_VIEW (adw_navigation_view_new ());
  gtk_widget_insert_action_group (GTK_WIDGET (fixture->navigation), "complaints",
                                  G_ACTION_GROUP (group));
  root = adw_navigation_page_new (adw_status_page_new (), "Complaints");
  adw_navigation_view_add (fixture->navigation, root);
  adw_window_set_content (fixture->window, GTK_WIDGET (fixture->navigation));
  gtk_window_present (GTK_WINDOW (fixture->window));

  kefu_store_set_actor (fixture->store, fixture->team_lead);
  {
    g_autoptr(KefuStaff) lead = kefu_store_get_staff (fixture->store, fixture->team_lead, NULL,
                                                      &error);

    g_assert_no_error (error);
    fixture->page = kefu_complaint_page_new (fixture->store, lead, fixture->complaint);
  }
  adw_navigation_view_push (fixture->navigation, ADW_NAVIGATION_PAGE (fixture->page));
  wait_page (fixture);
}

void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  kefu_test_flush ();
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->opened, g_array_unref);
  g_clear_pointer (&fixture->printed, g_array_unref);
  kefu_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

KefuCallForm *
call_form (Fixture *fixture)
{
  g_autoptr(GPtrArray) forms = kefu_test_find_all (GTK_WIDGET (fixture->page), KEFU_TYPE_CALL_FORM);

  g_assert_cmpuint (forms->len, ==, 1);
  return forms->pdata[0];
}

void
complaint_page_test_init (int    *argc,
                          char ***argv)
{
  /* The assertions read the English strings; KEFU_TEST_SHOTS_LANG (say, zh_CN.UTF-8) shows the
   * pictures in another language instead, where only the pictures matter. */
  if (g_getenv ("KEFU_TEST_SHOTS_LANG") != NULL)
    {
      g_setenv ("LANG", g_getenv ("KEFU_TEST_SHOTS_LANG"), TRUE);
      g_setenv ("LC_ALL", g_getenv ("KEFU_TEST_SHOTS_LANG"), TRUE);
      g_unsetenv ("LANGUAGE");
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("KEFU_TEST_SHOTS_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }
  else
    g_setenv ("LANGUAGE", "C", TRUE);
  gtk_test_init (argc, argv, NULL);
  /* gtk_test_init () keeps the C locale; the pictures want the one asked for. */
  if (g_getenv ("KEFU_TEST_SHOTS_LANG") != NULL)
    setlocale (LC_ALL, "");
  adw_init ();
}
