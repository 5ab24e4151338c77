/* kefu-store-calls-bulk.h: loading calls by the hundred thousand (kefuctl generate, imports of
 * a hotline's history), and reading every customer's contact details compactly for it.
 *
 * Not included by kefu-store.h: only kefuctl and the tests need it.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "kefu-store.h"

G_BEGIN_DECLS

/* What became of the lead of an inquiry loaded in the same call (see below). */
typedef struct
{
  guint          inquiry;    /* index in `calls` of an inquiry call with a potential order */
  KefuLeadState  state;      /* CONVERTED or DROPPED */
  guint          order;      /* CONVERTED: index in `calls` of the order call that converted it;
                              * its received time and clerk close the lead */
  GDateTime     *closed_at;  /* DROPPED: when it was dropped */
  gint64         closed_by;  /* DROPPED: who dropped it */
  const char    *note;       /* DROPPED: why (required) */
} KefuCallBulkLead;

/* Inserts many calls of the past with their detail records in one transaction, through the
 * backend's bulk path (SQLite: one prepared statement per table; PostgreSQL: COPY), and one
 * event for the whole load. Each call must have been received (in the past), name an existing
 * customer (customer-id) and clerk, and hold the detail record of its kind; it is checked with
 * kefu_call_validate() and its text and phone are stored normalised.
 *
 * The store decides, as kefu_store_save_call() does: the reference number (per kind and local
 * day, each day's numbers following those already stored, in the order of `calls`, which should
 * be the order of their received times), the summary when the call has none
 * (kefu_call_build_summary()), an order's hand-over date when it has none (the cut-off setting)
 * and its out-of-area flag (the service-areas setting), a complaint's owner (the clerk), routes
 * (to the departments of the active staff holding the roles kefu_complaint_route_roles()
 * names), urgency (when harmed) and, when its stage is NEW, the intake stage, and a lead for
 * each inquiry with a potential order (open unless `leads` says otherwise). An order whose
 * lead-id is set converts that lead, which must be open. What happened after the call is taken
 * from the records as given: hand-over state, recipient and time, the out-of-area notice, a
 * complaint's later stage.
 *
 * Customers' last contact is not updated here (a load of many batches would update the same
 * customers again and again): call kefu_store_update_last_contacts() once after the last batch.
 *
 * On success every record gets its id, version and times, the calls their reference and
 * summary, orders their hand-over date, out-of-area flag and lead id, complaints their
 * reference, owner, urgency, stage and routes, inquiries their lead id. */
gboolean      kefu_store_insert_calls_bulk     (KefuStore               *self,
                                                GPtrArray               *calls,
                                                const KefuCallBulkLead  *leads,
                                                guint                    n_leads,
                                                GCancellable            *cancellable,
                                                GError                 **error);

/* The same in two steps, so that the checking and working out, which needs no database, can be
 * done on another thread while the previous load is inserted (kefuctl generate does this).
 * kefu_calls_bulk_prepare() may be called on any thread and does not touch the database (the
 * settings are read when inserting). The records are bound when the load is inserted and must
 * not change in between, except an order's lead-id: a lead id learnt after preparing (that of
 * an inquiry of an earlier load) may be set on its order then. kefu_store_insert_calls_prepared()
 * inserts a prepared load once. */
typedef struct _KefuCallsBulk KefuCallsBulk;

KefuCallsBulk *kefu_calls_bulk_prepare          (GPtrArray               *calls,
                                                 const KefuCallBulkLead  *leads,
                                                 guint                    n_leads,
                                                 GError                 **error);
gboolean       kefu_store_insert_calls_prepared (KefuStore               *self,
                                                 KefuCallsBulk           *bulk,
                                                 GCancellable            *cancellable,
                                                 GError                 **error);
void           kefu_calls_bulk_free             (KefuCallsBulk           *bulk);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KefuCallsBulk, kefu_calls_bulk_free)

/* What happened to a complaint of a load after the call, for loads of a hotline's history
 * (kefuctl generate --complaints): the stage it has reached, when it entered each stage, the
 * deadline it now works against and how far it was escalated, the resolution, the callback
 * result, and a visit to a harmed customer. The times must be consistent with the stage (a
 * closed complaint was routed, acknowledged, resolved, called back and closed, in that order);
 * they are checked. A complaint given no such record gets what the migration to schema step 3
 * gives complaints stored before it: its stage since the call, routed (unless New or
 * Explained) and closed (when Closed or Explained) at the call, and no deadline yet (the first
 * deadline check computes it). */
typedef struct
{
  guint                  complaint;        /* index in `calls` of a complaint call */
  KefuComplaintStage     stage;            /* NEW: stays New, routed to nobody yet */
  GDateTime             *stage_since;      /* when it entered `stage` */
  GDateTime             *routed_at;        /* from Routed on */
  GDateTime             *acknowledged_at;  /* from In progress on; the first route's */
  gint64                 acknowledged_by;  /* 0: the route's department's first member */
  GDateTime             *resolved_at;      /* from Resolved on (the last resolution);
                                            * Reopened: the one the customer rejected */
  GDateTime             *called_back_at;   /* from Called back on; Reopened: the callback */
  GDateTime             *closed_at;        /* Closed */
  KefuComplaintDeadline  due_kind;         /* the deadline of the stage (NONE when closed) */
  GDateTime             *due_at;
  KefuEscalationLevel    escalation_level;
  GDateTime             *escalated_at;     /* when it rose to that level */
  const char            *resolution;       /* from Resolved on */
  KefuSatisfaction       satisfaction;     /* from Called back on, and Reopened by a callback */
  const char            *customer_words;
  /* A visit to a harmed customer (NULL visitors: none). */
  const char            *visitors;
  GDateTime             *visited_at;
  const char            *visit_outcome;
  gint64                 visit_recorded_by;
  /* From Resolved on: the resolve deadline it was resolved against (NULL: not recorded). */
  GDateTime             *resolve_due_at;
} KefuCallBulkComplaint;

/* A batch alert raised by a complaint of the load (the one that made its product and batch reach
 * the threshold within the window; kefuctl works the clusters out over the whole history). */
typedef struct
{
  guint        complaint;        /* index in `calls` of a product-quality complaint with a batch */
  guint        count;            /* complaints about the batch within the window then */
  GDateTime   *first_at;         /* the first of them */
  GDateTime   *acknowledged_at;  /* NULL: the alert is still open */
  gint64       acknowledged_by;
  const char  *note;
} KefuCallBulkBatchAlert;

/* Adds what happened to complaints of a prepared load, and the batch alerts they raised, before
 * it is inserted (any thread; the text is copied). FALSE with KEFU_STORE_ERROR_INVALID when a
 * record does not belong to a complaint call of the load or its times do not fit its stage. */
gboolean       kefu_calls_bulk_set_complaints   (KefuCallsBulk                *bulk,
                                                 const KefuCallBulkComplaint  *complaints,
                                                 guint                         n_complaints,
                                                 const KefuCallBulkBatchAlert *alerts,
                                                 guint                         n_alerts,
                                                 GError                      **error);

/* Sets the last call and last contact of every customer who has a call with an id of at least
 * `first_call_id` (0: of every customer who has calls) from their newest call, and the first
 * contact of those assigned to a clerk, where not set yet, from that clerk's first call with
 * them, in one set-based UPDATE. Returns the number of customers updated, or -1 with `error`. */
gint64        kefu_store_update_last_contacts  (KefuStore     *self,
                                                gint64         first_call_id,
                                                GCancellable  *cancellable,
                                                GError       **error);

/* The contact details of customers, held compactly (a million take about 150 MB), for making
 * calls of existing customers at scale without a record object each. */
typedef struct
{
  gint64       id;
  const char  *name;
  const char  *address;            /* NULL when none */
  const char  *district;           /* NULL when none */
  const char  *phone;              /* the primary number, normalised */
  gint64       assigned_clerk_id;  /* 0 when none */
  KefuChannel  channel;
} KefuCustomerContact;

typedef struct _KefuCustomerContacts KefuCustomerContacts;

KefuCustomerContacts      *kefu_customer_contacts_new     (void);
void                       kefu_customer_contacts_free    (KefuCustomerContacts *contacts);
guint                      kefu_customer_contacts_get_len (KefuCustomerContacts *contacts);
/* Transfer none; valid as long as `contacts` is. */
const KefuCustomerContact *kefu_customer_contacts_get     (KefuCustomerContacts *contacts,
                                                           guint                 index);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KefuCustomerContacts, kefu_customer_contacts_free)

/* Appends to `contacts` the customers whose id is greater than `after_id`, in id order, at most
 * `limit` of them; `n_read` receives how many (fewer than `limit` at the end). */
gboolean      kefu_store_read_customer_contacts (KefuStore             *self,
                                                 KefuCustomerContacts  *contacts,
                                                 gint64                 after_id,
                                                 guint                  limit,
                                                 guint                 *n_read,
                                                 GCancellable          *cancellable,
                                                 GError               **error);

G_END_DECLS
