/* test-store-complaint-board.h: what the complaint board's store tests share: a site (departments,
 * staff in every role the board's rules use, products), complaints saved through
 * kefu_store_save_call () and put in the state a case needs with direct SQL, and six prepared
 * cases. The tests run in Asia/Shanghai time (main () sets TZ).
 */
#pragma once

#include "store/kefu-store-complaints.h"
#include "test-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 cs_department;     /* 客服中心 */
  gint64 qc_department;     /* 品控部 */
  gint64 gm_department;     /* 总经办 */
  gint64 sales_department;  /* 销售部: routed nothing */
  gint64 clerk;             /* 甲 clerk, cs */
  gint64 clerk2;            /* 乙 clerk, cs */
  gint64 lead;              /* cs team lead */
  gint64 qc_lead;           /* a team lead of another department */
  gint64 cs_manager;
  gint64 qc_manager;
  gint64 gm_office;
  gint64 sales_admin;
  gint64 milk;
  gint64 yogurt;
} Site;

typedef struct
{
  gint64                 clerk;
  const char            *caller;
  const char            *phone;
  KefuComplaintCategory  category;     /* UNSPECIFIED: not well founded */
  gboolean               harmed;
  gint64                 product;
  const char            *batch;
  const char            *reason;
  int                    day;          /* of March 2026, 09:00 local */
} Spec;

/* A: 甲's product complaint (milk, AB-1) on the 10th; B: 乙's harmed service complaint on the 11th
 * whose reason holds "50%"; C: 甲's service complaint on the 12th; D: 乙's yogurt complaint with
 * batch "CD-2" and a "_" in its reason on the 13th; E: 甲's milk AB-1 complaint of the 1st,
 * closed two days ago; F: 乙's explained complaint of the 2nd (board_cases_setup ()). */
typedef struct
{
  Site   site;
  gint64 a, b, c, d, e, f;
} Cases;

void        board_site_setup     (KefuStore *store, Site *site);
/* Saves the complaint call of `spec` and returns the complaint's id. */
gint64      board_make_complaint (KefuStore *store, const Spec *spec);
/* Runs `sql`, asserting success. */
void        board_exec           (KefuStore *store, const char *sql, GVariant *params);
/* Sets the deadline (`kind` NULL: none) and the stage's start. */
void        board_set_due        (KefuStore *store, gint64 id, const char *kind, GDateTime *since,
                                  GDateTime *due);
void        board_set_stage      (KefuStore *store, gint64 id, const char *stage);
/* The number in the first column of `sql`, run with `id` as $1. */
gint64      board_count          (KefuStore *store, const char *sql, gint64 id);
void        board_cases_setup    (KefuStore *store, Cases *k);

void        test_store_add_complaint_board_list_tests (void);
void        test_store_add_complaint_board_card_tests (void);
void        test_store_add_complaint_escalation_tests (void);

G_END_DECLS
