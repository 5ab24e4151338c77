/* kefu-customer-export.h: writing a list of customers to a CSV file that Excel and WPS open
 * correctly on Chinese Windows (UTF-8 with BOM, CRLF, formula injection guarded by kefu-csv),
 * and that `kefuctl import customers` and the import dialog read back (the header names are the
 * ones kefu_import_field_for_header() knows).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "store/kefu-store.h"

G_BEGIN_DECLS

/* Customers read from the store per step (the store's limit per call). */
#define KEFU_CUSTOMER_EXPORT_CHUNK 1000

/* Called on the main thread after each step with the customers written so far. */
typedef void (*KefuCustomerExportProgress) (guint    done,
                                            guint    total,
                                            gpointer user_data);

/* The header row, translated. */
void      kefu_customer_export_append_header (GString      *out);
/* One customer's row. Phones are written grouped with dashes ("138-1234-5678",
 * "010-6234-5678"), never as bare digits, so a spreadsheet keeps them as text (a landline's
 * leading 0 would be lost) and the import still reads them. */
void      kefu_customer_export_append_row    (GString      *out,
                                              KefuCustomer *customer);

/* Writes the customers with `ids`, in that order, to `file` (replaced only when everything was
 * written), reading them from the store a chunk at a time so that a million rows never sit in
 * memory and other store calls run in between. */
void      kefu_customer_export_async         (KefuStore                  *store,
                                              GArray                     *ids,
                                              GFile                      *file,
                                              KefuCustomerExportProgress  progress,
                                              gpointer                    progress_data,
                                              GCancellable               *cancellable,
                                              GAsyncReadyCallback         callback,
                                              gpointer                    user_data);
/* The number of customers written, or 0 with `error` set. */
gboolean  kefu_customer_export_finish        (GAsyncResult               *result,
                                              guint                      *n_written,
                                              GError                    **error);

G_END_DECLS
