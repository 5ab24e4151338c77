/* test-call-form.c: the call form of the intake pane, driven through its real widgets over a
 * real store: typing, changing the kind mid-call, inline problems, the check before saving, a
 * picked caller, drafts on disk and back into the widgets.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-test-call-form"

#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "core/kefu-call-draft.h"
#include "core/kefu-call-rules.h"
#include "intake/kefu-call-form.h"
#include "intake/kefu-draft-file.h"
#include "intake/kefu-form-field.h"
#include "intake/kefu-inquiry-form.h"
#include "intake/kefu-order-line-row.h"
#include "intake/kefu-text-row.h"

#include "kefu-ui-test.h"

typedef struct
{
  char         *dir;
  KefuStore    *store;
  KefuStaff    *clerk;
  GtkWindow    *window;
  KefuCallForm *form;
  KefuCall     *call;
  gint64        milk_id;
  gint64        yogurt_id;
  guint         n_changed;
} Fixture;

static gint64
add_product (KefuStore  *store,
             const char *name,
             const char *spec,
             gint64      fen,
             gboolean    active)
{
  g_autoptr(KefuProduct) product = kefu_product_new ();
  g_autoptr(GError) error = NULL;

  kefu_product_set_name (product, name);
  kefu_product_set_spec (product, spec);
  kefu_product_set_unit_price (product, fen);
  kefu_product_set_active (product, active);
  kefu_store_set_system_actor (store);
  g_assert_true (kefu_store_create_product (store, product, NULL, &error));
  g_assert_no_error (error);
  kefu_store_set_actor (store, 0);

  return kefu_record_get_id (KEFU_RECORD (product));
}

static void
changed_cb (KefuCallForm *form,
            Fixture      *fixture)
{
  fixture->n_changed++;
}

/* A form in a window of the width the pane gives it, over a store with two products on sale
 * and one retired, editing a new form call. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *scroller;
  gint64 clerk_id;

  fixture->dir = kefu_test_make_dir ();
  fixture->store = kefu_test_open_store (fixture->dir);
  clerk_id = kefu_test_add_staff (fixture->store, "王芳", "wangfang", KEFU_ROLE_CLERK);
  fixture->clerk = kefu_store_get_staff (fixture->store, clerk_id, NULL, &error);
  g_assert_no_error (error);
  fixture->milk_id = add_product (fixture->store, "鲜牛奶", "950ml", 1250, TRUE);
  fixture->yogurt_id = add_product (fixture->store, "酸奶", "200g", 480, TRUE);
  add_product (fixture->store, "老酸奶", "150g", 600, FALSE);

  fixture->form = g_object_ref_sink (kefu_call_form_new ());
  g_signal_connect (fixture->form, "changed", G_CALLBACK (changed_cb), fixture);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (fixture->form));
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 700, 900);
  gtk_window_set_child (fixture->window, scroller);
  gtk_window_present (fixture->window);

  kefu_call_form_set_store (fixture->form, fixture->store);
  kefu_call_form_set_staff (fixture->form, fixture->clerk);
  kefu_test_wait_until (!kefu_call_form_get_busy (fixture->form));

  fixture->call = kefu_call_new_for_form ();
  kefu_call_form_set_call (fixture->form, fixture->call);
  kefu_test_flush ();
  fixture->n_changed = 0;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  kefu_test_flush ();
  g_assert_finalize_object (fixture->form);
  g_clear_object (&fixture->call);
  g_clear_object (&fixture->clerk);
  g_clear_object (&fixture->store);
  kefu_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

static GtkWidget *
field (Fixture    *fixture,
       const char *field_id)
{
  GtkWidget *widget = kefu_call_form_get_field (fixture->form, field_id);

  if (widget == NULL)
    g_error ("The form shows no field “%s”", field_id);
  return widget;
}

/* Types into a field as the clerk would: into its entry, then the form reacts on the main
 * loop. */
static void
type_text (Fixture    *fixture,
           const char *field_id,
           const char *text)
{
  GtkWidget *widget = field (fixture, field_id);

  if (KEFU_IS_TEXT_ROW (widget))
    kefu_text_row_set_text (KEFU_TEXT_ROW (widget), text);
  else
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
  kefu_test_flush ();
}

static const char *
text_of (Fixture    *fixture,
         const char *field_id)
{
  static char *last;
  GtkWidget *widget = field (fixture, field_id);

  g_clear_pointer (&last, g_free);
  if (KEFU_IS_TEXT_ROW (widget))
    last = kefu_text_row_get_text (KEFU_TEXT_ROW (widget));
  else
    last = g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget)));
  return last;
}

static const char *
message_of (Fixture    *fixture,
            const char *field_id)
{
  return kefu_call_form_get_field_message (fixture->form, field_id);
}

/* The toggle group inside a row field (the channel, the category). */
static AdwToggleGroup *
toggles_of (Fixture    *fixture,
            const char *field_id)
{
  g_autoptr(GPtrArray) found = kefu_test_find_all (field (fixture, field_id), ADW_TYPE_TOGGLE_GROUP);

  g_assert_cmpuint (found->len, ==, 1);
  return found->pdata[0];
}

static void
choose_kind (Fixture    *fixture,
             const char *kind)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->form), "call-form.kind",
                                             "s", kind));
  kefu_test_flush ();
  g_assert_cmpstr (kefu_call_form_get_kind_name (fixture->form), ==, kind);
}

/* Presses `accelerator` ("<Control>2") on the form, through the shortcuts it installed. */
static void
press_shortcut (Fixture    *fixture,
                const char *accelerator)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture->form));
  g_autoptr(GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (accelerator);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
            {
              g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                           GTK_WIDGET (fixture->form),
                                                           gtk_shortcut_get_arguments (shortcut)));
              kefu_test_flush ();
              return;
            }
        }
    }

  g_error ("The form has no shortcut %s", accelerator);
}

/* Picks the product named `name` in the drop-down of line `number`. */
static void
pick_product (Fixture    *fixture,
              guint       number,
              const char *name)
{
  g_autofree char *id = g_strdup_printf ("line-%u-product", number);
  GtkDropDown *dropdown = GTK_DROP_DOWN (field (fixture, id));
  GListModel *products = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (products); i++)
    {
      g_autoptr(KefuProduct) product = g_list_model_get_item (products, i);

      if (g_str_equal (kefu_product_get_name (product), name))
        {
          gtk_drop_down_set_selected (dropdown, i);
          kefu_test_flush ();
          return;
        }
    }

  g_error ("No product “%s” in the drop-down", name);
}

static KefuOrderLine *
line_at (KefuCall *call,
         guint     position)
{
  GListModel *lines = G_LIST_MODEL (kefu_order_get_lines (kefu_call_get_order (call)));
  g_autoptr(KefuOrderLine) line = g_list_model_get_item (lines, position);

  return line;   /* The order holds it. */
}

static void
test_call_form_products (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (field (fixture, "line-1-product"));
  KefuOrderLine *line = line_at (fixture->call, 0);

  /* "Choose a product", then the active products only; none picked by itself. */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (dropdown)), ==, 3);
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 0);
  g_assert_cmpint (kefu_order_line_get_product_id (line), ==, 0);
  g_assert_true (kefu_call_form_get_blank (fixture->form));

  /* Picking a product fills the spec and the price from it. */
  pick_product (fixture, 1, "鲜牛奶");
  g_assert_cmpint (kefu_order_line_get_product_id (line), ==, fixture->milk_id);
  g_assert_cmpstr (kefu_order_line_get_product_name (line), ==, "鲜牛奶");
  g_assert_cmpstr (text_of (fixture, "line-1-spec"), ==, "950ml");
  g_assert_cmpstr (text_of (fixture, "line-1-unit-price"), ==, "12.50");
  g_assert_cmpint (kefu_order_line_get_unit_price (line), ==, 1250);
  g_assert_false (kefu_call_form_get_blank (fixture->form));
  g_assert_cmpuint (fixture->n_changed, >, 0);

  /* Quantity and a price agreed on the phone make the totals. */
  type_text (fixture, "line-1-quantity", "２");   /* full-width, as an input method types */
  g_assert_cmpuint (kefu_order_line_get_quantity (line), ==, 2);
  g_assert_cmpstr (text_of (fixture, "line-1-quantity"), ==, "２");
  type_text (fixture, "line-1-unit-price", "¥12");
  g_assert_cmpint (kefu_order_line_get_unit_price (line), ==, 1200);
  g_assert_cmpint (kefu_order_get_total (kefu_call_get_order (fixture->call)), ==, 2400);

  /* Another product keeps the agreed price but takes its spec. */
  pick_product (fixture, 1, "酸奶");
  g_assert_cmpstr (text_of (fixture, "line-1-spec"), ==, "200g");
  g_assert_cmpint (kefu_order_line_get_unit_price (line), ==, 1200);

  /* A second line, then removing the first: the second becomes line 1. */
  g_assert_true (gtk_widget_activate_action (field (fixture, "line-1-product"),
                                             "order-form.add-line", NULL));
  kefu_test_flush ();
  pick_product (fixture, 2, "鲜牛奶");
  type_text (fixture, "line-2-quantity", "3");
  g_assert_cmpint (kefu_order_get_total (kefu_call_get_order (fixture->call)), ==, 2400 + 3 * 1250);
  {
    GtkWidget *row = gtk_widget_get_ancestor (field (fixture, "line-1-product"),
                                              KEFU_TYPE_ORDER_LINE_ROW);

    g_signal_emit_by_name (row, "remove");
    kefu_test_flush ();
  }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (kefu_order_get_lines (kefu_call_get_order (fixture->call)))), ==, 1);
  g_assert_cmpstr (text_of (fixture, "line-1-quantity"), ==, "3");
  g_assert_null (kefu_call_form_get_field (fixture->form, "line-2-quantity"));
  g_assert_cmpint (kefu_order_get_total (kefu_call_get_order (fixture->call)), ==, 3 * 1250);
}

static void
test_call_form_kinds_keep_everything (Fixture       *fixture,
                                      gconstpointer  data)
{
  KefuComplaint *complaint = kefu_call_get_complaint (fixture->call);
  KefuInquiry *inquiry = kefu_call_get_inquiry (fixture->call);
  GtkStack *stack;
  GtkToggleButton *prices;

  type_text (fixture, "caller-name", "李娜");
  type_text (fixture, "phone", "13800138000");
  type_text (fixture, "address", "北京市朝阳区建国路88号");
  pick_product (fixture, 1, "鲜牛奶");
  type_text (fixture, "line-1-quantity", "2");
  adw_toggle_group_set_active_name (toggles_of (fixture, "channel"), "home-delivery");
  kefu_test_flush ();
  g_assert_cmpint (kefu_order_get_channel (kefu_call_get_order (fixture->call)), ==,
                   KEFU_CHANNEL_HOME_DELIVERY);
  /* The district follows the caller's address, which the delivery defaults to. */
  g_assert_cmpstr (text_of (fixture, "district"), ==, "朝阳区");
  type_text (fixture, "notes", "下午送");

  /* The kind changes with the action (Ctrl+2), and the complaint's fields show. */
  choose_kind (fixture, "complaint");
  g_assert_cmpint (kefu_call_get_kind (fixture->call), ==, KEFU_CALL_KIND_COMPLAINT);
  stack = GTK_STACK (gtk_widget_get_ancestor (field (fixture, "subject"), GTK_TYPE_STACK));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "complaint");
  g_assert_null (kefu_call_form_get_field (fixture->form, "line-1-quantity"));
  type_text (fixture, "subject", "鲜牛奶");
  type_text (fixture, "reason", "有异味\n第二行");
  g_assert_cmpstr (kefu_complaint_get_reason (complaint), ==, "有异味\n第二行");

  choose_kind (fixture, "inquiry");
  prices = kefu_inquiry_form_get_topic_button (KEFU_INQUIRY_FORM (gtk_widget_get_ancestor (field (fixture, "answer"), KEFU_TYPE_INQUIRY_FORM)),
                                               KEFU_INQUIRY_TOPIC_PRICES);
  gtk_toggle_button_set_active (prices, TRUE);
  type_text (fixture, "answer", "950ml 12.50 元");
  g_assert_cmpint (kefu_inquiry_get_topics (inquiry), ==, KEFU_INQUIRY_TOPIC_PRICES);

  /* Back to the order: everything typed is still there, in the call and on screen. */
  choose_kind (fixture, "order");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "order");
  g_assert_cmpstr (adw_toggle_group_get_active_name (toggles_of (fixture, "channel")), ==,
                   "home-delivery");
  g_assert_cmpstr (text_of (fixture, "caller-name"), ==, "李娜");
  g_assert_cmpstr (text_of (fixture, "line-1-quantity"), ==, "2");
  g_assert_cmpstr (text_of (fixture, "notes"), ==, "下午送");
  g_assert_cmpstr (kefu_complaint_get_subject (complaint), ==, "鲜牛奶");
  g_assert_cmpint (kefu_inquiry_get_topics (inquiry), ==, KEFU_INQUIRY_TOPIC_PRICES);

  choose_kind (fixture, "complaint");
  g_assert_cmpstr (text_of (fixture, "subject"), ==, "鲜牛奶");
  g_assert_cmpstr (text_of (fixture, "reason"), ==, "有异味\n第二行");
  choose_kind (fixture, "inquiry");
  g_assert_true (gtk_toggle_button_get_active (prices));
  g_assert_cmpstr (text_of (fixture, "answer"), ==, "950ml 12.50 元");

  /* Ctrl+1, Ctrl+2 and Ctrl+3 choose the kind from the keyboard. */
  press_shortcut (fixture, "<Control>1");
  g_assert_cmpint (kefu_call_get_kind (fixture->call), ==, KEFU_CALL_KIND_ORDER);
  press_shortcut (fixture, "<Control>2");
  g_assert_cmpint (kefu_call_get_kind (fixture->call), ==, KEFU_CALL_KIND_COMPLAINT);
  press_shortcut (fixture, "<Control>3");
  g_assert_cmpint (kefu_call_get_kind (fixture->call), ==, KEFU_CALL_KIND_INQUIRY);

  /* The kind's toggles follow the action. */
  {
    g_autoptr(GPtrArray) groups = kefu_test_find_all (GTK_WIDGET (fixture->form), ADW_TYPE_TOGGLE_GROUP);

    g_assert_cmpstr (adw_toggle_group_get_active_name (groups->pdata[0]), ==, "inquiry");
    adw_toggle_group_set_active_name (groups->pdata[0], "complaint");
    kefu_test_flush ();
    g_assert_cmpint (kefu_call_get_kind (fixture->call), ==, KEFU_CALL_KIND_COMPLAINT);
  }
}

static void
test_call_form_inline_problems (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *long_batch = g_strnfill (KEFU_TEXT_MAX_BATCH_NUMBER + 1, 'A');
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (today, 1);
  g_autofree char *tomorrow_text = g_date_time_format (tomorrow, "%Y-%m-%d");
  GtkWidget *quantity;

  /* Nothing is wrong before the clerk has typed. */
  g_assert_null (message_of (fixture, "caller-name"));
  g_assert_null (message_of (fixture, "line-1-quantity"));

  /* Text that cannot be what it should shows its reason at once. */
  type_text (fixture, "line-1-quantity", "0");
  quantity = field (fixture, "line-1-quantity");
  g_assert_nonnull (message_of (fixture, "line-1-quantity"));
  g_assert_true (gtk_widget_has_css_class (quantity, "error"));
  type_text (fixture, "line-1-quantity", "abc");
  g_assert_true (g_str_has_prefix (message_of (fixture, "line-1-quantity"), "“abc”"));
  type_text (fixture, "line-1-quantity", "4");
  g_assert_null (message_of (fixture, "line-1-quantity"));
  g_assert_false (gtk_widget_has_css_class (quantity, "error"));

  type_text (fixture, "line-1-unit-price", "1.234");
  g_assert_nonnull (message_of (fixture, "line-1-unit-price"));
  /* The line lists its problems under its entries, visibly. */
  {
    GtkWidget *row = gtk_widget_get_ancestor (quantity, KEFU_TYPE_ORDER_LINE_ROW);
    g_autoptr(GPtrArray) labels = kefu_test_find_all (row, GTK_TYPE_LABEL);
    gboolean shown = FALSE;

    for (guint i = 0; i < labels->len; i++)
      if (gtk_widget_get_mapped (labels->pdata[i])
          && gtk_widget_has_css_class (labels->pdata[i], "kefu-field-message"))
        {
          g_assert_cmpstr (gtk_label_get_label (labels->pdata[i]), ==,
                           message_of (fixture, "line-1-unit-price"));
          shown = TRUE;
        }
    g_assert_true (shown);
  }
  type_text (fixture, "line-1-unit-price", "1.23");
  g_assert_null (message_of (fixture, "line-1-unit-price"));

  /* A field the clerk has left shows what it lacks, and stops once it is typed. */
  gtk_widget_grab_focus (field (fixture, "caller-name"));
  kefu_test_flush ();
  gtk_widget_grab_focus (field (fixture, "phone"));
  kefu_test_flush ();
  g_assert_cmpstr (message_of (fixture, "caller-name"), ==, "Enter the caller’s name.");
  g_assert_true (gtk_widget_has_css_class (field (fixture, "caller-name"), "error"));
  type_text (fixture, "caller-name", "李");
  g_assert_null (message_of (fixture, "caller-name"));

  /* The complaint's parsers: a production date after today, a batch number too long. */
  choose_kind (fixture, "complaint");
  adw_toggle_group_set_active_name (toggles_of (fixture, "category"), "product-quality");
  kefu_test_flush ();
  type_text (fixture, "production-date", tomorrow_text);
  g_assert_cmpstr (message_of (fixture, "production-date"), ==,
                   "The production date cannot be after today; check the date printed on the package.");
  type_text (fixture, "production-date", "2026年2月30日");
  g_assert_nonnull (message_of (fixture, "production-date"));
  type_text (fixture, "production-date", "");
  g_assert_null (message_of (fixture, "production-date"));
  g_assert_null (kefu_complaint_get_production_date (kefu_call_get_complaint (fixture->call)));

  type_text (fixture, "batch-number", long_batch);
  g_assert_nonnull (message_of (fixture, "batch-number"));
  type_text (fixture, "batch-number", "B20261120-3");
  g_assert_null (message_of (fixture, "batch-number"));

  /* A received time that is not one. */
  type_text (fixture, "received-at", "明天");
  g_assert_nonnull (message_of (fixture, "received-at"));
  type_text (fixture, "received-at", "2026-01-05 08:30");
  g_assert_null (message_of (fixture, "received-at"));
  {
    g_autoptr(GDateTime) local = g_date_time_to_local (kefu_call_get_received_at (fixture->call));

    g_assert_cmpint (g_date_time_get_hour (local), ==, 8);
    g_assert_cmpint (g_date_time_get_minute (local), ==, 30);
  }
}

static void
test_call_form_check (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GtkWidget *focus;

  type_text (fixture, "notes", "回电话");
  type_text (fixture, "line-1-quantity", "x");

  /* Every problem at once, each under its field; the focus on the first; nothing cleared. */
  g_assert_false (kefu_call_form_check (fixture->form, now));
  g_assert_cmpstr (message_of (fixture, "caller-name"), ==, "Enter the caller’s name.");
  g_assert_cmpstr (message_of (fixture, "phone"), ==, "Enter the caller’s phone number.");
  g_assert_nonnull (message_of (fixture, "address"));
  g_assert_nonnull (message_of (fixture, "line-1-product"));
  g_assert_true (g_str_has_prefix (message_of (fixture, "line-1-quantity"), "“x”"));
  g_assert_nonnull (message_of (fixture, "channel"));
  /* The delivery address may stay empty: it defaults to the caller's. */
  g_assert_null (message_of (fixture, "delivery-address"));
  g_assert_null (message_of (fixture, "notes"));
  g_assert_cmpstr (text_of (fixture, "notes"), ==, "回电话");
  g_assert_cmpstr (text_of (fixture, "line-1-quantity"), ==, "x");
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_nonnull (focus);
  g_assert_true (focus == field (fixture, "caller-name")
                 || gtk_widget_is_ancestor (focus, field (fixture, "caller-name")));

  /* The messages follow the typing from now on. */
  type_text (fixture, "caller-name", "张伟");
  g_assert_null (message_of (fixture, "caller-name"));
  type_text (fixture, "phone", "12");
  g_assert_nonnull (message_of (fixture, "phone"));
  type_text (fixture, "phone", "13912345678");
  type_text (fixture, "address", "上海浦东新区张江路1号");
  pick_product (fixture, 1, "酸奶");
  type_text (fixture, "line-1-quantity", "6");
  adw_toggle_group_set_active_name (toggles_of (fixture, "channel"), "supermarket");
  kefu_test_flush ();

  /* The empty delivery address takes the caller's, as its title promised, with its district. */
  g_assert_cmpstr (text_of (fixture, "delivery-address"), ==, "");
  g_assert_true (kefu_call_form_check (fixture->form, now));
  g_assert_cmpstr (kefu_order_get_delivery_address (kefu_call_get_order (fixture->call)), ==,
                   "上海浦东新区张江路1号");
  g_assert_cmpstr (text_of (fixture, "delivery-address"), ==, "上海浦东新区张江路1号");
  g_assert_cmpstr (kefu_order_get_district (kefu_call_get_order (fixture->call)), ==, "浦东新区");
  g_assert_null (message_of (fixture, "line-1-quantity"));

  /* A complaint checks the complaint, not the order. */
  choose_kind (fixture, "complaint");
  g_assert_false (kefu_call_form_check (fixture->form, now));
  g_assert_nonnull (message_of (fixture, "subject"));
  g_assert_nonnull (message_of (fixture, "reason"));
  g_assert_nonnull (message_of (fixture, "category"));
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_true (gtk_widget_is_ancestor (focus, field (fixture, "subject")));

  /* Not well founded: an explanation instead of a category. */
  type_text (fixture, "subject", "送奶员");
  type_text (fixture, "reason", "送晚了");
  {
    g_autoptr(GPtrArray) switches = kefu_test_find_all (GTK_WIDGET (fixture->form), ADW_TYPE_SWITCH_ROW);

    for (guint i = 0; i < switches->len; i++)
      if (g_str_equal (adw_preferences_row_get_title (switches->pdata[i]), "Well Founded"))
        adw_switch_row_set_active (switches->pdata[i], FALSE);
  }
  kefu_test_flush ();
  g_assert_false (kefu_complaint_get_well_founded (kefu_call_get_complaint (fixture->call)));
  g_assert_null (kefu_call_form_get_field (fixture->form, "category"));
  g_assert_false (kefu_call_form_check (fixture->form, now));
  g_assert_nonnull (message_of (fixture, "explanation"));
  type_text (fixture, "explanation", "已向客户说明送货时间");
  g_assert_true (kefu_call_form_check (fixture->form, now));
}

static void
test_call_form_caller (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(KefuCustomer) customer = kefu_customer_new ();
  const char *phones[] = { "13800138000", NULL };

  kefu_record_set_id (KEFU_RECORD (customer), 42);
  kefu_customer_set_name (customer, "李娜");
  kefu_customer_set_address (customer, "北京市海淀区中关村大街1号");
  kefu_customer_set_phones (customer, phones);

  type_text (fixture, "delivery-address", "别处");
  kefu_call_form_set_caller (fixture->form, customer);
  kefu_test_flush ();

  g_assert_cmpstr (text_of (fixture, "caller-name"), ==, "李娜");
  g_assert_cmpstr (text_of (fixture, "phone"), ==, "13800138000");
  g_assert_cmpstr (text_of (fixture, "address"), ==, "北京市海淀区中关村大街1号");
  g_assert_cmpint (kefu_call_get_customer_id (fixture->call), ==, 42);
  g_assert_cmpstr (text_of (fixture, "delivery-address"), ==, "");
  g_assert_cmpstr (text_of (fixture, "district"), ==, "海淀区");
  g_assert_false (kefu_call_form_get_blank (fixture->form));
  g_assert_cmpuint (fixture->n_changed, >, 0);

  /* A known name focuses the kind's form. */
  kefu_call_form_focus_details (fixture->form);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (fixture->window)) == field (fixture, "line-1-product")
                 || gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)),
                                            field (fixture, "line-1-product")));

  /* An unknown number: a new customer, what was typed about the caller stays. */
  kefu_call_form_set_new_caller (fixture->form, "13912345678");
  kefu_test_flush ();
  g_assert_cmpint (kefu_call_get_customer_id (fixture->call), ==, 0);
  g_assert_cmpstr (text_of (fixture, "phone"), ==, "13912345678");
  g_assert_cmpstr (text_of (fixture, "caller-name"), ==, "李娜");

  /* The clerk is the staff member working here. */
  g_assert_cmpint (kefu_call_get_clerk_id (fixture->call), ==,
                   kefu_record_get_id (KEFU_RECORD (fixture->clerk)));
}

static void
test_call_form_received_time (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) parsed = NULL;
  g_autoptr(GDateTime) local = NULL;
  GDateTime *received_at = kefu_call_get_received_at (fixture->call);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(KefuCall) stale = kefu_call_new_for_form ();
  g_autoptr(GDateTime) hour_ago = g_date_time_add_hours (now, -1);

  /* A new call came in now, and the field shows it in local time. */
  g_assert_nonnull (received_at);
  g_assert_cmpint (g_date_time_difference (now, received_at), <, 60 * G_USEC_PER_SEC);
  local = g_date_time_to_local (received_at);
  {
    g_autofree char *expected = g_date_time_format (local, "%Y-%m-%d %H:%M");

    g_assert_cmpstr (text_of (fixture, "received-at"), ==, expected);
  }

  parsed = kefu_call_form_parse_received_at ("２０２６年１１月２７日　９：４１", &error);
  g_assert_no_error (error);
  g_clear_pointer (&local, g_date_time_unref);
  local = g_date_time_to_local (parsed);
  g_assert_cmpint (g_date_time_get_year (local), ==, 2026);
  g_assert_cmpint (g_date_time_get_day_of_month (local), ==, 27);
  g_assert_cmpint (g_date_time_get_hour (local), ==, 9);
  g_assert_cmpint (g_date_time_get_minute (local), ==, 41);
  g_clear_pointer (&parsed, g_date_time_unref);
  parsed = kefu_call_form_parse_received_at ("2026-11-27 24:00", &error);
  g_assert_null (parsed);
  g_assert_error (error, KEFU_CALL_RULES_ERROR, KEFU_CALL_RULES_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  parsed = kefu_call_form_parse_received_at ("2026-11-27", &error);
  g_assert_null (parsed);
  g_assert_error (error, KEFU_CALL_RULES_ERROR, KEFU_CALL_RULES_ERROR_INVALID);
  g_clear_error (&error);

  /* A blank form that waited an hour: the call starts at the first thing typed. */
  kefu_call_set_received_at (stale, hour_ago);
  kefu_call_form_set_call (fixture->form, stale);
  kefu_test_flush ();
  type_text (fixture, "caller-name", "刘");
  g_assert_cmpint (g_date_time_difference (kefu_call_get_received_at (stale), now), >=, 0);
}

static void
test_call_form_draft_round_trip (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(KefuDraftFile) draft = kefu_draft_file_new (kefu_store_get_description (fixture->store));
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuCall) restored = NULL;
  g_autofree char *date_text = NULL;

  type_text (fixture, "caller-name", "赵敏");
  type_text (fixture, "phone", "010-62345678");
  type_text (fixture, "address", "北京市西城区金融街9号");
  pick_product (fixture, 1, "酸奶");
  type_text (fixture, "line-1-quantity", "12");
  type_text (fixture, "line-1-unit-price", "4.5");
  choose_kind (fixture, "complaint");
  type_text (fixture, "subject", "酸奶");
  adw_toggle_group_set_active_name (toggles_of (fixture, "category"), "product-quality");
  kefu_test_flush ();
  adw_combo_row_set_selected (ADW_COMBO_ROW (field (fixture, "symptom")), KEFU_PRODUCT_SYMPTOM_SPOILED);
  type_text (fixture, "production-date", "2025/3/4");
  type_text (fixture, "batch-number", "b2025-03");

  g_assert_true (kefu_draft_file_save (draft, kefu_call_form_get_call (fixture->form), &error));
  g_assert_no_error (error);

  /* A new form, as after a crash: everything comes back into the widgets. */
  kefu_call_form_set_call (fixture->form, NULL);
  restored = kefu_draft_file_load (draft, &error);
  g_assert_no_error (error);
  g_assert_nonnull (restored);
  kefu_call_form_set_call (fixture->form, restored);
  kefu_test_flush ();

  g_assert_cmpstr (kefu_call_form_get_kind_name (fixture->form), ==, "complaint");
  g_assert_cmpstr (text_of (fixture, "caller-name"), ==, "赵敏");
  g_assert_cmpstr (text_of (fixture, "subject"), ==, "酸奶");
  g_assert_cmpstr (adw_toggle_group_get_active_name (toggles_of (fixture, "category")), ==,
                   "product-quality");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (field (fixture, "symptom"))), ==,
                    KEFU_PRODUCT_SYMPTOM_SPOILED);
  g_assert_cmpint (kefu_complaint_get_symptom (kefu_call_get_complaint (restored)), ==,
                   KEFU_PRODUCT_SYMPTOM_SPOILED);
  g_assert_cmpstr (text_of (fixture, "production-date"), ==, "2025-03-04");
  g_assert_cmpstr (text_of (fixture, "batch-number"), ==, "b2025-03");
  g_assert_null (message_of (fixture, "production-date"));

  choose_kind (fixture, "order");
  g_assert_cmpstr (text_of (fixture, "line-1-quantity"), ==, "12");
  g_assert_cmpstr (text_of (fixture, "line-1-unit-price"), ==, "4.50");
  g_assert_cmpstr (text_of (fixture, "line-1-spec"), ==, "200g");
  {
    GtkDropDown *dropdown = GTK_DROP_DOWN (field (fixture, "line-1-product"));
    KefuProduct *shown = gtk_drop_down_get_selected_item (dropdown);

    g_assert_cmpint (kefu_record_get_id (KEFU_RECORD (shown)), ==, fixture->yogurt_id);
  }
  g_assert_cmpint (kefu_order_line_get_product_id (line_at (restored, 0)), ==, fixture->yogurt_id);
  g_assert_cmpstr (text_of (fixture, "district"), ==, "西城区");

  g_assert_true (kefu_draft_file_delete (draft, &error));
  g_assert_no_error (error);
  g_assert_false (kefu_draft_file_exists (draft));
}

static void
test_draft_file (void)
{
  g_autoptr(KefuDraftFile) draft = kefu_draft_file_new ("/srv/kefu/kefu.db");
  g_autoptr(KefuDraftFile) other = kefu_draft_file_new ("kefu@db.example.com/kefu");
  g_autoptr(KefuCall) call = kefu_call_new_for_form ();
  g_autoptr(KefuCall) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "/srv/kefu/kefu.db", -1);
  g_autofree char *name = g_strconcat (hash, ".draft", NULL);
  g_autofree char *expected = g_build_filename (g_get_user_state_dir (), "kefu", "drafts", name, NULL);
  GStatBuf st;

  /* One file per database, named by the description's hash. */
  g_assert_cmpstr (kefu_draft_file_get_path (draft), ==, expected);
  g_assert_cmpstr (kefu_draft_file_get_path (draft), !=, kefu_draft_file_get_path (other));

  /* No draft is no error. */
  g_assert_false (kefu_draft_file_exists (draft));
  g_assert_null (kefu_draft_file_load (draft, &error));
  g_assert_no_error (error);
  g_assert_true (kefu_draft_file_delete (draft, &error));
  g_assert_no_error (error);

  kefu_call_set_caller_name (call, "王芳");
  kefu_call_set_kind (call, KEFU_CALL_KIND_INQUIRY);
  kefu_inquiry_set_topics (kefu_call_get_inquiry (call),
                           KEFU_INQUIRY_TOPIC_PAYMENT | KEFU_INQUIRY_TOPIC_DELIVERY);
  g_assert_true (kefu_draft_file_save (draft, call, &error));
  g_assert_no_error (error);
  g_assert_true (kefu_draft_file_exists (draft));
  g_assert_false (kefu_draft_file_exists (other));
  /* Only the user may read what callers said. */
  g_assert_cmpint (g_stat (kefu_draft_file_get_path (draft), &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  loaded = kefu_draft_file_load (draft, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kefu_call_get_caller_name (loaded), ==, "王芳");
  g_assert_cmpint (kefu_call_get_kind (loaded), ==, KEFU_CALL_KIND_INQUIRY);
  g_assert_cmpint (kefu_inquiry_get_topics (kefu_call_get_inquiry (loaded)), ==,
                   KEFU_INQUIRY_TOPIC_PAYMENT | KEFU_INQUIRY_TOPIC_DELIVERY);
  g_clear_object (&loaded);

  /* A newer save replaces it whole. */
  kefu_call_set_caller_name (call, "王芳芳");
  g_assert_true (kefu_draft_file_save (draft, call, &error));
  loaded = kefu_draft_file_load (draft, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kefu_call_get_caller_name (loaded), ==, "王芳芳");
  g_clear_object (&loaded);

  /* A damaged draft is an error, and stays on disk for someone to look at. */
  g_assert_true (g_file_set_contents (kefu_draft_file_get_path (draft), "not a draft", -1, NULL));
  g_assert_null (kefu_draft_file_load (draft, &error));
  g_assert_error (error, KEFU_CALL_DRAFT_ERROR, KEFU_CALL_DRAFT_ERROR_CORRUPT);
  g_clear_error (&error);
  g_assert_true (kefu_draft_file_exists (draft));

  g_assert_true (kefu_draft_file_delete (draft, &error));
  g_assert_no_error (error);
  g_assert_false (kefu_draft_file_exists (draft));
}

/* The field that holds `widget` (the focus is on an entry row's text, inside the row). */
static const char *
field_id_of (GtkWidget *widget)
{
  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    if (kefu_form_field_is_field (widget))
      return kefu_form_field_get_id (widget);
  return NULL;
}

/* Presses Tab from `first` until the focus reaches `last`, and returns the fields it passed, in
 * order, each once. */
static GPtrArray *
tab_through (Fixture    *fixture,
             const char *first,
             const char *last)
{
  GPtrArray *visited = g_ptr_array_new_with_free_func (g_free);

  kefu_form_field_focus (field (fixture, first));
  kefu_test_flush ();
  g_ptr_array_add (visited, g_strdup (first));

  for (guint i = 0; i < 100; i++)
    {
      const char *id;

      g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_TAB_FORWARD));
      id = field_id_of (gtk_root_get_focus (GTK_ROOT (fixture->window)));
      /* The lines' remove buttons are inside the list of lines, the field "lines". */
      if (g_strcmp0 (id, "lines") == 0)
        continue;
      if (id != NULL && !g_str_equal (id, visited->pdata[visited->len - 1]))
        g_ptr_array_add (visited, g_strdup (id));
      if (g_strcmp0 (id, last) == 0)
        return visited;
    }

  g_error ("Tab never reached “%s” from “%s”", last, first);
}

static void
assert_visited (GPtrArray          *visited,
                const char * const *expected)
{
  g_autofree char *seen = NULL;

  g_ptr_array_add (visited, NULL);
  seen = g_strjoinv (" ", (char **) visited->pdata);
  if (visited->len - 1 != g_strv_length ((char **) expected))
    g_error ("Tab went %s", seen);
  for (guint i = 0; expected[i] != NULL; i++)
    if (g_strcmp0 (visited->pdata[i], expected[i]) != 0)
      g_error ("Tab went %s", seen);
}

static void
test_call_form_tab_order (Fixture       *fixture,
                          gconstpointer  data)
{
  const char * const order[] = {
    "caller-name", "phone", "address",
    "line-1-product", "line-1-spec", "line-1-quantity", "line-1-unit-price",
    "line-2-product", "line-2-spec", "line-2-quantity", "line-2-unit-price",
    "channel", "delivery-address", "district", "notes", "received-at", NULL
  };
  const char * const complaint[] = {
    "caller-name", "phone", "address", "subject", "reason", "category", "symptom",
    "purchase-method", "purchase-place", "batch-number", "production-date", "notes",
    "received-at", NULL
  };
  const char * const inquiry[] = {
    "caller-name", "phone", "address", "topics", "answer", "notes", "received-at", NULL
  };
  g_autoptr(GPtrArray) visited = NULL;

  /* Top to bottom, every field of the order, the lines in their order. */
  g_assert_true (gtk_widget_activate_action (field (fixture, "line-1-product"),
                                             "order-form.add-line", NULL));
  kefu_test_flush ();
  visited = tab_through (fixture, "caller-name", "received-at");
  assert_visited (visited, order);
  g_clear_pointer (&visited, g_ptr_array_unref);

  /* The fields left empty now show what they lack under them; Tab passes the messages by. */
  kefu_test_flush ();
  g_assert_nonnull (message_of (fixture, "phone"));
  visited = tab_through (fixture, "caller-name", "received-at");
  assert_visited (visited, order);
  g_clear_pointer (&visited, g_ptr_array_unref);

  choose_kind (fixture, "complaint");
  adw_toggle_group_set_active_name (toggles_of (fixture, "category"), "product-quality");
  kefu_test_flush ();
  visited = tab_through (fixture, "caller-name", "received-at");
  assert_visited (visited, complaint);
  g_clear_pointer (&visited, g_ptr_array_unref);

  choose_kind (fixture, "inquiry");
  visited = tab_through (fixture, "caller-name", "received-at");
  assert_visited (visited, inquiry);
}

static void
test_call_form_accessibility (Fixture       *fixture,
                              gconstpointer  data)
{
  const char *kinds[] = { "order", "complaint", "inquiry" };

  adw_toggle_group_set_active_name (toggles_of (fixture, "channel"), "retail");
  kefu_test_flush ();

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(GPtrArray) fields = NULL;

      choose_kind (fixture, kinds[k]);
      if (g_str_equal (kinds[k], "complaint"))
        {
          adw_toggle_group_set_active_name (toggles_of (fixture, "category"), "service-quality");
          kefu_test_flush ();
        }
      fields = kefu_form_field_list (GTK_WIDGET (fixture->form));
      g_assert_cmpuint (fields->len, >, 5);

      /* Every field tells a screen reader what it is: a row by its title, a plain entry by its
       * label. */
      for (guint i = 0; i < fields->len; i++)
        {
          GtkWidget *widget = fields->pdata[i];

          if (ADW_IS_PREFERENCES_ROW (widget))
            g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), !=, "");
          else if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget),
                                                      GTK_ACCESSIBLE_PROPERTY_LABEL)
                   && !gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget),
                                                         GTK_ACCESSIBLE_RELATION_LABELLED_BY))
            g_error ("The field “%s” has no accessible label", kefu_form_field_get_id (widget));
        }
    }

  /* A field with a problem is marked invalid for assistive technologies. */
  choose_kind (fixture, "order");
  type_text (fixture, "line-1-quantity", "-1");
  g_assert_true (gtk_test_accessible_has_state (GTK_ACCESSIBLE (field (fixture, "line-1-quantity")),
                                                GTK_ACCESSIBLE_STATE_INVALID));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (field (fixture, "line-1-quantity")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Quantity, line 1");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = kefu_test_isolate_data_home ();
  g_autofree char *state_home = kefu_test_make_dir ();
  int status;

  /* Drafts go to the state folder: one of the test run's own. */
  g_setenv ("XDG_STATE_HOME", state_home, TRUE);
  /* The district guesses and messages below are the untranslated ones. */
  g_setenv ("LANGUAGE", "C", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/kefu/ui/call-form/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("products", test_call_form_products);
  ADD ("kinds-keep-everything", test_call_form_kinds_keep_everything);
  ADD ("inline-problems", test_call_form_inline_problems);
  ADD ("check", test_call_form_check);
  ADD ("caller", test_call_form_caller);
  ADD ("received-time", test_call_form_received_time);
  ADD ("draft-round-trip", test_call_form_draft_round_trip);
  ADD ("accessibility", test_call_form_accessibility);
  ADD ("tab-order", test_call_form_tab_order);
#undef ADD
  g_test_add_func ("/kefu/ui/call-form/draft-file", test_draft_file);

  status = g_test_run ();
  kefu_test_remove_dir (state_home);
  kefu_test_remove_dir (data_home);

  return status;
}
