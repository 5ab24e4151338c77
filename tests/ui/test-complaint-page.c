/* test-complaint-page.c: the detail page of one complaint over a real store: a complaint taken
 * through every stage by the page's own buttons and dialogs, with the timeline showing each
 * step; an action this person may not take (a clerk outside the routed departments cannot
 * record the resolution); the intake edit validated, saved and shown old → new; the page read
 * only once resolved; a not-satisfied callback reopening the complaint.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-test-complaint-page"

#include "config.h"

#include "complaints/kefu-complaint-action-dialog.h"
#include "complaints/kefu-complaint-actions.h"
#include "complaints/kefu-complaint-page.h"
#include "complaints/kefu-complaint-timeline-view.h"
#include "complaints/kefu-detail-format.h"
#include "core/kefu-enums.h"
#include "intake/kefu-call-form.h"
#include "intake/kefu-text-row.h"
#include "store/kefu-store-complaints.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "kefu-ui-test.h"

typedef struct
{
  char              *dir;
  KefuStore         *store;
  AdwWindow         *window;
  AdwNavigationView *navigation;
  KefuComplaintPage *page;
  /* The hotline team (热线组) is never routed to; the others are. */
  gint64             hotline;
  gint64             cs_centre;
  gint64             qc;
  gint64             clerk;       /* 王芳, hotline: takes the call and owns it */
  gint64             other_clerk; /* 孙丽, hotline: neither owner nor routed */
  gint64             team_lead;   /* 赵敏, hotline */
  gint64             qc_manager;  /* 陈静, QC department */
  gint64             cs_manager;  /* 李强, CS centre */
  gint64             milk;
  gint64             complaint;
  guint              n_reloads;   /* "complaints.reload" activations */
  GArray            *opened;      /* "complaints.open" ids */
  GArray            *printed;     /* "complaints.print" ids */
} Fixture;

static gint64
add_department (KefuStore  *store,
                const char *name)
{
  g_autoptr(KefuDepartment) department = kefu_department_new ();
  g_autoptr(GError) error = NULL;

  kefu_department_set_name (department, name);
  g_assert_true (kefu_store_create_department (store, department, NULL, &error));
  g_assert_no_error (error);
  return kefu_record_get_id (KEFU_RECORD (department));
}

static gint64
add_staff (KefuStore  *store,
           const char *name,
           const char *login,
           KefuRole    role,
           gint64      department_id)
{
  g_autoptr(KefuStaff) staff = kefu_staff_new ();
  g_autoptr(GError) error = NULL;

  kefu_staff_set_name (staff, name);
  kefu_staff_set_login (staff, login);
  kefu_staff_set_role (staff, role);
  kefu_staff_set_department_id (staff, department_id);
  kefu_staff_set_active (staff, TRUE);
  g_assert_true (kefu_store_create_staff (store, staff, NULL, &error));
  g_assert_no_error (error);
  return kefu_record_get_id (KEFU_RECORD (staff));
}

/* A product-quality complaint saved by the clerk as the intake saves it. */
static gint64
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

static gboolean
page_busy (KefuComplaintPage *page)
{
  gboolean busy;

  g_object_get (page, "busy", &busy, NULL);
  return busy;
}

static KefuComplaintTimelineView *
timeline_view (Fixture *fixture)
{
  g_autoptr(GPtrArray) views = kefu_test_find_all (GTK_WIDGET (fixture->page),
                                                   KEFU_TYPE_COMPLAINT_TIMELINE_VIEW);

  g_assert_cmpuint (views->len, ==, 1);
  return views->pdata[0];
}

static guint
store_timeline_length (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) events = kefu_store_list_complaint_timeline (fixture->store,
                                                                     fixture->complaint,
                                                                     NULL, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (events);
}

static guint
shown_timeline_length (Fixture *fixture)
{
  GListModel *events = kefu_complaint_timeline_view_get_events (timeline_view (fixture));

  return events != NULL ? g_list_model_get_n_items (events) : 0;
}

/* Waits until the page shows what the store holds now. */
static void
wait_page (Fixture *fixture)
{
  kefu_test_flush ();
  kefu_test_wait_until (!page_busy (fixture->page)
                        && shown_timeline_length (fixture) == store_timeline_length (fixture));
  kefu_test_flush ();
}

static KefuComplaintStage
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
static void
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
static GtkButton *
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

static GtkButton *
action_button (Fixture             *fixture,
               KefuComplaintAction  action)
{
  return find_button (fixture, kefu_detail_action_label (action));
}

/* Presses the button of `action`, which must be there and enabled. */
static void
press (Fixture             *fixture,
       KefuComplaintAction  action)
{
  GtkButton *button = action_button (fixture, action);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (button)));
  g_signal_emit_by_name (button, "clicked");
}

static AdwDialog *
wait_dialog (Fixture *fixture)
{
  kefu_test_wait_until (adw_window_get_visible_dialog (fixture->window) != NULL);
  return adw_window_get_visible_dialog (fixture->window);
}

/* Presses the button of `action` and returns its dialog. */
static KefuComplaintActionDialog *
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
static void
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

/* The text of every row of the timeline, joined. */
static char *
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

static gboolean
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
static void
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

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) reload = g_simple_action_new ("reload", NULL);
  g_autoptr(GSimpleAction) open = g_simple_action_new ("open", G_VARIANT_TYPE_INT64);
  g_autoptr(GSimpleAction) print = g_simple_action_new ("print", G_VARIANT_TYPE_INT64);
  g_autoptr(KefuProduct) milk = kefu_product_new ();
  g_autoptr(GError) error = NULL;
  AdwNavigationPage *root;

  fixture->dir = kefu_test_make_dir ();
  fixture->store = kefu_test_open_store (fixture->dir);
  fixture->opened = g_array_new (FALSE, FALSE, sizeof (gint64));
  fixture->printed = g_array_new (FALSE, FALSE, sizeof (gint64));

  kefu_store_set_system_actor (fixture->store);
  fixture->hotline = add_department (fixture->store, "热线组");
  fixture->cs_centre = add_department (fixture->store, "客服中心");
  fixture->qc = add_department (fixture->store, "品控部");
  fixture->clerk = add_staff (fixture->store, "王芳", "wangfang", KEFU_ROLE_CLERK, fixture->hotline);
  fixture->other_clerk = add_staff (fixture->store, "孙丽", "sunli", KEFU_ROLE_CLERK,
                                    fixture->hotline);
  fixture->team_lead = add_staff (fixture->store, "赵敏", "zhaomin", KEFU_ROLE_TEAM_LEAD,
                                  fixture->hotline);
  kefu_product_set_name (milk, "鲜牛奶");
  kefu_product_set_unit_price (milk, 1250);
  kefu_product_set_active (milk, TRUE);
  g_assert_true (kefu_store_create_product (fixture->store, milk, NULL, &error));
  g_assert_no_error (error);
  fixture->milk = kefu_record_get_id (KEFU_RECORD (milk));

  /* Nobody holds a role the product-quality rule routes to yet: the complaint starts New and
   * the team lead routes it from the page. */
  fixture->complaint = add_complaint (fixture, "张三", "B20261120");
  g_assert_cmpint (stored_stage (fixture), ==, KEFU_COMPLAINT_STAGE_NEW);

  kefu_store_set_system_actor (fixture->store);
  fixture->qc_manager = add_staff (fixture->store, "陈静", "chenjing", KEFU_ROLE_QC_MANAGER,
                                   fixture->qc);
  fixture->cs_manager = add_staff (fixture->store, "李强", "liqiang", KEFU_ROLE_CS_MANAGER,
                                   fixture->cs_centre);

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

static void
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

/* New → Routed → In progress → Resolved → Called back → Closed, each by the person whose job it
 * is, through the page's buttons and dialogs; the timeline grows by each step. */
static void
test_all_stages (Fixture       *fixture,
                 gconstpointer  data)
{
  KefuComplaintActionDialog *dialog;
  g_autofree char *text = NULL;
  guint length = shown_timeline_length (fixture);
  AdwDialog *confirm;

  g_assert_cmpstr (adw_navigation_page_get_title (ADW_NAVIGATION_PAGE (fixture->page)), !=,
                   "Complaint");
  g_assert_true (g_str_has_prefix (adw_navigation_page_get_title (ADW_NAVIGATION_PAGE (fixture->page)),
                                   "TS-"));
  /* The call's own event opens the timeline. */
  g_assert_cmpuint (length, >=, 1);
  g_assert_true (label_shown (fixture, kefu_complaint_stage_get_display_name (KEFU_COMPLAINT_STAGE_NEW)));

  shoot (fixture, "page-new");
  /* The team lead routes it: nothing chosen is refused with the reason, then QC. */
  dialog = open_dialog (fixture, KEFU_COMPLAINT_ACTION_ROUTE);
  g_assert_false (kefu_complaint_action_dialog_apply (dialog));
  shoot (fixture, "dialog-route");
  g_assert_nonnull (kefu_complaint_action_dialog_get_message (dialog, "departments"));
  g_assert_cmpint (stored_stage (fixture), ==, KEFU_COMPLAINT_STAGE_NEW);
  g_assert_true (kefu_complaint_action_dialog_set_department (dialog, fixture->qc, TRUE));
  apply_dialog (fixture, dialog, KEFU_COMPLAINT_STAGE_ROUTED);
  g_assert_cmpuint (shown_timeline_length (fixture), ==, ++length);
  g_assert_true (label_shown (fixture, kefu_complaint_stage_get_display_name (KEFU_COMPLAINT_STAGE_ROUTED)));

  /* The QC manager acknowledges for their own department, at once. */
  act_as (fixture, fixture->qc_manager);
  {
    guint reloads = fixture->n_reloads;

    press (fixture, KEFU_COMPLAINT_ACTION_ACKNOWLEDGE);
    kefu_test_wait_until (fixture->n_reloads > reloads);
  }
  g_assert_cmpint (stored_stage (fixture), ==, KEFU_COMPLAINT_STAGE_IN_PROGRESS);
  wait_page (fixture);
  g_assert_cmpuint (shown_timeline_length (fixture), ==, ++length);

  /* A note, then the resolution: an empty one is refused with its reason. */
  dialog = open_dialog (fixture, KEFU_COMPLAINT_ACTION_ADD_NOTE);
  kefu_complaint_action_dialog_set_text (dialog, "已联系华联超市下架同批次产品");
  apply_dialog (fixture, dialog, KEFU_COMPLAINT_STAGE_IN_PROGRESS);
  g_assert_cmpuint (shown_timeline_length (fixture), ==, ++length);

  shoot (fixture, "page-in-progress");
  dialog = open_dialog (fixture, KEFU_COMPLAINT_ACTION_RESOLVE);
  g_assert_false (kefu_complaint_action_dialog_apply (dialog));
  g_assert_nonnull (kefu_complaint_action_dialog_get_message (dialog, "text"));
  shoot (fixture, "dialog-resolve");
  kefu_complaint_action_dialog_set_text (dialog, "批次抽检合格,为运输温度问题,已为客户换货并致歉");
  apply_dialog (fixture, dialog, KEFU_COMPLAINT_STAGE_RESOLVED);
  g_assert_cmpuint (shown_timeline_length (fixture), ==, ++length);

  /* The owner calls back: satisfied. */
  act_as (fixture, fixture->clerk);
  dialog = open_dialog (fixture, KEFU_COMPLAINT_ACTION_RECORD_CALLBACK);
  g_assert_false (kefu_complaint_action_dialog_apply (dialog));
  g_assert_nonnull (kefu_complaint_action_dialog_get_message (dialog, "satisfaction"));
  kefu_complaint_action_dialog_set_satisfaction (dialog, KEFU_SATISFACTION_SATISFIED);
  kefu_complaint_action_dialog_set_text (dialog, "处理很及时,谢谢");
  apply_dialog (fixture, dialog, KEFU_COMPLAINT_STAGE_CALLED_BACK);
  g_assert_cmpuint (shown_timeline_length (fixture), ==, ++length);

  /* The owner closes it, after a confirmation. */
  press (fixture, KEFU_COMPLAINT_ACTION_CLOSE);
  confirm = wait_dialog (fixture);
  g_assert_true (ADW_IS_ALERT_DIALOG (confirm));
  {
    guint reloads = fixture->n_reloads;

    g_autoptr(GPtrArray) buttons = kefu_test_find_all (GTK_WIDGET (confirm), GTK_TYPE_BUTTON);
    gboolean pressed = FALSE;

    /* The alert's own button, as a person presses it. */
    for (guint i = 0; i < buttons->len; i++)
      if (g_strcmp0 (gtk_button_get_label (buttons->pdata[i]), _("C_lose Complaint")) == 0)
        {
          g_signal_emit_by_name (buttons->pdata[i], "clicked");
          pressed = TRUE;
        }
    g_assert_true (pressed);
    kefu_test_wait_until (fixture->n_reloads > reloads);
  }
  g_assert_cmpint (stored_stage (fixture), ==, KEFU_COMPLAINT_STAGE_CLOSED);
  wait_page (fixture);
  g_assert_cmpuint (shown_timeline_length (fixture), ==, ++length);
  g_assert_true (label_shown (fixture, kefu_complaint_stage_get_display_name (KEFU_COMPLAINT_STAGE_CLOSED)));
  shoot (fixture, "page-closed");

  /* The timeline says what was done, newest last, with the texts that came with it. */
  text = timeline_text (fixture);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "已联系华联超市下架同批次产品"));
  g_assert_nonnull (strstr (text, "批次抽检合格"));
  g_assert_nonnull (strstr (text, "处理很及时"));
  g_assert_nonnull (strstr (text, "品控部"));
  g_assert_true (strstr (text, "批次抽检合格") < strstr (text, "处理很及时"));
  g_assert_nonnull (strstr (text, "陈静"));
  g_assert_nonnull (strstr (text, "王芳"));
  {
    g_autofree char *last = kefu_complaint_timeline_view_dup_row_text (timeline_view (fixture),
                                                                       length - 1);

    g_assert_nonnull (strstr (last, "王芳"));
    g_assert_null (strstr (last, "处理很及时"));
  }

  /* Nothing more can be done but notes; the record prints. */
  g_assert_null (action_button (fixture, KEFU_COMPLAINT_ACTION_CLOSE));
  g_assert_null (action_button (fixture, KEFU_COMPLAINT_ACTION_RESOLVE));
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "complaint.print", NULL);
  g_assert_cmpuint (fixture->printed->len, ==, 1);
  g_assert_cmpint (g_array_index (fixture->printed, gint64, 0), ==, fixture->complaint);
}

/* A clerk who neither owns the complaint nor belongs to a routed department cannot record the
 * resolution: the button shows disabled with the reason, and the store refuses it too. */
static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  KefuComplaintActionDialog *dialog;
  GtkButton *resolve;
  g_autoptr(KefuComplaintCard) card = NULL;
  g_autoptr(KefuComplaintChange) change = NULL;
  g_autoptr(KefuComplaintCard) refused = NULL;
  g_autoptr(GError) error = NULL;

  /* A clerk may not route: the button says why. */
  act_as (fixture, fixture->other_clerk);
  resolve = action_button (fixture, KEFU_COMPLAINT_ACTION_ROUTE);
  g_assert_nonnull (resolve);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (resolve)));
  g_assert_nonnull (gtk_widget_get_tooltip_text (GTK_WIDGET (resolve)));

  act_as (fixture, fixture->team_lead);
  dialog = open_dialog (fixture, KEFU_COMPLAINT_ACTION_ROUTE);
  kefu_complaint_action_dialog_set_department (dialog, fixture->qc, TRUE);
  apply_dialog (fixture, dialog, KEFU_COMPLAINT_STAGE_ROUTED);
  act_as (fixture, fixture->qc_manager);
  press (fixture, KEFU_COMPLAINT_ACTION_ACKNOWLEDGE);
  kefu_test_wait_until (stored_stage (fixture) == KEFU_COMPLAINT_STAGE_IN_PROGRESS);
  wait_page (fixture);

  act_as (fixture, fixture->other_clerk);
  resolve = action_button (fixture, KEFU_COMPLAINT_ACTION_RESOLVE);
  g_assert_nonnull (resolve);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (resolve)));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (resolve)), ==,
                   "Only a member of a routed department or a manager can record the resolution.");
  /* Pressing a disabled button does nothing. */
  gtk_widget_activate (GTK_WIDGET (resolve));
  kefu_test_flush ();
  g_assert_null (adw_window_get_visible_dialog (fixture->window));

  /* The store says the same to anyone who tries around the page. */
  card = kefu_store_get_complaint_card (fixture->store, fixture->complaint, NULL, &error);
  g_assert_no_error (error);
  change = kefu_complaint_change_new (KEFU_COMPLAINT_ACTION_RESOLVE, fixture->complaint,
                                      kefu_complaint_card_get_version (card));
  change->text = g_strdup ("越权处理");
  refused = kefu_store_change_complaint (fixture->store, change, NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_PERMISSION);
  g_assert_cmpint (stored_stage (fixture), ==, KEFU_COMPLAINT_STAGE_IN_PROGRESS);

  /* A note anyone may add. */
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (action_button (fixture, KEFU_COMPLAINT_ACTION_ADD_NOTE))));
}

static KefuCallForm *
call_form (Fixture *fixture)
{
  g_autoptr(GPtrArray) forms = kefu_test_find_all (GTK_WIDGET (fixture->page), KEFU_TYPE_CALL_FORM);

  g_assert_cmpuint (forms->len, ==, 1);
  return forms->pdata[0];
}

/* The owner corrects the reason: the intake's validation holds, an unsaved edit keeps the page
 * from being left, and the saved change shows old → new on the timeline. Once resolved, what
 * was captured is read only. */
static void
test_edit_intake (Fixture       *fixture,
                  gconstpointer  data)
{
  KefuCallForm *form = call_form (fixture);
  KefuComplaintActionDialog *dialog;
  GtkWidget *reason;
  GtkWidget *name;
  g_autofree char *text = NULL;
  g_autoptr(KefuCall) stored = NULL;
  g_autoptr(GError) error = NULL;
  guint length;

  act_as (fixture, fixture->clerk);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (form)));
  g_assert_nonnull (find_button (fixture, _("_Edit")));
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "complaint.edit", NULL);
  kefu_test_flush ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (form)));
  g_assert_true (adw_navigation_page_get_can_pop (ADW_NAVIGATION_PAGE (fixture->page)));
  shoot (fixture, "page-editing");

  reason = kefu_call_form_get_field (form, "reason");
  g_assert_true (KEFU_IS_TEXT_ROW (reason));
  kefu_text_row_set_text (KEFU_TEXT_ROW (reason), "有异味,已变质");
  kefu_test_flush ();
  /* Typed but not saved: going back would lose it. */
  g_assert_false (adw_navigation_page_get_can_pop (ADW_NAVIGATION_PAGE (fixture->page)));

  /* The intake's validation: a caller needs a name. */
  name = kefu_call_form_get_field (form, "caller-name");
  gtk_editable_set_text (GTK_EDITABLE (name), "");
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "complaint.save", NULL);
  kefu_test_flush ();
  g_assert_nonnull (kefu_call_form_get_field_message (form, "caller-name"));
  stored = kefu_store_get_call (fixture->store, kefu_call_get_complaint (kefu_call_form_get_call (form)) != NULL
                                  ? kefu_complaint_get_call_id (kefu_call_get_complaint (kefu_call_form_get_call (form)))
                                  : 0,
                                NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kefu_complaint_get_reason (kefu_call_get_complaint (stored)), ==, "有异味");
  g_clear_object (&stored);

  gtk_editable_set_text (GTK_EDITABLE (name), "张三丰");
  length = shown_timeline_length (fixture);
  {
    guint reloads = fixture->n_reloads;

    gtk_widget_activate_action (GTK_WIDGET (fixture->page), "complaint.save", NULL);
    kefu_test_wait_until (fixture->n_reloads > reloads);
  }
  wait_page (fixture);
  g_assert_cmpuint (shown_timeline_length (fixture), ==, length + 1);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (form)));
  g_assert_true (adw_navigation_page_get_can_pop (ADW_NAVIGATION_PAGE (fixture->page)));

  text = kefu_complaint_timeline_view_dup_row_text (timeline_view (fixture), length);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "有异味 → 有异味,已变质"));
  g_assert_nonnull (strstr (text, "张三 → 张三丰"));
  g_assert_true (label_shown (fixture, "有异味,已变质"));
  shoot (fixture, "page-edited");

  /* Resolved: the call as captured can no longer change. */
  act_as (fixture, fixture->team_lead);
  dialog = open_dialog (fixture, KEFU_COMPLAINT_ACTION_ROUTE);
  kefu_complaint_action_dialog_set_department (dialog, fixture->qc, TRUE);
  apply_dialog (fixture, dialog, KEFU_COMPLAINT_STAGE_ROUTED);
  act_as (fixture, fixture->qc_manager);
  press (fixture, KEFU_COMPLAINT_ACTION_ACKNOWLEDGE);
  kefu_test_wait_until (stored_stage (fixture) == KEFU_COMPLAINT_STAGE_IN_PROGRESS);
  wait_page (fixture);
  dialog = open_dialog (fixture, KEFU_COMPLAINT_ACTION_RESOLVE);
  kefu_complaint_action_dialog_set_text (dialog, "已换货");
  apply_dialog (fixture, dialog, KEFU_COMPLAINT_STAGE_RESOLVED);

  act_as (fixture, fixture->clerk);
  g_assert_null (find_button (fixture, _("_Edit")));
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "complaint.edit", NULL);
  kefu_test_flush ();
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (form)));
}

/* Not satisfied at the callback: the customer's words are required (the message says it
 * reopens), and the complaint goes back to Reopened with them; the department acknowledges it
 * again. */
static void
test_not_satisfied (Fixture       *fixture,
                    gconstpointer  data)
{
  KefuComplaintActionDialog *dialog;
  g_autoptr(KefuComplaintCard) card = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *message;

  act_as (fixture, fixture->team_lead);
  dialog = open_dialog (fixture, KEFU_COMPLAINT_ACTION_ROUTE);
  kefu_complaint_action_dialog_set_department (dialog, fixture->qc, TRUE);
  apply_dialog (fixture, dialog, KEFU_COMPLAINT_STAGE_ROUTED);
  act_as (fixture, fixture->qc_manager);
  press (fixture, KEFU_COMPLAINT_ACTION_ACKNOWLEDGE);
  kefu_test_wait_until (stored_stage (fixture) == KEFU_COMPLAINT_STAGE_IN_PROGRESS);
  wait_page (fixture);
  dialog = open_dialog (fixture, KEFU_COMPLAINT_ACTION_RESOLVE);
  kefu_complaint_action_dialog_set_text (dialog, "已换货");
  apply_dialog (fixture, dialog, KEFU_COMPLAINT_STAGE_RESOLVED);

  act_as (fixture, fixture->clerk);
  dialog = open_dialog (fixture, KEFU_COMPLAINT_ACTION_RECORD_CALLBACK);
  kefu_complaint_action_dialog_set_satisfaction (dialog, KEFU_SATISFACTION_NOT_SATISFIED);
  g_assert_false (kefu_complaint_action_dialog_apply (dialog));
  message = kefu_complaint_action_dialog_get_message (dialog, "text");
  shoot (fixture, "dialog-callback");
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "reopens"));
  g_assert_cmpint (stored_stage (fixture), ==, KEFU_COMPLAINT_STAGE_RESOLVED);

  kefu_complaint_action_dialog_set_text (dialog, "换的货还是有异味");
  apply_dialog (fixture, dialog, KEFU_COMPLAINT_STAGE_REOPENED);

  card = kefu_store_get_complaint_card (fixture->store, fixture->complaint, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kefu_complaint_card_get_satisfaction (card), ==, KEFU_SATISFACTION_NOT_SATISFIED);
  g_assert_true (label_shown (fixture, kefu_complaint_stage_get_display_name (KEFU_COMPLAINT_STAGE_REOPENED)));
  text = timeline_text (fixture);
  g_assert_nonnull (strstr (text, "换的货还是有异味"));

  /* Back with the department. */
  act_as (fixture, fixture->qc_manager);
  g_assert_nonnull (action_button (fixture, KEFU_COMPLAINT_ACTION_ACKNOWLEDGE));
  press (fixture, KEFU_COMPLAINT_ACTION_ACKNOWLEDGE);
  kefu_test_wait_until (stored_stage (fixture) == KEFU_COMPLAINT_STAGE_IN_PROGRESS);
  wait_page (fixture);
}

/* A visit to a harmed customer (local time typed, UTC stored), hand escalation with a reason,
 * and the complaints about the same batch as rows that open them. */
static void
test_visit_escalate_batch (Fixture       *fixture,
                           gconstpointer  data)
{
  KefuComplaintActionDialog *dialog;
  g_autoptr(GPtrArray) visits = NULL;
  g_autoptr(KefuComplaintCard) card = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) expected = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gint64 sibling;
  gboolean opened = FALSE;

  sibling = add_complaint (fixture, "李四", "b20261120 ");
  act_as (fixture, fixture->team_lead);
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "complaint.reload", NULL);
  wait_page (fixture);

  /* The same product and batch (as compared: upper case, trimmed) opens the other one. */
  rows = kefu_test_find_all (GTK_WIDGET (fixture->page), ADW_TYPE_ACTION_ROW);
  for (guint i = 0; i < rows->len; i++)
    if (GPOINTER_TO_SIZE (g_object_get_data (rows->pdata[i], "kefu-complaint-id")) == (gsize) sibling)
      {
        g_signal_emit_by_name (rows->pdata[i], "activate");
        opened = TRUE;
      }
  g_assert_true (opened);
  kefu_test_flush ();
  g_assert_cmpuint (fixture->opened->len, ==, 1);
  g_assert_cmpint (g_array_index (fixture->opened, gint64, 0), ==, sibling);

  /* A visit: when typed in local time, stored in UTC; a future time is refused. */
  dialog = open_dialog (fixture, KEFU_COMPLAINT_ACTION_RECORD_VISIT);
  kefu_complaint_action_dialog_set_visitors (dialog, "");
  kefu_complaint_action_dialog_set_visited_text (dialog, "2999-01-01 10:00");
  kefu_complaint_action_dialog_set_text (dialog, "客户情况稳定");
  g_assert_false (kefu_complaint_action_dialog_apply (dialog));
  g_assert_nonnull (kefu_complaint_action_dialog_get_message (dialog, "visitors"));
  g_assert_nonnull (kefu_complaint_action_dialog_get_message (dialog, "visited-at"));
  shoot (fixture, "dialog-visit");
  kefu_complaint_action_dialog_set_visitors (dialog, "李强、周涛");
  kefu_complaint_action_dialog_set_visited_text (dialog, "2026-11-20 09:30");
  apply_dialog (fixture, dialog, KEFU_COMPLAINT_STAGE_NEW);

  visits = kefu_store_list_complaint_visits (fixture->store, fixture->complaint, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (visits->len, ==, 1);
  {
    KefuComplaintVisit *visit = visits->pdata[0];
    g_autoptr(GDateTime) local = g_date_time_new_local (2026, 11, 20, 9, 30, 0);

    expected = g_date_time_to_utc (local);
    g_assert_cmpstr (visit->visitors, ==, "李强、周涛");
    g_assert_true (g_date_time_equal (visit->visited_at, expected));
  }
  g_assert_true (label_shown (fixture, "李强、周涛"));

  /* Escalated by hand, with the reason. */
  dialog = open_dialog (fixture, KEFU_COMPLAINT_ACTION_ESCALATE);
  g_assert_false (kefu_complaint_action_dialog_apply (dialog));
  kefu_complaint_action_dialog_set_text (dialog, "客户要求经理出面");
  apply_dialog (fixture, dialog, KEFU_COMPLAINT_STAGE_NEW);
  card = kefu_store_get_complaint_card (fixture->store, fixture->complaint, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kefu_complaint_card_get_escalation (card), ==, KEFU_ESCALATION_TEAM_LEAD);
  g_assert_true (label_shown (fixture, kefu_detail_escalation_name (KEFU_ESCALATION_TEAM_LEAD)));
  shoot (fixture, "page-visit-escalated");
}

/* Someone else changes the complaint while the page shows it: the page's next action is refused
 * as stale, the banner says so and the page reads it again, after which the action works. The
 * team lead changes the departments with a reason; leaving with an unsaved edit asks first. */
static void
test_stale_routes_leave (Fixture       *fixture,
                         gconstpointer  data)
{
  KefuComplaintActionDialog *dialog;
  g_autoptr(GPtrArray) banners = NULL;
  g_autoptr(KefuComplaintCard) card = NULL;
  g_autoptr(KefuComplaintChange) note = NULL;
  g_autoptr(KefuComplaintCard) noted = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  AdwBanner *banner;
  AdwDialog *ask;
  GArray *ids;
  guint length;

  /* The team lead routes it to QC, then adds the CS centre with a reason. */
  dialog = open_dialog (fixture, KEFU_COMPLAINT_ACTION_ROUTE);
  kefu_complaint_action_dialog_set_department (dialog, fixture->qc, TRUE);
  apply_dialog (fixture, dialog, KEFU_COMPLAINT_STAGE_ROUTED);

  dialog = open_dialog (fixture, KEFU_COMPLAINT_ACTION_EDIT_ROUTES);
  /* Nothing changed: refused with the reason; the reason is required too. */
  g_assert_false (kefu_complaint_action_dialog_apply (dialog));
  g_assert_nonnull (kefu_complaint_action_dialog_get_message (dialog, "departments"));
  g_assert_nonnull (kefu_complaint_action_dialog_get_message (dialog, "text"));
  g_assert_true (kefu_complaint_action_dialog_set_department (dialog, fixture->cs_centre, TRUE));
  kefu_complaint_action_dialog_set_text (dialog, "涉及送货环节,请客服中心一并跟进");
  apply_dialog (fixture, dialog, KEFU_COMPLAINT_STAGE_ROUTED);
  card = kefu_store_get_complaint_card (fixture->store, fixture->complaint, NULL, &error);
  g_assert_no_error (error);
  ids = kefu_complaint_card_get_department_ids (card);
  g_assert_cmpuint (ids->len, ==, 2);
  text = timeline_text (fixture);
  g_assert_nonnull (strstr (text, "涉及送货环节"));
  g_assert_nonnull (strstr (text, "客服中心"));

  /* Another workstation adds a note behind the page's back. */
  note = kefu_complaint_change_new (KEFU_COMPLAINT_ACTION_ADD_NOTE, fixture->complaint,
                                    kefu_complaint_card_get_version (card));
  note->text = g_strdup ("另一台电脑上的备注");
  noted = kefu_store_change_complaint (fixture->store, note, NULL, &error);
  g_assert_no_error (error);

  /* The page still holds the version before it: its next change is refused as stale. */
  /* The page's banner, not the call form's own. */
  banners = kefu_test_find_all (GTK_WIDGET (fixture->page), ADW_TYPE_BANNER);
  banner = NULL;
  for (guint i = 0; i < banners->len; i++)
    if (gtk_widget_get_ancestor (banners->pdata[i], KEFU_TYPE_CALL_FORM) == NULL)
      {
        g_assert_null (banner);
        banner = banners->pdata[i];
      }
  g_assert_nonnull (banner);
  g_assert_false (adw_banner_get_revealed (banner));
  length = store_timeline_length (fixture);
  dialog = open_dialog (fixture, KEFU_COMPLAINT_ACTION_ADD_NOTE);
  kefu_complaint_action_dialog_set_text (dialog, "本机备注");
  g_assert_true (kefu_complaint_action_dialog_apply (dialog));
  kefu_test_wait_until (adw_banner_get_revealed (banner));
  g_assert_cmpstr (adw_banner_get_title (banner), ==,
                   "Someone else changed this complaint. It was reloaded; check and try again.");
  g_assert_cmpuint (store_timeline_length (fixture), ==, length);
  /* Read again: the other note shows, and the same action now works. */
  wait_page (fixture);
  g_clear_pointer (&text, g_free);
  text = timeline_text (fixture);
  g_assert_nonnull (strstr (text, "另一台电脑上的备注"));
  kefu_test_wait_until (adw_window_get_visible_dialog (fixture->window) == NULL);
  dialog = open_dialog (fixture, KEFU_COMPLAINT_ACTION_ADD_NOTE);
  kefu_complaint_action_dialog_set_text (dialog, "本机备注");
  apply_dialog (fixture, dialog, KEFU_COMPLAINT_STAGE_ROUTED);
  g_assert_false (adw_banner_get_revealed (banner));

  /* An unsaved edit: going back asks, and keeping on editing keeps the page. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "complaint.edit", NULL);
  kefu_test_flush ();
  kefu_text_row_set_text (KEFU_TEXT_ROW (kefu_call_form_get_field (call_form (fixture), "reason")),
                          "有异味,还有沉淀");
  kefu_test_flush ();
  g_assert_false (adw_navigation_page_get_can_pop (ADW_NAVIGATION_PAGE (fixture->page)));
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "complaint.leave", NULL);
  ask = wait_dialog (fixture);
  g_assert_true (ADW_IS_ALERT_DIALOG (ask));
  adw_dialog_close (ask);
  kefu_test_wait_until (adw_window_get_visible_dialog (fixture->window) == NULL);
  kefu_test_flush ();
  g_assert_true (adw_navigation_view_get_visible_page (fixture->navigation)
                 == ADW_NAVIGATION_PAGE (fixture->page));
  g_assert_cmpstr (kefu_text_row_get_text (KEFU_TEXT_ROW (kefu_call_form_get_field (call_form (fixture), "reason"))),
                   ==, "有异味,还有沉淀");

  /* Discarding leaves the page, and nothing was saved. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "complaint.leave", NULL);
  ask = wait_dialog (fixture);
  {
    g_autoptr(GPtrArray) buttons = kefu_test_find_all (GTK_WIDGET (ask), GTK_TYPE_BUTTON);
    gboolean pressed = FALSE;

    for (guint i = 0; i < buttons->len; i++)
      if (g_strcmp0 (gtk_button_get_label (buttons->pdata[i]), _("_Discard")) == 0)
        {
          g_signal_emit_by_name (buttons->pdata[i], "clicked");
          pressed = TRUE;
        }
    g_assert_true (pressed);
  }
  kefu_test_wait_until (adw_navigation_view_get_visible_page (fixture->navigation)
                        != ADW_NAVIGATION_PAGE (fixture->page));
  {
    g_autoptr(KefuCall) stored = kefu_store_get_call (fixture->store,
                                                      kefu_complaint_card_get_call_id (card),
                                                      NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (kefu_complaint_get_reason (kefu_call_get_complaint (stored)), ==, "有异味");
  }
}

/* A manager outside the routed departments acknowledges for one of them: with two routed,
 * the page asks which, and the timeline names the one chosen. */
static void
test_manager_acknowledges (Fixture       *fixture,
                           gconstpointer  data)
{
  KefuComplaintActionDialog *dialog;
  g_autoptr(GPtrArray) buttons = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *text = NULL;
  AdwDialog *choice;
  gboolean picked = FALSE;
  gboolean pressed = FALSE;

  dialog = open_dialog (fixture, KEFU_COMPLAINT_ACTION_ROUTE);
  kefu_complaint_action_dialog_set_department (dialog, fixture->qc, TRUE);
  kefu_complaint_action_dialog_set_department (dialog, fixture->hotline, TRUE);
  apply_dialog (fixture, dialog, KEFU_COMPLAINT_STAGE_ROUTED);

  act_as (fixture, fixture->cs_manager);
  press (fixture, KEFU_COMPLAINT_ACTION_ACKNOWLEDGE);
  choice = wait_dialog (fixture);
  shoot (fixture, "dialog-choose");
  g_assert_true (ADW_IS_ALERT_DIALOG (choice));
  /* The hotline team's row, then the alert's Acknowledge button, as a person picks them. */
  rows = kefu_test_find_all (GTK_WIDGET (choice), ADW_TYPE_ACTION_ROW);
  g_assert_cmpuint (rows->len, ==, 2);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (rows->pdata[i]), "热线组") == 0)
      {
        g_signal_emit_by_name (rows->pdata[i], "activated");
        picked = TRUE;
      }
  g_assert_true (picked);
  buttons = kefu_test_find_all (GTK_WIDGET (choice), GTK_TYPE_BUTTON);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (buttons->pdata[i]), _("_Acknowledge")) == 0)
      {
        g_signal_emit_by_name (buttons->pdata[i], "clicked");
        pressed = TRUE;
      }
  g_assert_true (pressed);
  kefu_test_wait_until (stored_stage (fixture) == KEFU_COMPLAINT_STAGE_IN_PROGRESS);
  wait_page (fixture);

  /* The newest event is the acknowledgement, by the manager, for the department chosen. */
  text = kefu_complaint_timeline_view_dup_row_text (timeline_view (fixture),
                                                    shown_timeline_length (fixture) - 1);
  g_assert_nonnull (strstr (text, "热线组"));
  g_assert_null (strstr (text, "品控部"));
  g_assert_nonnull (strstr (text, "李强"));
  /* The routing section says who acknowledged for that department. */
  g_assert_true (label_shown (fixture, "热线组"));
}

/* The words and times of the page. */
static void
test_format (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 27, 8, 0, 0);
  g_autoptr(GDateTime) later = g_date_time_add_minutes (now, 130);
  g_autoptr(GDateTime) soon = g_date_time_add_seconds (now, 30);
  g_autoptr(GDateTime) days = g_date_time_add_hours (now, 74);
  g_autoptr(GDateTime) past = g_date_time_add_hours (now, -3);
  g_autofree char *a = kefu_detail_format_time_left (later, now);
  g_autofree char *b = kefu_detail_format_time_left (soon, now);
  g_autofree char *c = kefu_detail_format_time_left (days, now);
  g_autofree char *d = kefu_detail_format_time_left (past, now);

  g_assert_cmpstr (a, ==, "2 h 10 min left");
  g_assert_cmpstr (b, ==, "1 min left");
  g_assert_cmpstr (c, ==, "3 d 2 h left");
  g_assert_cmpstr (d, ==, "Overdue 3 h");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = kefu_test_isolate_data_home ();
  int result;

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
  gtk_test_init (&argc, &argv, NULL);
  /* gtk_test_init () keeps the C locale; the pictures want the one asked for. */
  if (g_getenv ("KEFU_TEST_SHOTS_LANG") != NULL)
    setlocale (LC_ALL, "");
  adw_init ();

  g_test_add_func ("/kefu/complaint-page/format", test_format);
  g_test_add ("/kefu/complaint-page/all-stages", Fixture, NULL,
              fixture_set_up, test_all_stages, fixture_tear_down);
  g_test_add ("/kefu/complaint-page/refused", Fixture, NULL,
              fixture_set_up, test_refused, fixture_tear_down);
  g_test_add ("/kefu/complaint-page/edit-intake", Fixture, NULL,
              fixture_set_up, test_edit_intake, fixture_tear_down);
  g_test_add ("/kefu/complaint-page/not-satisfied", Fixture, NULL,
              fixture_set_up, test_not_satisfied, fixture_tear_down);
  g_test_add ("/kefu/complaint-page/visit-escalate-batch", Fixture, NULL,
              fixture_set_up, test_visit_escalate_batch, fixture_tear_down);
  g_test_add ("/kefu/complaint-page/stale-routes-leave", Fixture, NULL,
              fixture_set_up, test_stale_routes_leave, fixture_tear_down);
  g_test_add ("/kefu/complaint-page/manager-acknowledges", Fixture, NULL,
              fixture_set_up, test_manager_acknowledges, fixture_tear_down);

  result = g_test_run ();
  kefu_test_remove_dir (data_home);
  return result;
}
