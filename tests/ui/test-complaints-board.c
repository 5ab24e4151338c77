/* test-complaints-board.c: the complaints pane's board over a real store: the columns and their
 * counts, urgent cards first, the card's words, menu, drag content and screen-reader label, the
 * detail page and list view it opens, an overdue and escalated card, and the empty board.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-test-complaints-board"

#include "config.h"

#include "test-complaints-board.h"

static void
test_texts (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 27, 10, 0, 0);
  g_autoptr(GDateTime) earlier = g_date_time_add_minutes (now, -(3 * 60 + 20));
  g_autoptr(GDateTime) days = g_date_time_add_hours (now, -(2 * 24 + 5));
  g_autoptr(GDateTime) due_soon = g_date_time_add_minutes (now, 130);
  g_autoptr(GDateTime) due_past = g_date_time_add_minutes (now, -185);
  g_autoptr(KefuComplaintCard) card = kefu_complaint_card_new ();
  g_autofree char *age1 = kefu_board_format_age (earlier, now);
  g_autofree char *age2 = kefu_board_format_age (days, now);
  g_autofree char *left = NULL;
  g_autofree char *late = NULL;
  g_autofree char *escalation = kefu_board_format_escalation (KEFU_ESCALATION_CS_MANAGER);
  g_autofree char *line = kefu_board_first_line ("  有异味 \n第二行");
  g_autofree char *d1 = kefu_board_format_duration (45 * G_TIME_SPAN_MINUTE);
  g_autofree char *d2 = kefu_board_format_duration (26 * G_TIME_SPAN_HOUR + 10 * G_TIME_SPAN_MINUTE);

  g_assert_cmpstr (age1, ==, "3 h");
  g_assert_cmpstr (age2, ==, "2 d");
  g_assert_cmpstr (d1, ==, "45 min");
  g_assert_cmpstr (d2, ==, "1 d 2 h");
  g_assert_cmpstr (line, ==, "有异味");

  kefu_complaint_card_set_due (card, KEFU_COMPLAINT_DEADLINE_RESOLVE, due_soon);
  left = kefu_board_format_deadline (card, now);
  g_assert_cmpstr (left, ==, "Resolve: 2 h 10 min left");
  kefu_complaint_card_set_due (card, KEFU_COMPLAINT_DEADLINE_ACKNOWLEDGE, due_past);
  late = kefu_board_format_deadline (card, now);
  g_assert_cmpstr (late, ==, "Acknowledge: overdue 3 h 5 min");
  kefu_complaint_card_set_due (card, KEFU_COMPLAINT_DEADLINE_NONE, NULL);
  g_assert_null (kefu_board_format_deadline (card, now));

  g_assert_cmpstr (escalation, ==, "Escalated: CS manager");
  g_assert_null (kefu_board_format_escalation (KEFU_ESCALATION_NONE));
  g_assert_cmpstr (kefu_board_deadline_style_class (KEFU_DEADLINE_STATE_ON_TIME), ==, "success");
  g_assert_cmpstr (kefu_board_deadline_style_class (KEFU_DEADLINE_STATE_SOON), ==, "warning");
  g_assert_cmpstr (kefu_board_deadline_style_class (KEFU_DEADLINE_STATE_OVERDUE), ==, "error");
  g_assert_null (kefu_board_deadline_style_class (KEFU_DEADLINE_STATE_NONE));
}

static void
test_columns (Fixture       *f,
              gconstpointer  data)
{
  gint64 new_one, product, harmed, service;
  g_autoptr(GArray) routed = NULL;
  KefuComplaintCardWidget *widget;
  g_autofree char *described = NULL;
  g_autoptr(GDateTime) now = NULL;

  new_one = save_complaint (f, f->clerk, "刘洋", "13800138001", KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY,
                            FALSE, NULL, "酸奶胀袋", NULL);
  add_managers (f);
  product = save_complaint (f, f->clerk, "张伟", "13800138002", KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY,
                            FALSE, NULL, "有异味\n第二天又喝了一盒", NULL);
  service = save_complaint (f, f->clerk2, "李娜", "13800138003", KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY,
                            FALSE, NULL, "送奶迟到两小时", NULL);
  harmed = save_complaint (f, f->clerk2, "王磊", "13800138004", KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY,
                           TRUE, NULL, "喝后腹泻住院", NULL);

  show_pane (f, f->cs_manager);
  g_assert_cmpstr (_kefu_complaints_pane_get_board_state (f->pane), ==, "board");

  /* New: the one taken before anyone could receive it; Routed: the others, urgent first. */
  g_assert_cmpuint (kefu_board_column_get_count (_kefu_complaints_pane_get_column (f->pane, KEFU_COMPLAINT_STAGE_NEW)), ==, 1);
  g_assert_true (column_has (f, KEFU_COMPLAINT_STAGE_NEW, new_one));
  routed = column_ids (f, KEFU_COMPLAINT_STAGE_ROUTED);
  g_assert_cmpuint (routed->len, ==, 3);
  g_assert_cmpuint (kefu_board_column_get_count (_kefu_complaints_pane_get_column (f->pane, KEFU_COMPLAINT_STAGE_ROUTED)), ==, 3);
  g_assert_cmpint (g_array_index (routed, gint64, 0), ==, harmed);
  g_assert_true (column_has (f, KEFU_COMPLAINT_STAGE_ROUTED, product));
  g_assert_true (column_has (f, KEFU_COMPLAINT_STAGE_ROUTED, service));
  g_assert_cmpuint (kefu_board_column_get_count (_kefu_complaints_pane_get_column (f->pane, KEFU_COMPLAINT_STAGE_IN_PROGRESS)), ==, 0);
  g_assert_cmpuint (kefu_board_column_get_count (_kefu_complaints_pane_get_column (f->pane, KEFU_COMPLAINT_STAGE_CLOSED)), ==, 0);

  /* The count in the header, as shown. */
  g_assert_nonnull (find_label (GTK_WIDGET (_kefu_complaints_pane_get_column (f->pane, KEFU_COMPLAINT_STAGE_ROUTED)), "3"));

  /* Every stage above the board with its count and its urgent ones; the finished stages start
   * collapsed, and their tile opens them. */
  {
    GtkWidget *tile = kefu_board_summary_get_tile (f->pane->summary, KEFU_COMPLAINT_STAGE_ROUTED);
    KefuBoardColumn *closed = _kefu_complaints_pane_get_column (f->pane, KEFU_COMPLAINT_STAGE_CLOSED);

    g_assert_nonnull (find_label (tile, "3"));
    g_assert_nonnull (find_label (tile, "1 urgent"));
    g_assert_true (kefu_board_column_get_collapsed (closed));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->pane), "complaints.show-stage", "s",
                                               kefu_enum_to_nick (KEFU_TYPE_COMPLAINT_STAGE, KEFU_COMPLAINT_STAGE_CLOSED)));
    g_assert_false (kefu_board_column_get_collapsed (closed));

    /* The keyboard reaches a column through its tile: the focus goes to its first card. */
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->pane), "complaints.show-stage", "s",
                                               kefu_enum_to_nick (KEFU_TYPE_COMPLAINT_STAGE, KEFU_COMPLAINT_STAGE_ROUTED)));
    kefu_test_wait_until (gtk_widget_has_focus (GTK_WIDGET (find_card_widget (f, harmed))));
  }

  /* The urgent card shows its badge; the product card its first line of the reason only. */
  widget = find_card_widget (f, harmed);
  g_assert_nonnull (widget);
  g_assert_nonnull (find_label (GTK_WIDGET (widget), "Urgent"));
  widget = find_card_widget (f, product);
  g_assert_nonnull (widget);
  g_assert_nonnull (find_label (GTK_WIDGET (widget), "有异味"));
  g_assert_nonnull (find_label (GTK_WIDGET (widget), "张伟"));
  g_assert_nonnull (find_label (GTK_WIDGET (widget), "王芳"));
  g_assert_null (find_label (GTK_WIDGET (widget), "Urgent"));
  /* A fresh complaint: green, with the time left. */
  g_assert_nonnull (kefu_complaint_card_widget_get_deadline_text (widget));
  g_assert_true (g_str_has_suffix (kefu_complaint_card_widget_get_deadline_text (widget), " left"));
  g_assert_null (kefu_complaint_card_widget_get_escalation_text (widget));

  /* What a screen reader reads: the whole card. */
  now = g_date_time_new_now_utc ();
  described = kefu_board_describe_card (kefu_complaint_card_widget_get_card (widget), now);
  g_assert_nonnull (strstr (described, kefu_complaint_card_get_reference (kefu_complaint_card_widget_get_card (widget))));
  g_assert_nonnull (strstr (described, "张伟"));
  g_assert_nonnull (strstr (described, "有异味"));
  g_assert_nonnull (strstr (described, "owner 王芳"));
  g_assert_nonnull (strstr (described, "品控部"));
  g_assert_null (strstr (described, "第二天"));

  /* Enter on a card (card.open) pushes its detail page; back shows the board again. */
  {
    AdwNavigationPage *page;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (find_card_widget (f, harmed)), "card.open", NULL));
    kefu_test_flush ();
    page = adw_navigation_view_get_visible_page (f->pane->navigation_view);
    g_assert_true (KEFU_IS_COMPLAINT_PAGE (page));
    g_assert_cmpint (kefu_complaint_page_get_complaint_id (KEFU_COMPLAINT_PAGE (page)), ==, harmed);
    kefu_test_wait_until (!f->pane->busy);
    adw_navigation_view_pop (f->pane->navigation_view);
    kefu_test_flush ();
    g_assert_cmpstr (adw_navigation_page_get_tag (adw_navigation_view_get_visible_page (f->pane->navigation_view)), ==, "board");
    g_assert_null (f->pane->page);
  }

  /* The list view is given the store only once it is shown: it reads every id. */
  {
    KefuStore *list_store = NULL;
    g_autoptr(GPtrArray) groups = kefu_test_find_all (GTK_WIDGET (f->pane), ADW_TYPE_TOGGLE_GROUP);

    g_object_get (f->pane->list_view, "store", &list_store, NULL);
    g_assert_null (list_store);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->pane), "complaints.view", "s", "list"));
    wait_for_board (f);
    g_assert_cmpstr (gtk_stack_get_visible_child_name (f->pane->view_stack), ==, "list");
    g_assert_cmpstr (adw_toggle_group_get_active_name (f->pane->view_toggles), ==, "list");
    g_object_get (f->pane->list_view, "store", &list_store, NULL);
    g_assert_true (list_store == f->store);
    g_clear_object (&list_store);
    /* Back by the toggle, as a person would. */
    adw_toggle_group_set_active_name (f->pane->view_toggles, "board");
    g_assert_cmpstr (gtk_stack_get_visible_child_name (f->pane->view_stack), ==, "board");
  }
}

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  add_managers (f);
  show_pane (f, f->clerk);
  g_assert_cmpstr (_kefu_complaints_pane_get_board_state (f->pane), ==, "empty");
  g_assert_nonnull (find_label (GTK_WIDGET (f->pane), "No Open Complaints"));
  g_assert_false (gtk_widget_get_visible (f->pane->empty_clear_button));
}

static void
test_card_menu (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(KefuStaff) manager = NULL;
  g_autoptr(KefuStaff) outsider = NULL;
  g_autoptr(GMenuModel) menu = NULL;
  g_autoptr(GString) items = g_string_new (NULL);
  KefuComplaintCard *card;
  gint64 id;

  add_managers (f);
  id = save_complaint (f, f->clerk, "刘洋", "13800138001", KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY,
                       FALSE, NULL, "送奶员态度差", NULL);
  show_pane (f, f->cs_manager);
  card = _kefu_complaints_pane_find_card (f->pane, id);
  g_assert_nonnull (card);
  manager = get_staff (f, f->cs_manager);
  outsider = get_staff (f, f->outsider);

  /* A routed complaint: the manager may acknowledge it, and move it to In progress. */
  menu = kefu_board_build_card_menu (card, manager);
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      for (int j = 0; section != NULL && j < g_menu_model_get_n_items (section); j++)
        {
          g_autofree char *label = NULL;
          g_autoptr(GMenuModel) submenu = g_menu_model_get_item_link (section, j, G_MENU_LINK_SUBMENU);

          g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_LABEL, "s", &label);
          g_string_append_printf (items, "%s;", label);
          for (int k = 0; submenu != NULL && k < g_menu_model_get_n_items (submenu); k++)
            {
              g_autofree char *sub = NULL;

              g_menu_model_get_item_attribute (submenu, k, G_MENU_ATTRIBUTE_LABEL, "s", &sub);
              g_string_append_printf (items, "> %s;", sub);
            }
        }
    }
  g_assert_nonnull (strstr (items->str, "Acknowledge;"));
  g_assert_nonnull (strstr (items->str, "> In progress;"));
  g_assert_null (strstr (items->str, "Close;"));
  g_assert_null (strstr (items->str, "> New;"));

  /* Someone outside its departments is not offered the acknowledgement. */
  g_clear_object (&menu);
  menu = kefu_board_build_card_menu (card, outsider);
  g_string_truncate (items, 0);
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      for (int j = 0; section != NULL && j < g_menu_model_get_n_items (section); j++)
        {
          g_autofree char *label = NULL;

          g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_LABEL, "s", &label);
          g_string_append_printf (items, "%s;", label);
        }
    }
  g_assert_null (strstr (items->str, "Acknowledge;"));
  g_assert_nonnull (strstr (items->str, "Add Note"));

  /* The Menu key and Shift+F10 run "card.menu": the menu pops up on the card. */
  {
    KefuComplaintCardWidget *widget = find_card_widget (f, id);
    g_autoptr(GPtrArray) popovers = NULL;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (widget), "card.menu", NULL));
    kefu_test_flush ();
    popovers = kefu_test_find_all (GTK_WIDGET (widget), GTK_TYPE_POPOVER_MENU);
    g_assert_cmpuint (popovers->len, ==, 1);
    g_assert_true (gtk_widget_get_visible (popovers->pdata[0]));
    gtk_popover_popdown (popovers->pdata[0]);
    kefu_test_flush ();
  }

  /* What a drag carries: the card itself (id, stage, version, owner, departments). */
  {
    KefuComplaintCardWidget *widget = find_card_widget (f, id);
    GtkEventController *source = NULL;
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (widget));
    g_autoptr(GdkContentProvider) content = NULL;
    GValue value = G_VALUE_INIT;
    g_autoptr(GError) error = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (controllers) && source == NULL; i++)
      {
        g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_DRAG_SOURCE (controller))
          source = controller;
      }
    g_assert_nonnull (source);
    g_signal_emit_by_name (source, "prepare", 10.0, 10.0, &content);
    g_assert_nonnull (content);
    g_value_init (&value, KEFU_TYPE_COMPLAINT_CARD);
    g_assert_true (gdk_content_provider_get_value (content, &value, &error));
    g_assert_no_error (error);
    g_assert_cmpint (kefu_complaint_card_get_id (g_value_get_object (&value)), ==, id);
    g_assert_cmpint (kefu_complaint_card_get_stage (g_value_get_object (&value)), ==,
                     KEFU_COMPLAINT_STAGE_ROUTED);
    g_value_unset (&value);
  }

  /* A screen reader reads the whole card, as at the board's clock. */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    g_autofree char *expected = NULL;
    g_autofree char *mismatch = NULL;
    KefuComplaintCardWidget *widget = find_card_widget (f, id);

    _kefu_complaints_pane_set_clock (f->pane, now);
    expected = kefu_board_describe_card (card, now);
    g_assert_nonnull (strstr (expected, "送奶员态度差"));
    mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                   GTK_ACCESSIBLE_PROPERTY_LABEL, expected);
    g_assert_null (mismatch);
    _kefu_complaints_pane_set_clock (f->pane, NULL);
  }

  /* Cards take the keyboard focus; the card's own action forwards to the pane with its id, and
   * the card keeps the focus in its new column. */
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (find_card_widget (f, id))));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (find_card_widget (f, id))));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (find_card_widget (f, id)), "card.action",
                                             "i", (gint32) KEFU_COMPLAINT_ACTION_ACKNOWLEDGE));
  answer_dialogs (f, &(Answers) { 0 });
  g_assert_cmpint (stage_of (f, id), ==, KEFU_COMPLAINT_STAGE_IN_PROGRESS);
  kefu_test_wait_until (find_card_widget (f, id) != NULL &&
                        gtk_widget_has_focus (GTK_WIDGET (find_card_widget (f, id))));
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (find_card_widget (f, id)),
                                         GTK_WIDGET (_kefu_complaints_pane_get_column (f->pane, KEFU_COMPLAINT_STAGE_IN_PROGRESS))));
}

static void
test_overdue_escalated (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) long_ago = g_date_time_add_days (now, -6);
  g_autoptr(GError) error = NULL;
  KefuComplaintCardWidget *widget;
  GtkLabel *label;
  guint n_escalated = 0;
  gint64 late, fresh;

  add_managers (f);
  /* Routed six days ago, when it was saved, and never acknowledged. */
  kefu_store_set_clock (f->store, long_ago);
  late = save_complaint (f, f->clerk, "刘洋", "13800138001", KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY,
                         FALSE, NULL, "有异味", long_ago);
  kefu_store_set_clock (f->store, NULL);
  fresh = save_complaint (f, f->clerk, "张伟", "13800138002", KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY,
                          FALSE, NULL, "有异味", NULL);
  kefu_store_set_system_actor (f->store);
  g_assert_true (kefu_store_check_complaint_deadlines (f->store, NULL, &n_escalated, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_escalated, >, 0);

  show_pane (f, f->cs_manager);

  widget = find_card_widget (f, late);
  g_assert_nonnull (widget);
  g_assert_nonnull (kefu_complaint_card_widget_get_deadline_text (widget));
  g_assert_true (g_str_has_prefix (kefu_complaint_card_widget_get_deadline_text (widget), "Overdue "));
  /* Red, with the words: never the colour alone. */
  label = find_label (GTK_WIDGET (widget), kefu_complaint_card_widget_get_deadline_text (widget));
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_has_css_class (gtk_widget_get_parent (GTK_WIDGET (label)), "error"));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (label)));
  /* Escalated, and shown so. */
  g_assert_nonnull (kefu_complaint_card_widget_get_escalation_text (widget));
  g_assert_true (g_str_has_prefix (kefu_complaint_card_widget_get_escalation_text (widget), "Escalated: "));
  /* Beside the deadline, the level it went to; the words in its tooltip. */
  label = find_label (GTK_WIDGET (widget),
                      kefu_board_escalation_short_name (kefu_complaint_card_get_escalation (kefu_complaint_card_widget_get_card (widget))));
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (label)));

  /* Counted late above the board and in its column's header. */
  g_assert_nonnull (find_label (kefu_board_summary_get_tile (f->pane->summary, KEFU_COMPLAINT_STAGE_ROUTED), "1 overdue"));
  g_assert_nonnull (find_label (GTK_WIDGET (_kefu_complaints_pane_get_column (f->pane, KEFU_COMPLAINT_STAGE_ROUTED)), "1 overdue"));

  /* The fresh one is green and not escalated. */
  widget = find_card_widget (f, fresh);
  g_assert_nonnull (widget);
  label = find_label (GTK_WIDGET (widget), kefu_complaint_card_widget_get_deadline_text (widget));
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_has_css_class (gtk_widget_get_parent (GTK_WIDGET (label)), "success"));
  g_assert_null (kefu_complaint_card_widget_get_escalation_text (widget));

  /* The minute timer turns it red later without reading anything: a clock a week ahead. */
  {
    g_autoptr(GDateTime) later = g_date_time_add_days (now, 7);

    /* A read the change feed started meanwhile (on a loaded machine a second may have passed
     * since the writes above) ends first; from here on nothing runs between the clock's tick
     * and the checks. */
    kefu_test_wait_until (!f->pane->loading_board);
    _kefu_complaints_pane_set_clock (f->pane, later);
    g_assert_true (g_str_has_prefix (kefu_complaint_card_widget_get_deadline_text (widget), "Overdue "));
    g_assert_true (gtk_widget_has_css_class (gtk_widget_get_parent (GTK_WIDGET (label)), "error"));
    g_assert_false (f->pane->loading_board);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = kefu_test_isolate_data_home ();
  int result;

  /* The assertions read the English strings. */
  g_setenv ("LANGUAGE", "C", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/kefu/complaints-board/texts", test_texts);
  g_test_add ("/kefu/complaints-board/columns", Fixture, NULL,
              fixture_set_up, test_columns, fixture_tear_down);
  g_test_add ("/kefu/complaints-board/empty", Fixture, NULL,
              fixture_set_up, test_empty, fixture_tear_down);
  g_test_add ("/kefu/complaints-board/card-menu", Fixture, NULL,
              fixture_set_up, test_card_menu, fixture_tear_down);
  g_test_add ("/kefu/complaints-board/overdue-escalated", Fixture, NULL,
              fixture_set_up, test_overdue_escalated, fixture_tear_down);

  result = g_test_run ();
  kefu_test_remove_dir (data_home);
  return result;
}
