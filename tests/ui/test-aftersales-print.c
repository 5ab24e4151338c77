/* test-aftersales-print.c: the printed dispatch note (《发货单》) and service feedback form
 * (《售后服务信息反馈单》): a shipment and a service job taken through their steps on a fresh store
 * are written as PDFs and laid out again for their words: the fields, the Chinese names, the
 * steps and the timeline are on the pages, a long text breaks onto the next page whole, and the
 * PDF has as many pages as the layout says.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-test-aftersales-print"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "aftersales/kefu-aftersales-print-private.h"
#include "core/kefu-enums.h"
#include "store/kefu-store-jobs.h"
#include "store/kefu-store-shipments.h"

#include "../store/kefu-test-company.h"
#include "kefu-print-test.h"
#include "kefu-ui-test.h"

typedef struct
{
  char      *dir;
  KefuStore *store;
  gint64     clerk;       /* 周敏, after-sales desk */
  gint64     finance;     /* 钱会计 */
  gint64     logistics;   /* 孙物流 */
  gint64     gm;          /* 马总 */
  gint64     technician;  /* 梁工 */
  gint64     sales_rep;   /* 李明 */
  gint64     analyser;    /* 全自动生化分析仪 X200 */
  gint64     customer;    /* 华康医院 */
  gint64     sf;          /* 顺丰速运 */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(KefuCustomer) customer = kefu_customer_new ();
  g_autoptr(KefuProduct) analyser = kefu_product_new ();
  g_autoptr(GPtrArray) carriers = NULL;
  g_autoptr(GError) error = NULL;
  const char *phones[] = { "13912345678", NULL };
  gint64 cs, finance, logistics, gm, tech, sales;

  fixture->dir = kefu_test_make_dir ();
  fixture->store = kefu_test_open_store (fixture->dir);
  kefu_store_set_system_actor (fixture->store);
  cs = kefu_test_make_department (fixture->store, "售后服务部");
  finance = kefu_test_make_department (fixture->store, "财务部");
  logistics = kefu_test_make_department (fixture->store, "物流部");
  gm = kefu_test_make_department (fixture->store, "总经办");
  tech = kefu_test_make_department (fixture->store, "技术部");
  sales = kefu_test_make_department (fixture->store, "销售部");
  fixture->clerk = kefu_test_make_staff (fixture->store, "周敏", "zhoumin", KEFU_ROLE_CLERK, cs,
                                         TRUE);
  fixture->finance = kefu_test_make_staff (fixture->store, "钱会计", "qian", KEFU_ROLE_FINANCE,
                                           finance, TRUE);
  fixture->logistics = kefu_test_make_staff (fixture->store, "孙物流", "sun",
                                             KEFU_ROLE_LOGISTICS, logistics, TRUE);
  fixture->gm = kefu_test_make_staff (fixture->store, "马总", "ma", KEFU_ROLE_GM_OFFICE, gm,
                                      TRUE);
  fixture->technician = kefu_test_make_staff (fixture->store, "梁工", "liang",
                                              KEFU_ROLE_TECHNICIAN, tech, TRUE);
  fixture->sales_rep = kefu_test_make_staff (fixture->store, "李明", "liming",
                                             KEFU_ROLE_SALES_REP, sales, TRUE);

  kefu_product_set_name (analyser, "全自动生化分析仪 X200");
  kefu_product_set_unit_price (analyser, 12500000);
  kefu_product_set_warranty_months (analyser, 12);
  kefu_product_set_active (analyser, TRUE);
  g_assert_true (kefu_store_create_product (fixture->store, analyser, NULL, &error));
  g_assert_no_error (error);
  fixture->analyser = kefu_record_get_id (KEFU_RECORD (analyser));

  kefu_customer_set_name (customer, "华康医院");
  kefu_customer_set_address (customer, "江苏省南京市鼓楼区中山路321号检验科");
  kefu_customer_set_phones (customer, phones);
  g_assert_true (kefu_store_create_customer (fixture->store, customer, NULL, &error));
  g_assert_no_error (error);
  fixture->customer = kefu_record_get_id (KEFU_RECORD (customer));

  carriers = kefu_store_list_carriers (fixture->store, FALSE, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < carriers->len; i++)
    if (((KefuCarrier *) carriers->pdata[i])->kind == KEFU_CARRIER_SF)
      fixture->sf = ((KefuCarrier *) carriers->pdata[i])->id;
  g_assert_cmpint (fixture->sf, >, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  kefu_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

static void
set_day (GDate *day,
         int    year,
         int    month,
         int    day_of_month)
{
  g_date_clear (day, 1);
  g_date_set_dmy (day, day_of_month, month, year);
}

/* Requested by the sales rep, paid, the dispatch note issued, handed over and shipped with
 * 顺丰, as each step's role. */
static gint64
make_shipment (Fixture *fixture)
{
  g_autoptr(KefuShipment) request = kefu_shipment_new ();
  g_autoptr(KefuShipment) shipment = NULL;
  g_autoptr(GError) error = NULL;
  KefuShipmentLine *line;
  struct {
    KefuShipmentAction action;
    gint64             actor;
  } steps[] = {
    { KEFU_SHIPMENT_ACTION_CONFIRM_PAYMENT, fixture->finance },
    { KEFU_SHIPMENT_ACTION_ISSUE_DISPATCH, fixture->finance },
    { KEFU_SHIPMENT_ACTION_HAND_OVER, fixture->clerk },
    { KEFU_SHIPMENT_ACTION_SHIP, fixture->logistics },
  };

  request->customer_id = fixture->customer;
  request->account_manager_id = fixture->sales_rep;
  request->notes = g_strdup ("请在周一上午送达,收货人检验科王主任。");
  request->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) kefu_shipment_line_free);
  line = kefu_shipment_line_new ();
  line->product_id = fixture->analyser;
  line->serial = g_strdup ("X200-2026-0815");
  set_day (&line->production_date, 2026, 10, 8);
  line->quantity = 1;
  g_ptr_array_add (request->lines, line);
  line = kefu_shipment_line_new ();
  line->product_id = fixture->analyser;
  line->serial = g_strdup ("X200-2026-0816");
  set_day (&line->production_date, 2026, 10, 9);
  line->quantity = 1;
  g_ptr_array_add (request->lines, line);

  kefu_store_set_actor (fixture->store, fixture->sales_rep);
  shipment = kefu_store_create_shipment (fixture->store, request, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (shipment);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr(KefuShipmentChange) change = kefu_shipment_change_new (steps[i].action,
                                                                       shipment->id,
                                                                       shipment->version);
      KefuShipment *changed;

      change->amount_fen = 3750000000;
      change->dispatch_number = g_strdup ("FD-0042");
      change->carrier_id = fixture->sf;
      change->waybill = g_strdup ("SF1234567890123");
      set_day (&change->ship_date, 2026, 11, 20);
      set_day (&change->expected_arrival, 2026, 11, 23);
      kefu_store_set_actor (fixture->store, steps[i].actor);
      changed = kefu_store_change_shipment (fixture->store, change, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (changed);
      g_object_unref (shipment);
      shipment = changed;
    }
  g_assert_cmpint (shipment->step, ==, KEFU_SHIPMENT_STEP_SHIPPED);
  return shipment->id;
}

static void
change_job (Fixture         *fixture,
            KefuServiceJob **job,
            gint64           actor,
            KefuJobChange   *change)
{
  g_autoptr(KefuJobChange) owned = change;
  g_autoptr(GError) error = NULL;
  KefuServiceJob *changed;

  kefu_store_set_actor (fixture->store, actor);
  changed = kefu_store_change_job (fixture->store, owned, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (changed);
  g_object_unref (*job);
  *job = changed;
}

/* An on-site repair of the analyser: reported, approved by the GM, 梁工 dispatched, away with
 * `n_reports` progress reports, and the feedback form filed with `work_done`. */
static gint64
make_job (Fixture    *fixture,
          guint       n_reports,
          const char *work_done)
{
  g_autoptr(KefuServiceJob) report = kefu_service_job_new ();
  KefuServiceJob *job;
  KefuJobChange *change;
  g_autoptr(GError) error = NULL;
  gint64 id;

  report->kind = KEFU_JOB_KIND_ONSITE_REPAIR;
  report->customer_id = fixture->customer;
  report->source = KEFU_JOB_SOURCE_CUSTOMER_CALL;
  report->product_id = fixture->analyser;
  report->serial = g_strdup ("X200-2026-0815");
  report->symptoms = g_strdup ("开机后试剂盘不转,屏幕提示E-203。");
  kefu_store_set_actor (fixture->store, fixture->clerk);
  job = kefu_store_create_job (fixture->store, report, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (job);

  change = kefu_job_change_new (KEFU_JOB_ACTION_REQUEST_SUPPORT, job->id, job->version);
  change->text = g_strdup ("上门更换试剂盘电机");
  change_job (fixture, &job, fixture->clerk, change);
  change = kefu_job_change_new (KEFU_JOB_ACTION_APPROVE_SUPPORT, job->id, job->version);
  change_job (fixture, &job, fixture->gm, change);
  change = kefu_job_change_new (KEFU_JOB_ACTION_DISPATCH, job->id, job->version);
  change->technician_id = fixture->technician;
  set_day (&change->agreed_date, 2026, 12, 1);
  change->travel_days = 2;
  change_job (fixture, &job, fixture->clerk, change);
  change = kefu_job_change_new (KEFU_JOB_ACTION_DEPART, job->id, job->version);
  change_job (fixture, &job, fixture->technician, change);
  for (guint i = 0; i < n_reports; i++)
    {
      change = kefu_job_change_new (KEFU_JOB_ACTION_REPORT_PROGRESS, job->id, job->version);
      change->text = g_strdup_printf ("第 %u 次进展:已到现场,拆开试剂盘检查电机。", i + 1);
      change_job (fixture, &job, fixture->technician, change);
    }
  change = kefu_job_change_new (KEFU_JOB_ACTION_FILE_FEEDBACK, job->id, job->version);
  change->work_done = g_strdup (work_done);
  change->parts_used = g_strdup ("试剂盘电机 1 个");
  change->fixed = TRUE;
  change->text = g_strdup ("试运行 50 个样本无误");
  change->customer_comment = g_strdup ("梁工服务周到,满意。");
  change_job (fixture, &job, fixture->technician, change);
  g_assert_cmpint (job->step, ==, KEFU_JOB_STEP_COMPLETED);

  id = job->id;
  g_object_unref (job);
  return id;
}

/* Writes the PDF with `to_pdf` and checks that it is one with as many pages as `n_pages`. */
static void
assert_pdf (Fixture    *fixture,
            gboolean  (*to_pdf) (KefuStore *, gint64, const char *, GError **),
            gint64      id,
            guint       n_pages)
{
  g_autofree char *path = g_build_filename (fixture->dir, "form.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_true (to_pdf (fixture->store, id, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_cmpuint (kefu_print_test_count_pages (contents, length), ==, n_pages);
}

/* The print dialog's operation, exported as "Print to File" does, draws as many pages. */
static void
assert_export (Fixture           *fixture,
               KefuPrintDocument *document,
               guint              n_pages)
{
  g_autofree char *path = g_build_filename (fixture->dir, "exported.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_true (kefu_print_document_export (document, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_cmpuint (kefu_print_test_count_pages (contents, length), ==, n_pages);
}

/* Every page's foot names the record and says "Page i of n". */
static void
assert_footers (KefuPrintDocument *document,
                guint              n_pages)
{
  for (guint i = 0; i < n_pages; i++)
    {
      g_autofree char *text = kefu_print_document_page_text (document, i);
      g_autofree char *footer = g_strdup_printf ("%s · Page %u of %u",
                                                 kefu_print_document_get_reference (document),
                                                 i + 1, n_pages);

      g_assert_nonnull (strstr (text, footer));
    }
}

static void
test_dispatch_note (Fixture       *fixture,
                    gconstpointer  data)
{
  gint64 id = make_shipment (fixture);
  g_autoptr(KefuShipment) shipment = kefu_store_get_shipment (fixture->store, id, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KefuPrintDocument) document = NULL;
  g_autofree char *text = NULL;
  g_autofree char *all = NULL;
  g_autoptr(GString) pages = g_string_new (NULL);
  guint n_pages;

  g_assert_nonnull (shipment);
  document = kefu_print_test_lay_out (_kefu_shipment_print_read (fixture->store, id, NULL, &error),
                                      "dispatch-note", &n_pages);
  g_assert_no_error (error);
  g_assert_cmpuint (n_pages, >=, 1);
  assert_pdf (fixture, kefu_shipment_print_to_pdf, id, n_pages);
  assert_export (fixture, document, n_pages);
  assert_footers (document, n_pages);

  /* The form's head, the customer and the payment, on the first page. */
  text = kefu_print_document_page_text (document, 0);
  g_assert_true (g_str_has_prefix (text, "Dispatch Note\n"));
  g_assert_nonnull (strstr (text, shipment->reference));
  g_assert_nonnull (strstr (text, "Dispatch note number\nFD-0042\n"));
  g_assert_nonnull (strstr (text, "Customer\n华康医院\n"));
  g_assert_nonnull (strstr (text, "江苏省南京市鼓楼区中山路321号检验科"));
  g_assert_nonnull (strstr (text, "139 1234 5678"));
  g_assert_nonnull (strstr (text, "Account manager\n李明\n"));
  /* ¥37,500,000.00 received (fen to yuan), confirmed by finance. */
  g_assert_nonnull (strstr (text, "Amount received\n¥37,500,000.00\nConfirmed by\n钱会计\n"));
  /* The product lines with their serials, production dates and quantities, and the total. */
  g_assert_nonnull (strstr (text, "1\n全自动生化分析仪 X200\nX200-2026-0815\n2026-10-08\n1\n"));
  g_assert_nonnull (strstr (text, "2\n全自动生化分析仪 X200\nX200-2026-0816\n2026-10-09\n1\n"));
  g_assert_nonnull (strstr (text, "\nTotal\n\n\n2\n"));
  g_assert_nonnull (strstr (text, "Carrier\n顺丰速运\nWaybill\nSF1234567890123\n"));
  g_assert_nonnull (strstr (text, "Ship date\n2026-11-20\nExpected arrival\n2026-11-23\n"));
  g_assert_nonnull (strstr (text, "请在周一上午送达"));
  g_assert_nonnull (strstr (text, "Finance\nWarehouse\nLogistics\nCustomer's receipt\n"));

  /* The steps with who took them, and the timeline, wherever they fall. */
  for (guint i = 0; i < n_pages; i++)
    {
      g_autofree char *page = kefu_print_document_page_text (document, i);

      g_string_append (pages, page);
    }
  all = g_string_free (g_steal_pointer (&pages), FALSE);
  {
    const KefuShipmentStep taken[] = {
      KEFU_SHIPMENT_STEP_REQUESTED, KEFU_SHIPMENT_STEP_PAYMENT_CONFIRMED,
      KEFU_SHIPMENT_STEP_DISPATCH_ISSUED, KEFU_SHIPMENT_STEP_HANDED_OVER,
      KEFU_SHIPMENT_STEP_SHIPPED,
    };
    const char *by[] = { "李明", "钱会计", "钱会计", "周敏", "孙物流" };

    for (guint i = 0; i < G_N_ELEMENTS (taken); i++)
      {
        g_autofree char *who = kefu_print_who_when (i == 0 ? shipment->requested_at
                                                    : i == 1 ? shipment->payment_confirmed_at
                                                    : i == 2 ? shipment->dispatch_issued_at
                                                    : i == 3 ? shipment->handed_over_at
                                                    : shipment->shipped_at, NULL);
        g_autofree char *row = g_strdup_printf ("\n%s\n%s\n%s\n",
                                                kefu_shipment_step_get_display_name (taken[i]),
                                                who, by[i]);

        g_assert_nonnull (strstr (all, row));
      }
    /* Delivered was not: no row for it in the steps. */
    {
      const char *delivered = kefu_shipment_step_get_display_name (KEFU_SHIPMENT_STEP_DELIVERED);
      g_autofree char *row = g_strdup_printf ("\n%s\n2026", delivered);

      g_assert_null (strstr (all, row));
    }
  }
  g_assert_nonnull (strstr (all, "Time\nBy\nEvent\nDetails\n"));
  g_assert_nonnull (strstr (all, "SF1234567890123"));
}

static void
test_missing (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "none.pdf", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (kefu_shipment_print_to_pdf (fixture->store, 4242, path, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (kefu_job_print_to_pdf (fixture->store, 4242, path, &error));
  g_assert_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* Printing a record that is not there (deleted behind the page's back) reads it on the store's
 * worker and says so over the window, naming the form and the store's reason, instead of
 * opening the print dialog. */
static void
assert_print_refused (Fixture    *fixture,
                      void      (*print) (GtkWindow *, KefuStore *, gint64),
                      const char *failure)
{
  GtkWidget *window = adw_window_new ();
  AdwDialog *dialog;
  const char *body;

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  gtk_window_present (GTK_WINDOW (window));
  print (GTK_WINDOW (window), fixture->store, 4242);
  kefu_test_wait_until (adw_window_get_visible_dialog (ADW_WINDOW (window)) != NULL);
  dialog = adw_window_get_visible_dialog (ADW_WINDOW (window));
  g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
  g_assert_cmpstr (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (dialog)), ==, "Could Not Print");
  body = adw_alert_dialog_get_body (ADW_ALERT_DIALOG (dialog));
  g_assert_true (g_str_has_prefix (body, failure));
  g_assert_nonnull (strstr (body, "no longer exists"));
  adw_dialog_force_close (dialog);
  gtk_window_destroy (GTK_WINDOW (window));
  kefu_test_flush ();
}

static void
test_print_missing (Fixture       *fixture,
                    gconstpointer  data)
{
  assert_print_refused (fixture, kefu_shipment_print, "The dispatch note could not be printed.");
  assert_print_refused (fixture, kefu_job_print, "The service feedback form could not be printed.");
}

/* The text of the cell after `label` on `page`'s words (cells are a line each). */
static char *
cell_after (const char *page,
            const char *label)
{
  g_autofree char *needle = g_strdup_printf ("%s\n", label);
  const char *start = strstr (page, needle);
  const char *end;

  if (start == NULL)
    return NULL;
  start += strlen (needle);
  end = strchr (start, '\n');
  return g_strndup (start, end - start);
}

static void
test_feedback_form (Fixture       *fixture,
                    gconstpointer  data)
{
  gint64 id;
  g_autoptr(KefuServiceJob) job = NULL;
  g_autoptr(KefuPrintDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *last = NULL;
  guint n_pages;

  make_shipment (fixture);
  id = make_job (fixture, 2, "更换试剂盘电机,校准光路。");
  job = kefu_store_get_job (fixture->store, id, NULL, NULL);
  g_assert_nonnull (job);
  document = kefu_print_test_lay_out (_kefu_job_print_read (fixture->store, id, NULL, &error),
                                      "feedback-form", &n_pages);
  g_assert_no_error (error);
  assert_pdf (fixture, kefu_job_print_to_pdf, id, n_pages);
  assert_footers (document, n_pages);

  text = kefu_print_document_page_text (document, 0);
  g_assert_true (g_str_has_prefix (text, "Service Feedback Form\n"));
  g_assert_nonnull (strstr (text, job->reference));
  {
    const char *onsite = kefu_job_kind_get_display_name (KEFU_JOB_KIND_ONSITE_REPAIR);
    const char *in_warranty = kefu_warranty_state_get_display_name (KEFU_WARRANTY_IN);
    g_autofree char *kind = g_strdup_printf ("Service\n%s\n", onsite);
    g_autofree char *warranty = g_strdup_printf ("Warranty\n%s\n", in_warranty);

    g_assert_nonnull (strstr (text, kind));
    g_assert_nonnull (strstr (text, warranty));
  }
  g_assert_nonnull (strstr (text, "Customer\n华康医院\n"));
  g_assert_nonnull (strstr (text, "Product\n全自动生化分析仪 X200\nProduct number\nX200-2026-0815\n"));
  g_assert_nonnull (strstr (text, "开机后试剂盘不转"));
  g_assert_nonnull (strstr (text, "Technician\n梁工\nAgreed date\n2026-12-01\n"));
  g_assert_nonnull (strstr (text, "Travel days\n2 days\n"));
  g_assert_nonnull (strstr (text, "马总"));
  g_assert_nonnull (strstr (text, "Work done\n更换试剂盘电机,校准光路。\n"));
  g_assert_nonnull (strstr (text, "Parts used\n试剂盘电机 1 个\n"));
  g_assert_nonnull (strstr (text, "Result\nSolved\n"));
  g_assert_nonnull (strstr (text, "Customer's comment\n梁工服务周到,满意。\n"));
  g_assert_nonnull (strstr (text, "Technician's signature\nCustomer's signature\n"));
  {
    g_autofree char *departed = cell_after (text, "Departure");
    g_autofree char *returned = cell_after (text, "Return");

    g_assert_nonnull (departed);
    g_assert_true (g_str_has_prefix (departed, "20"));
    g_assert_nonnull (returned);
    g_assert_true (g_str_has_prefix (returned, "20"));
  }

  /* The progress reports and the timeline follow, the feedback filed last. */
  last = kefu_print_document_page_text (document, n_pages - 1);
  {
    g_autoptr(GString) all = g_string_new (NULL);

    for (guint i = 0; i < n_pages; i++)
      {
        g_autofree char *page = kefu_print_document_page_text (document, i);

        g_string_append (all, page);
      }
    g_assert_nonnull (strstr (all->str, "When\nBy\nReport\n"));
    g_assert_nonnull (strstr (all->str, "第 1 次进展"));
    g_assert_nonnull (strstr (all->str, "第 2 次进展"));
    g_assert_nonnull (strstr (all->str, "Time\nBy\nEvent\nDetails\n"));
  }
  g_assert_nonnull (strstr (last, "梁工"));
}

/* A factory repair's form shows the round trip (carriers, waybills, what the factory did) and no
 * visit. */
static void
test_factory_repair (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(KefuServiceJob) report = kefu_service_job_new ();
  g_autoptr(KefuPrintDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *sent = NULL;
  g_autofree char *back = NULL;
  KefuServiceJob *job;
  KefuJobChange *change;
  guint n_pages;

  make_shipment (fixture);
  report->kind = KEFU_JOB_KIND_FACTORY_REPAIR;
  report->customer_id = fixture->customer;
  report->source = KEFU_JOB_SOURCE_CUSTOMER_CALL;
  report->product_id = fixture->analyser;
  report->serial = g_strdup ("X200-2026-0816");
  report->symptoms = g_strdup ("光源灯不亮");
  kefu_store_set_actor (fixture->store, fixture->clerk);
  job = kefu_store_create_job (fixture->store, report, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (job);

  change = kefu_job_change_new (KEFU_JOB_ACTION_SEND_TO_FACTORY, job->id, job->version);
  change->carrier_id = fixture->sf;
  change->waybill = g_strdup ("SF7654321098765");
  change_job (fixture, &job, fixture->clerk, change);
  change = kefu_job_change_new (KEFU_JOB_ACTION_RECEIVE_AT_FACTORY, job->id, job->version);
  change_job (fixture, &job, fixture->technician, change);
  change = kefu_job_change_new (KEFU_JOB_ACTION_RECORD_REPAIR, job->id, job->version);
  change->text = g_strdup ("更换光源模块,老化测试 24 小时");
  change->replaced = FALSE;
  change_job (fixture, &job, fixture->technician, change);
  change = kefu_job_change_new (KEFU_JOB_ACTION_SEND_BACK, job->id, job->version);
  change->carrier_id = fixture->sf;
  change->waybill = g_strdup ("SF7654321098766");
  change_job (fixture, &job, fixture->clerk, change);
  change = kefu_job_change_new (KEFU_JOB_ACTION_CONFIRM_RECEIPT, job->id, job->version);
  change->receipt_method = KEFU_RECEIPT_METHOD_PHONE;
  change_job (fixture, &job, fixture->clerk, change);
  g_assert_cmpint (job->step, ==, KEFU_JOB_STEP_COMPLETED);

  document = kefu_print_test_lay_out (_kefu_job_print_read (fixture->store, job->id, NULL,
                                                            &error),
                                      "factory-repair", &n_pages);
  g_assert_no_error (error);
  assert_pdf (fixture, kefu_job_print_to_pdf, job->id, n_pages);
  text = kefu_print_document_page_text (document, 0);
  sent = cell_after (text, "Sent to factory");
  back = cell_after (text, "Sent back");
  g_assert_nonnull (sent);
  g_assert_true (g_str_has_suffix (sent, "顺丰速运, SF7654321098765"));
  g_assert_nonnull (back);
  g_assert_true (g_str_has_suffix (back, "顺丰速运, SF7654321098766"));
  g_assert_nonnull (strstr (text, "Factory's note\n更换光源模块,老化测试 24 小时\n"));
  g_assert_nonnull (strstr (text, "Replaced\nNo\n"));
  g_assert_nonnull (strstr (text, "Result\nSolved\n"));
  g_assert_null (strstr (text, "Technician\n"));
  g_assert_null (strstr (text, "Travel days\n"));
  g_object_unref (job);
}

/* A feedback form whose work done fills more than a page: the text breaks between its lines and
 * goes on at the top of the next page, every character once and in order. */
static void
test_long_text (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GString) work = g_string_new (NULL);
  g_autoptr(KefuPrintDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) joined = g_string_new (NULL);
  g_autofree char *first = NULL;
  g_autofree char *ending = NULL;
  guint n_pages;
  gint64 id;

  for (guint i = 1; i <= 60; i++)
    g_string_append_printf (work, "第%u步:拆下试剂盘护罩,检查电机接线与传感器,清洁光路后重新装好。", i);
  g_assert_cmpuint (g_utf8_strlen (work->str, -1), <=, 4000);

  make_shipment (fixture);
  id = make_job (fixture, 1, work->str);
  document = kefu_print_test_lay_out (_kefu_job_print_read (fixture->store, id, NULL, &error),
                                      "long-text", &n_pages);
  g_assert_no_error (error);
  g_assert_cmpuint (n_pages, >=, 2);
  assert_pdf (fixture, kefu_job_print_to_pdf, id, n_pages);
  assert_export (fixture, document, n_pages);
  assert_footers (document, n_pages);

  /* It starts on the first page, under its label... */
  first = kefu_print_document_page_text (document, 0);
  {
    g_autofree char *part = cell_after (first, "Work done");

    g_assert_nonnull (part);
    g_assert_true (g_str_has_prefix (part, "第1步:"));
    g_assert_cmpuint (strlen (part), <, work->len);
    g_string_append (joined, part);
  }
  /* ...and goes on at the top of the next ones (the label's box empty there), until it ends. */
  for (guint i = 1; i < n_pages && joined->len < work->len; i++)
    {
      g_autofree char *page = kefu_print_document_page_text (document, i);
      g_autofree char *part = NULL;

      g_assert_true (g_str_has_prefix (page, "\n"));
      part = g_strndup (page + 1, strchr (page + 1, '\n') - (page + 1));
      g_assert_cmpuint (strlen (part), >, 0);
      g_string_append (joined, part);
      g_free (ending);
      ending = g_steal_pointer (&page);
    }
  g_assert_cmpstr (joined->str, ==, work->str);
  g_assert_nonnull (ending);
  /* What follows it is on the page where it ends. */
  g_assert_nonnull (strstr (ending, "Parts used\n试剂盘电机 1 个\n"));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = kefu_test_isolate_data_home ();
  int result;

  /* The assertions read the English strings. */
  kefu_test_choose_language (FALSE);
  gtk_test_init (&argc, &argv, NULL);
  kefu_test_choose_language (TRUE);
  adw_init ();

  g_test_add ("/kefu/aftersales-print/dispatch-note", Fixture, NULL,
              fixture_set_up, test_dispatch_note, fixture_tear_down);
  g_test_add ("/kefu/aftersales-print/feedback-form", Fixture, NULL,
              fixture_set_up, test_feedback_form, fixture_tear_down);
  g_test_add ("/kefu/aftersales-print/factory-repair", Fixture, NULL,
              fixture_set_up, test_factory_repair, fixture_tear_down);
  g_test_add ("/kefu/aftersales-print/long-text", Fixture, NULL,
              fixture_set_up, test_long_text, fixture_tear_down);
  g_test_add ("/kefu/aftersales-print/missing", Fixture, NULL,
              fixture_set_up, test_missing, fixture_tear_down);
  g_test_add ("/kefu/aftersales-print/print-missing", Fixture, NULL,
              fixture_set_up, test_print_missing, fixture_tear_down);

  result = g_test_run ();
  kefu_test_remove_dir (data_home);
  return result;
}
