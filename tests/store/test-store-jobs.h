/* test-store-jobs.h: what the service-job store tests share: a company with an after-sales desk
 * (the call tests' company, technicians, a sales rep and an analyser with a year's warranty),
 * customers, a shipped serial (written straight into the tables, so that these tests do not
 * depend on the shipment writes), opening a job and changing it as a given staff member.
 */
#pragma once

#include "store/kefu-store-jobs.h"
#include "test-store-calls.h"

G_BEGIN_DECLS

typedef struct
{
  Company co;
  gint64  technician;    /* 梁工 */
  gint64  technician2;   /* 王工 */
  gint64  sales_rep;
  gint64  analyser;      /* 分析仪 X200, 12 months' warranty */
  gint64  centrifuge;    /* 离心机, 24 months' warranty */
  gint64  customer;      /* 华康医院 */
  gint64  customer2;     /* 仁和诊所 */
  gint64  sf;            /* the carrier 顺丰速运 */
} JobsCo;

/* The company in `store`, acting as the system actor. */
void            tj_setup          (KefuStore *store, JobsCo *jc);
gint64          tj_customer       (KefuStore *store, const char *name, const char *phone);
/* A shipment of `quantity` × `product` with `serial` to `customer`, shipped on `ship_date`
 * ("YYYY-MM-DD", NULL: not shipped yet) by the system actor; returns the line's id.
 * `shipment_id` (nullable) gets the shipment's. */
gint64          tj_ship           (KefuStore *store, const JobsCo *jc, gint64 customer,
                                   gint64 product, const char *serial, guint quantity,
                                   const char *ship_date, const char *requested_at,
                                   gint64 *shipment_id);
/* Opens a job of `kind` for `customer` as `actor` (the product, serial and symptoms given or
 * NULL/0), asserting success. */
KefuServiceJob *tj_create         (KefuStore *store, gint64 actor, KefuJobKind kind,
                                   gint64 customer, gint64 product, const char *serial,
                                   const char *symptoms);
/* A change of `action` on `job` at its version, with `text`. */
KefuJobChange  *tj_change         (KefuServiceJob *job, KefuJobAction action, const char *text);
/* Applies `change` as `actor`, asserting success and exactly one new version; `job` is
 * replaced by what the store read back. */
void            tj_apply          (KefuStore *store, gint64 actor, KefuServiceJob **job,
                                   KefuJobChange *change);
/* Applies `change` as `actor`, asserting the refusal `code` and that nothing was written.
 * Returns the message (transfer full). */
char           *tj_refused        (KefuStore *store, gint64 actor, KefuJobChange *change,
                                   KefuStoreError code);
/* The details of the newest event `action` on the job; NULL when none. */
char           *tj_event          (KefuStore *store, gint64 job_id, const char *action);
void            tj_assert_day     (const GDate *day, int year, int month, int day_of_month);
/* Sets the store's clock to a local time (Asia/Shanghai). */
void            tj_clock          (KefuStore *store, int year, int month, int day, int hour,
                                   int minute);

void            test_store_add_job_walk_tests (void);
void            test_store_add_job_list_tests (void);
void            test_store_add_archive_tests  (void);

G_END_DECLS
