/* kefu-service-job.h: a service job (售后服务单) as the store reads it: an installation, a
 * repair (on site or at the factory), a replacement or a return, with the fault report, the
 * warranty and fee, the market-support request (《市场支持申请单》) and its approval, the
 * technician's trip, the factory round trip, and the service feedback form
 * (《售后服务信息反馈单》) that completes it.
 *
 * A record the store fills and readers only read, like KefuShipment (kefu-shipment.h): public
 * fields, UTC times (NULL: not happened), GDate days (invalid: unknown), money in fen, names
 * copied in. Lists fill everything but `progress` (n_progress is always set).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "kefu-types.h"

G_BEGIN_DECLS

/* A progress report while the technician is away (dated notes). */
typedef struct
{
  gint64     id;
  GDateTime *reported_at;
  gint64     reported_by;
  char      *reported_by_name;
  char      *text;
} KefuJobProgress;

void kefu_job_progress_free (KefuJobProgress *progress);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KefuJobProgress, kefu_job_progress_free)

#define KEFU_TYPE_SERVICE_JOB (kefu_service_job_get_type ())
G_DECLARE_FINAL_TYPE (KefuServiceJob, kefu_service_job, KEFU, SERVICE_JOB, GObject)

struct _KefuServiceJob
{
  GObject parent_instance;

  gint64            id;
  gint64            version;
  char             *reference;             /* "SH-20261127-0002" */
  KefuJobKind       kind;
  KefuJobStep       step;
  gint64            customer_id;
  char             *customer_name;
  char             *customer_phone;
  char             *address;
  gint64            call_id;               /* the call that reported it; 0: none */
  gint64            shipment_id;           /* the shipment the product came in; 0: unknown */
  char             *shipment_reference;
  gint64            shipment_line_id;      /* 0: unknown */
  gint64            product_id;            /* 0: unknown */
  char             *product_name;
  char             *serial;                /* 产品编号 */
  guint             warranty_months;       /* the product's, copied when the job was made */

  /* The report or request. */
  KefuJobSource     source;
  gint64            account_manager_id;    /* 业务经理; 0: none */
  char             *account_manager_name;
  GDateTime        *reported_at;
  gint64            reported_by;
  char             *reported_by_name;
  char             *symptoms;              /* 故障现象 (repairs), or what is to be installed */
  char             *phone_answer;          /* what was answered on the phone (一般问题解答) */

  /* The technical department's phone diagnosis (repairs). */
  GDateTime        *diagnosed_at;
  gint64            diagnosed_by;
  char             *diagnosed_by_name;
  char             *diagnosis;

  /* Warranty and fee. */
  KefuWarrantyState warranty;              /* from the serial's ship or installation day */
  GDate             warranty_start;        /* invalid: unknown */
  char             *warranty_reason;       /* set when decided by hand */
  gint64            fee_fen;               /* the fee quoted; 0: none quoted */
  gboolean          fee_agreed;            /* the customer agreed to it */
  GDateTime        *fee_recorded_at;
  char             *fee_note;

  /* Market-support request and approval (field visits). */
  GDateTime        *support_requested_at;
  gint64            support_requested_by;
  char             *support_requested_by_name;
  char             *support_purpose;
  GDateTime        *approved_at;
  gint64            approved_by;
  char             *approved_by_name;
  char             *rejection_reason;      /* the last rejection, if any */

  /* The trip. */
  gint64            technician_id;
  char             *technician_name;
  GDate             agreed_date;           /* agreed with the customer */
  guint             travel_days;           /* 预计出差所需时间, days */
  GDateTime        *dispatched_at;
  GDateTime        *departed_at;
  GDateTime        *returned_at;
  guint             n_progress;
  GPtrArray        *progress;              /* KefuJobProgress, oldest first; NULL in lists */

  /* The factory round trip (factory repairs, returns; replacements use the way back). */
  gint64            out_carrier_id;        /* to the factory */
  char             *out_carrier_name;
  char             *out_waybill;
  GDateTime        *sent_to_factory_at;
  GDateTime        *received_at_factory_at;
  GDateTime        *repaired_at;
  gboolean          replaced;              /* the factory replaced the product */
  char             *repair_note;           /* what the factory found and did */
  gint64            back_carrier_id;       /* back to the customer */
  char             *back_carrier_name;
  char             *back_waybill;
  GDateTime        *sent_back_at;
  GDateTime        *customer_received_at;

  /* The service feedback form (《售后服务信息反馈单》), or the completion. */
  char             *work_done;
  char             *parts_used;
  gboolean          fixed;                 /* the result: solved or not */
  char             *result_note;
  char             *customer_comment;
  GDateTime        *completed_at;
  gint64            completed_by;
  char             *completed_by_name;
  gint64            callback_id;           /* the after-service callback it scheduled; 0: none */
  GDateTime        *callback_due_at;

  GDateTime        *cancelled_at;
  char             *cancel_reason;

  GDateTime        *updated_at;
};

KefuServiceJob *kefu_service_job_new (void);

/* TRUE when the job's kind goes through a field visit (installation, on-site repair). */
gboolean        kefu_job_kind_has_visit   (KefuJobKind kind);
/* TRUE when the job's kind goes to the factory and back (factory repair, return). */
gboolean        kefu_job_kind_has_factory (KefuJobKind kind);

G_END_DECLS
