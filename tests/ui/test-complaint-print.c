/* test-complaint-print.c: the printed complaint record: a PDF is written with the form's
 * words on it, and a long timeline takes more pages, its table's header repeated on each.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-test-complaint-print"

#include "config.h"


#include <glib/gi18n.h>

#include <string.h>

#include "complaints/kefu-complaint-print-private.h"
#include "store/kefu-store-complaints.h"

#include "../store/kefu-test-company.h"
#include "kefu-print-test.h"
#include "kefu-ui-test.h"

typedef struct
{
  char      *dir;
  KefuStore *store;
  gint64     clerk;
  gint64     complaint;
  char      *reference;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(KefuCall) call = kefu_call_new ();
  g_autoptr(KefuComplaint) complaint = kefu_complaint_new ();
  g_autoptr(KefuProduct) milk = kefu_product_new ();
  g_autoptr(GDateTime) received = g_date_time_new_utc (2026, 11, 2, 1, 30, 0);
  g_autoptr(GError) error = NULL;
  GDate produced;
  gint64 cs, qc, gm;

  fixture->dir = kefu_test_make_dir ();
  fixture->store = kefu_test_open_store (fixture->dir);
  kefu_store_set_system_actor (fixture->store);
  cs = kefu_test_make_department (fixture->store, "客服中心");
  qc = kefu_test_make_department (fixture->store, "品控部");
  gm = kefu_test_make_department (fixture->store, "总经办");
  fixture->clerk = kefu_test_make_staff (fixture->store, "周敏", "zhoumin", KEFU_ROLE_CLERK, cs,
                                         TRUE);
  kefu_test_make_staff (fixture->store, "李经理", "li", KEFU_ROLE_CS_MANAGER, cs, TRUE);
  kefu_test_make_staff (fixture->store, "王品控", "wang", KEFU_ROLE_QC_MANAGER, qc, TRUE);
  kefu_test_make_staff (fixture->store, "赵主任", "zhao", KEFU_ROLE_GM_OFFICE, gm, TRUE);
  kefu_product_set_name (milk, "鲜牛奶");
  kefu_product_set_unit_price (milk, 1250);
  kefu_product_set_active (milk, TRUE);
  g_assert_true (kefu_store_create_product (fixture->store, milk, NULL, &error));
  g_assert_no_error (error);
  kefu_store_set_actor (fixture->store, fixture->clerk);

  kefu_call_set_kind (call, KEFU_CALL_KIND_COMPLAINT);
  kefu_call_set_caller_name (call, "张三");
  kefu_call_set_address (call, "北京市朝阳区建国路88号3单元502");
  kefu_call_set_phone (call, "13800138000");
  kefu_call_set_clerk_id (call, fixture->clerk);
  kefu_call_set_received_at (call, received);
  g_date_clear (&produced, 1);
  g_date_set_dmy (&produced, 30, G_DATE_OCTOBER, 2026);
  kefu_complaint_set_subject (complaint, "鲜牛奶 950ml");
  kefu_complaint_set_reason (complaint, "打开后有明显异味,孩子喝了一口就吐了。");
  kefu_complaint_set_well_founded (complaint, TRUE);
  kefu_complaint_set_category (complaint, KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY);
  kefu_complaint_set_symptom (complaint, KEFU_PRODUCT_SYMPTOM_ODD_SMELL);
  kefu_complaint_set_purchase_method (complaint, "超市购买");
  kefu_complaint_set_purchase_place (complaint, "华联超市");
  kefu_complaint_set_batch_number (complaint, "20261101A");
  kefu_complaint_set_production_date (complaint, &produced);
  kefu_complaint_set_product_id (complaint, kefu_record_get_id (KEFU_RECORD (milk)));
  kefu_call_set_complaint (call, complaint);
  g_assert_true (kefu_store_save_call (fixture->store, call, NULL, &error));
  g_assert_no_error (error);

  fixture->complaint = kefu_store_find_complaint_by_call (fixture->store,
                                                          kefu_record_get_id (KEFU_RECORD (call)),
                                                          NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fixture->complaint, >, 0);
  fixture->reference = g_strdup (kefu_call_get_reference (call));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  kefu_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->reference);
}

static void
add_notes (Fixture *fixture,
           guint    n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KefuComplaintCard) card = kefu_store_get_complaint_card (fixture->store, fixture->complaint,
                                                                         NULL, NULL);
      g_autoptr(KefuComplaintChange) change = NULL;
      g_autoptr(KefuComplaintCard) changed = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_nonnull (card);
      change = kefu_complaint_change_new (KEFU_COMPLAINT_ACTION_ADD_NOTE, fixture->complaint,
                                          kefu_complaint_card_get_version (card));
      change->text = g_strdup_printf ("第 %u 次联系客户:客户要求退货并赔偿,已转品控部核实批次。", i + 1);
      changed = kefu_store_change_complaint (fixture->store, change, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (changed);
    }
}

/* The document laid out as the PDF is, for its words (and drawn as `name` with
 * KEFU_TEST_PRINT_PNG set). */
static KefuPrintDocument *
read_document (Fixture    *fixture,
               const char *name,
               guint      *n_pages)
{
  g_autoptr(GError) error = NULL;
  KefuPrintDocument *document = _kefu_complaint_print_read (fixture->store, fixture->complaint,
                                                            NULL, &error);

  g_assert_no_error (error);
  return kefu_print_test_lay_out (document, name, n_pages);
}

static void
write_pdf (Fixture  *fixture,
           char    **contents,
           gsize    *length)
{
  g_autofree char *path = g_build_filename (fixture->dir, "record.pdf", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (kefu_complaint_print_to_pdf (fixture->store, fixture->complaint, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, contents, length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (*length, >, 2000);
  g_assert_true (g_str_has_prefix (*contents, "%PDF-"));
}

static void
test_pdf (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *contents = NULL;
  g_autoptr(KefuPrintDocument) document = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  gsize length;
  guint n_pages;

  add_notes (fixture, 2);
  write_pdf (fixture, &contents, &length);
  document = read_document (fixture, "short", &n_pages);
  g_assert_cmpuint (n_pages, >=, 1);
  g_assert_cmpuint (kefu_print_test_count_pages (contents, length), ==, n_pages);

  /* The form's title, its number and what the clerk wrote down, on the first page. */
  first = kefu_print_document_page_text (document, 0);
  g_assert_nonnull (strstr (first, "Complaint Call Record"));
  g_assert_nonnull (strstr (first, fixture->reference));
  g_assert_nonnull (strstr (first, "张三"));
  g_assert_nonnull (strstr (first, "北京市朝阳区建国路88号3单元502"));
  g_assert_nonnull (strstr (first, "打开后有明显异味"));
  g_assert_nonnull (strstr (first, "20261101A"));
  g_assert_nonnull (strstr (first, "2026-10-30"));
  g_assert_nonnull (strstr (first, "超市购买, 华联超市"));
  g_assert_nonnull (strstr (first, "周敏"));
  /* Routed to the product-quality departments. */
  g_assert_nonnull (strstr (first, "品控部"));

  /* The timeline ends with the notes. */
  last = kefu_print_document_page_text (document, n_pages - 1);
  g_assert_nonnull (strstr (last, "第 2 次联系客户"));
  {
    g_autofree char *footer = g_strdup_printf ("%s · Page %u of %u", fixture->reference, n_pages, n_pages);

    g_assert_nonnull (strstr (last, footer));
  }
}

static void
test_long_timeline (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *short_pdf = NULL;
  g_autofree char *long_pdf = NULL;
  g_autoptr(KefuPrintDocument) document = NULL;
  gsize short_length, long_length;
  guint short_pages, long_pages, n_pages;

  write_pdf (fixture, &short_pdf, &short_length);
  short_pages = kefu_print_test_count_pages (short_pdf, short_length);

  add_notes (fixture, 80);
  write_pdf (fixture, &long_pdf, &long_length);
  long_pages = kefu_print_test_count_pages (long_pdf, long_length);
  g_assert_cmpuint (long_pages, >, short_pages);
  g_assert_cmpuint (long_pages, >=, 3);

  document = read_document (fixture, "long", &n_pages);
  g_assert_cmpuint (n_pages, ==, long_pages);

  /* Every page after the first that goes on with the timeline starts with its header, and every
   * note is on some page, once. */
  for (guint i = 1; i < n_pages; i++)
    {
      g_autofree char *text = kefu_print_document_page_text (document, i);
      g_autofree char *footer = g_strdup_printf ("Page %u of %u", i + 1, n_pages);

      g_assert_true (g_str_has_prefix (text, "Time\nBy\nEvent\nDetails\n"));
      g_assert_nonnull (strstr (text, footer));
    }
  for (guint note = 1; note <= 80; note++)
    {
      g_autofree char *needle = g_strdup_printf ("第 %u 次联系客户", note);
      guint found = 0;

      for (guint i = 0; i < n_pages; i++)
        {
          g_autofree char *text = kefu_print_document_page_text (document, i);

          if (strstr (text, needle) != NULL)
            found++;
        }
      g_assert_cmpuint (found, ==, 1);
    }
}

static void
test_missing (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "none.pdf", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (kefu_complaint_print_to_pdf (fixture->store, fixture->complaint + 1000, path, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = kefu_test_isolate_data_home ();
  int result;

  /* The assertions read the English strings (KEFU_TEST_LOCALEDIR: pictures in $LANG). */
  kefu_test_choose_language (FALSE);
  gtk_test_init (&argc, &argv, NULL);
  kefu_test_choose_language (TRUE);
  adw_init ();

  g_test_add ("/kefu/complaint-print/pdf", Fixture, NULL,
              fixture_set_up, test_pdf, fixture_tear_down);
  g_test_add ("/kefu/complaint-print/long-timeline", Fixture, NULL,
              fixture_set_up, test_long_timeline, fixture_tear_down);
  g_test_add ("/kefu/complaint-print/missing", Fixture, NULL,
              fixture_set_up, test_missing, fixture_tear_down);

  result = g_test_run ();
  kefu_test_remove_dir (data_home);
  return result;
}
