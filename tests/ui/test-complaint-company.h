/* test-complaint-company.h: a small dairy for the window helper's complaint tests: departments,
 * staff in them, a product, complaints saved as the intake saves them, and a change made behind
 * the store's back (as another workstation's clock would) to make one overdue.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "store/kefu-store-complaints.h"

#include "../store/kefu-test-company.h"
#include "kefu-ui-test.h"

typedef struct
{
  gint64 cs_department;
  gint64 qc_department;
  gint64 gm_department;
  gint64 marketing_department;
  gint64 clerk;
  gint64 team_lead;
  gint64 cs_manager;
  gint64 qc_manager;
  gint64 gm_office;
  gint64 milk;
} Dairy;

/* The records are made by kefu-test-company.h, which the store tests share; the dairy's staff
 * are all active. */
static inline gint64
dairy_staff (KefuStore  *store,
             const char *name,
             const char *login,
             KefuRole    role,
             gint64      department_id)
{
  return kefu_test_make_staff (store, name, login, role, department_id, TRUE);
}

/* Made as the system actor, as kefuctl init does. */
static inline void
dairy_setup (KefuStore *store,
             Dairy     *dairy)
{
  gint64 actor = kefu_store_get_actor (store);

  kefu_store_set_system_actor (store);
  dairy->cs_department = kefu_test_make_department (store, "客服中心");
  dairy->qc_department = kefu_test_make_department (store, "品控部");
  dairy->gm_department = kefu_test_make_department (store, "总经办");
  dairy->marketing_department = kefu_test_make_department (store, "营销部");
  dairy->clerk = dairy_staff (store, "王芳", "wangfang", KEFU_ROLE_CLERK, dairy->cs_department);
  dairy->team_lead = dairy_staff (store, "赵敏", "zhaomin", KEFU_ROLE_TEAM_LEAD,
                                  dairy->cs_department);
  dairy->cs_manager = dairy_staff (store, "李强", "liqiang", KEFU_ROLE_CS_MANAGER,
                                   dairy->cs_department);
  dairy->qc_manager = dairy_staff (store, "陈静", "chenjing", KEFU_ROLE_QC_MANAGER,
                                   dairy->qc_department);
  dairy->gm_office = dairy_staff (store, "周涛", "zhoutao", KEFU_ROLE_GM_OFFICE,
                                  dairy->gm_department);
  dairy->milk = kefu_test_make_product (store, "鲜牛奶", 1250);
  kefu_store_set_actor (store, actor);
}

/* Saves a complaint call as `actor` (the clerk at intake) and returns its complaint id. */
static inline gint64
dairy_complaint (KefuStore             *store,
                 const Dairy           *dairy,
                 gint64                 actor,
                 const char            *caller,
                 KefuComplaintCategory  category,
                 gboolean               harmed)
{
  g_autoptr(KefuCall) call = kefu_call_new ();
  g_autoptr(KefuComplaint) complaint = kefu_complaint_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  gint64 previous = kefu_store_get_actor (store);
  gint64 id;

  kefu_call_set_kind (call, KEFU_CALL_KIND_COMPLAINT);
  kefu_call_set_caller_name (call, caller);
  kefu_call_set_address (call, "北京市朝阳区建国路88号");
  kefu_call_set_phone (call, "13800138000");
  kefu_call_set_clerk_id (call, dairy->clerk);
  kefu_call_set_received_at (call, now);
  kefu_complaint_set_subject (complaint, "鲜牛奶");
  kefu_complaint_set_reason (complaint, "有异味\n第二行");
  kefu_complaint_set_well_founded (complaint, TRUE);
  kefu_complaint_set_category (complaint, category);
  if (category == KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY)
    {
      kefu_complaint_set_symptom (complaint, KEFU_PRODUCT_SYMPTOM_ODD_SMELL);
      kefu_complaint_set_purchase_method (complaint, "超市购买");
      kefu_complaint_set_purchase_place (complaint, "华联超市");
      kefu_complaint_set_batch_number (complaint, "20261120A");
      kefu_complaint_set_product_id (complaint, dairy->milk);
    }
  else
    {
      kefu_complaint_set_service_issue (complaint, KEFU_SERVICE_ISSUE_LATE_DELIVERY);
      kefu_complaint_set_staff_identity (complaint, "工号 1024");
    }
  kefu_complaint_set_harmed (complaint, harmed);
  kefu_call_set_complaint (call, complaint);

  kefu_store_set_actor (store, actor);
  g_assert_true (kefu_store_save_call (store, call, NULL, &error));
  g_assert_no_error (error);
  kefu_store_set_actor (store, previous);

  id = kefu_store_find_complaint_by_call (store, kefu_record_get_id (KEFU_RECORD (call)), NULL,
                                          &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* Moves the complaint's current deadline into the past (and the stage's start before it), as if
 * it had waited unseen since January. */
static inline void
dairy_make_overdue (const char *path,
                    gint64      complaint_id)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE complaints SET "
                                          "stage_since = '2026-01-05 01:00:00.000Z', "
                                          "due_at = '2026-01-05 03:00:00.000Z' "
                                          "WHERE id = %" G_GINT64_FORMAT, complaint_id);

  kefu_test_exec_sql (path, sql);
}
