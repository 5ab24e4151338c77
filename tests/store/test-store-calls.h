/* test-store-calls.h: what the hotline call tests share: a small company (departments, staff
 * in every role the rules use, products) and builders of valid calls. The tests run in
 * Asia/Shanghai time (test-store-calls.c sets TZ before anything reads it).
 */
#pragma once

#include "test-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 cs_department;       /* 客服中心: the CS manager and the clerks */
  gint64 qc_department;       /* 品控部: the QC manager */
  gint64 gm_department;       /* 总经办: the GM office */
  gint64 sales_department;    /* 销售部: the sales and depot admins */
  gint64 clerk;               /* in cs_department */
  gint64 clerk2;              /* in cs_department */
  gint64 team_lead;           /* in cs_department */
  gint64 cs_manager;
  gint64 qc_manager;
  gint64 gm_office;
  gint64 sales_admin;
  gint64 depot_admin;
  gint64 milk;                /* 鲜牛奶 950ml, ¥12.50 */
  gint64 yogurt;              /* 酸奶 200g, ¥4.00 */
} Company;

/* Creates the company in the fixture's store. */
void          test_company_setup        (KefuStore *store, Company *company);
gint64        test_make_department      (KefuStore *store, const char *name);
gint64        test_make_staff           (KefuStore *store, const char *login, KefuRole role,
                                         gint64 department_id, gboolean active);
gint64        test_make_product         (KefuStore *store, const char *name, gint64 price);

/* Valid calls, not yet saved. */
KefuCall     *test_order_call           (const Company *company, gint64 clerk, const char *phone,
                                         const char *district, KefuChannel channel,
                                         GDateTime *received_at);
KefuCall     *test_complaint_call       (const Company *company, gint64 clerk, const char *phone,
                                         KefuComplaintCategory category, gboolean harmed,
                                         GDateTime *received_at);
KefuCall     *test_inquiry_call         (gint64 clerk, const char *phone, gboolean potential_order,
                                         GDateTime *received_at);

/* Saves `call`, asserting success. */
void          test_save_call            (KefuStore *store, KefuCall *call);
/* The text of one value of a query's single row. */
char         *test_query_text           (KefuStore *store, const char *sql, gint64 id);
void          test_assert_date          (const GDate *date, int year, int month, int day);
/* The complaint has exactly the `n` routes given: their departments and roles, in order. */
void          test_assert_routes        (KefuComplaint *complaint, const gint64 departments[],
                                         const KefuRole roles[], guint n);

void          test_store_add_calls_tests     (void);
void          test_store_add_complaint_tests (void);
void          test_store_add_call_list_tests (void);
void          test_store_add_handover_tests  (void);

G_END_DECLS
