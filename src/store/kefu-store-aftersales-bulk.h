/* kefu-store-aftersales-bulk.h: loading shipments and service jobs by the hundred thousand
 * (kefuctl generate --shipments / --jobs), as kefu-store-calls-bulk.h loads calls.
 *
 * Not included by kefu-store.h: only kefuctl and the tests need it.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "kefu-store.h"
#include "kefu-shipment.h"
#include "kefu-service-job.h"

G_BEGIN_DECLS

/* Inserts many shipments of the past, each with its `lines`, in one transaction through the
 * backend's bulk path (SQLite: one prepared statement per table; PostgreSQL: COPY), and one
 * event for the whole load. The records are stored as given, step by step: the caller makes
 * them consistent (the times of the steps up to `step` set and in order, who took each, the
 * carrier and waybill from Shipped on, attention_at by kefu_shipment_attention_at ()); the
 * store checks the order, the lines and the customer copy, assigns the ids and the references
 * ("FH-YYYYMMDD-NNNN" by the local day of requested_at, after the numbers that day already
 * has, in the order of `shipments`, which should be the order of their request times), and
 * stores n_lines, the search text and, for each received shipment whose entry of
 * `callbacks_due` (GDateTime, NULL: none; the array may be NULL) is set
 * (kefu_callback_due_after () of its receipt), its after-delivery callback, done when it fell
 * due before now (a history is called back) and due otherwise. On success every record gets
 * its id, version, reference and its lines their ids. */
gboolean kefu_store_insert_shipments_bulk (KefuStore     *self,
                                           GPtrArray     *shipments,
                                           GPtrArray     *callbacks_due,
                                           GCancellable  *cancellable,
                                           GError       **error);

/* The same for service jobs, each with its `progress` reports (NULL: none), references
 * "SH-YYYYMMDD-NNNN" by the local day of reported_at; attention_at is worked out from the step
 * as the job writes keep it. The jobs' shipment ids must name stored shipments. A completed
 * job of a kind that calls back (kefu_job_kind_schedules_callback ()) whose callback_due_at is
 * set (kefu_callback_due_after () of its completion) gets its after-service callback, done
 * when it fell due before now (a history is called back) and due otherwise; callback_id is set
 * on the job. */
gboolean kefu_store_insert_jobs_bulk      (KefuStore     *self,
                                           GPtrArray     *jobs,
                                           GCancellable  *cancellable,
                                           GError       **error);

G_END_DECLS
