/* kefu-store-calls-bulk-private.h: what the files of the calls' bulk load share
 * (kefu-store-calls-bulk.c, kefu-store-calls-bulk-prepare.c, kefu-store-calls-bulk-rows.c): the
 * load as it will be stored, and the steps each file does.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kefu-store-calls-bulk.h"
#include "kefu-store-calls-private.h"

G_BEGIN_DECLS

/* References have at least this many digits ("DH-20261127-0001"). */
#define KEFU_BULK_REFERENCE_SHORT_DIGITS 4

/* A call of the load as it will be stored. */
typedef struct
{
  /* What is bound: the caller's call, or where its text needed normalising, a normalised copy
   * of it (then `original` is the caller's and `before` a plain copy of it, to give the changes
   * back). */
  KefuCall            *call;
  KefuCall            *original;
  KefuCall            *before;
  KefuCallKind         kind;
  guint                detail;            /* position among the load's calls of its kind */
  guint32              day;               /* local day received, YYYYMMDD */
  char                 received[32];
  char                 reference[40];
  const char          *summary;           /* the call's, or built here */
  const char          *phone;             /* normalised */
  /* Orders */
  const char          *delivery_address;
  const char          *district;
  char                 handover_date[16];
  gboolean             handover_decided;  /* the date was decided here, not given */
  gboolean             out_of_area;
  gint                 converts;          /* the lead row of this load it converts, or -1 */
  /* Complaints */
  const char          *batch_number;
  const char          *batch_key;         /* kefu_batch_number_key(), NULL without a batch */
  KefuComplaintStage   stage;             /* decided in the transaction */
  guint                progress;          /* its KefuBulkProgress + 1, 0 when none */
  /* Inquiries */
  gint                 lead;              /* its lead row, or -1 */
} KefuBulkCall;

/* A lead the load creates, for an inquiry with a potential order. */
typedef struct
{
  guint          call;        /* the inquiry call */
  KefuLeadState  state;
  gint           order;       /* CONVERTED: the order call; else -1 */
  char           closed_at[32];
  gint64         closed_by;
  const char    *note;
} KefuBulkLead;

/* What happened to a complaint after the call (KefuCallBulkComplaint), its times as stored text
 * ("" for none) and its text in the load's strings. */
typedef struct
{
  KefuComplaintStage     stage;
  char                   stage_since[32];
  char                   routed_at[32];
  char                   acknowledged_at[32];
  gint64                 acknowledged_by;
  char                   resolved_at[32];
  char                   resolve_due_at[32];
  char                   called_back_at[32];
  char                   closed_at[32];
  KefuComplaintDeadline  due_kind;
  char                   due_at[32];
  KefuEscalationLevel    escalation_level;
  char                   escalated_at[32];
  const char            *resolution;
  KefuSatisfaction       satisfaction;
  const char            *customer_words;
  const char            *visitors;
  char                   visited_at[32];
  const char            *visit_outcome;
  gint64                 visit_recorded_by;
} KefuBulkProgress;

/* A batch alert of the load. */
typedef struct
{
  guint        call;
  guint        count;
  char         first_at[32];
  char         acknowledged_at[32];
  gint64       acknowledged_by;
  const char  *note;
} KefuBulkAlert;

typedef struct
{
  gint64    department_id;
  KefuRole  role;
  gint64    member_id;      /* an active member of that role in the department */
} KefuBulkRoute;

typedef struct
{
  guint   cutoff;   /* minutes after local midnight */
  GStrv   areas;    /* service areas; empty: everywhere */
} KefuBulkRules;

/* A load (KefuCallsBulk in the public header). */
struct _KefuCallsBulk
{
  KefuBulkCall     *calls;
  guint             n_calls;
  GArray           *orders;       /* guint: call indexes of each kind, in order */
  GArray           *complaints;
  GArray           *inquiries;
  GArray           *leads;        /* KefuBulkLead */
  GArray           *progress;     /* KefuBulkProgress */
  GArray           *alerts;       /* KefuBulkAlert */
  guint             n_visits;
  GStringChunk     *strings;      /* text made here: summaries, normalised values */
  /* The local time zone, looked up once: g_date_time_to_local() looks it up on every call,
   * which cost more than the rest of preparing a call. */
  GTimeZone        *tz;
  char             *now;
  guint             n_lines;
  gboolean          inserted;

  /* Decided in the transaction (and reset when it is retried). */
  KefuStoreBackend  backend;
  KefuBulkRules     rules;
  gint64            first_call, first_order, first_line, first_complaint, first_route,
                    first_inquiry, first_lead, first_visit, first_alert;
  GArray           *routes;       /* KefuBulkRoute, complaint by complaint */
  GArray           *route_ends;   /* guint per complaint: the end of its routes in `routes` */
  GHashTable       *department_names;  /* gint64 id → name */
};
typedef struct _KefuCallsBulk KefuBulkLoad;

/* Preparing (kefu-store-calls-bulk-prepare.c): everything that does not depend on the
 * database, before the transaction. */
void          _kefu_bulk_set_invalid       (GError                 **error,
                                            const char              *message);
/* One sentence for translators, with the position and the reason together. */
void          _kefu_bulk_set_call_invalid  (GError                 **error,
                                            guint                    index,
                                            guint                    n_calls,
                                            const char              *reason);
/* "YYYY-MM-DD HH:MM:SS.SSSZ" (as kefu_time_to_db() writes it) and "YYYY-MM-DD", without
 * allocating. */
void          _kefu_bulk_time_to_text      (GDateTime               *time,
                                            char                     out[32]);
void          _kefu_bulk_date_to_text      (const GDate             *date,
                                            char                     out[16]);
/* The cut-off and service areas, as kefu_store_save_call() reads them: in the transaction. */
gboolean      _kefu_bulk_read_rules        (KefuStore               *self,
                                            KefuBulkRules           *rules,
                                            GCancellable            *cancellable,
                                            GError                 **error);
/* Checks call `index` of the load and works out what does not depend on the database. */
gboolean      _kefu_bulk_prepare_call      (KefuBulkLoad            *load,
                                            guint                    index,
                                            KefuCall                *call,
                                            GDateTime               *now,
                                            GError                 **error);
/* Applies `leads` (what became of the leads of this load) to the lead rows. */
gboolean      _kefu_bulk_prepare_leads     (KefuBulkLoad            *load,
                                            const KefuCallBulkLead  *leads,
                                            guint                    n_leads,
                                            GError                 **error);

/* The rows (kefu-store-calls-bulk-rows.c), inside the transaction, once the ids, references
 * and routes are decided. */
/* Inserts every table of the load through the backend's bulk path. */
gboolean      _kefu_bulk_insert_tables     (KefuStore               *self,
                                            KefuBulkLoad            *load,
                                            GCancellable            *cancellable,
                                            GError                 **error);
/* Row values: an id (0: NULL), and a time (NULL: NULL) as stored text in `buffer`, which must
 * stay valid until the row is bound. Shared with the after-sales bulk load. */
void          _kefu_bulk_set_id            (KefuStoreValue          *value,
                                            gint64                   id);
void          _kefu_bulk_set_time          (KefuStoreValue          *value,
                                            GDateTime               *time,
                                            char                     buffer[32]);
/* The id after the highest `sql` (SELECT COALESCE(MAX(id), 0) FROM …) reads, inside the load's
 * transaction (kefu-store-calls-bulk.c). */
gboolean      _kefu_bulk_next_id           (KefuStore               *self,
                                            const char              *sql,
                                            gint64                  *next,
                                            GCancellable            *cancellable,
                                            GError                 **error);
/* Moves the identity sequences past the ids the load chose (PostgreSQL). */
gboolean      _kefu_bulk_after_explicit_ids (KefuStore              *self,
                                             KefuBulkLoad           *load,
                                             GCancellable           *cancellable,
                                             GError                **error);
/* The lead an order converts: one of this load, or one stored before (the order's lead id). */
gint64        _kefu_bulk_order_lead_id     (KefuBulkLoad            *load,
                                            KefuBulkCall            *c);

G_END_DECLS
