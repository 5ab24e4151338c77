/* kefu-job-dialog.h: a new service job: a fault report (故障报修) or a request for an
 * installation, a replacement or a return. The kind, the customer (searched by name or phone
 * when not given), who reported it (the customer's call or an account manager), the product and
 * its serial (chosen among those shipped to the customer, or typed), the symptoms (required for
 * a repair) and what was answered on the phone; the warranty is shown as the product is chosen,
 * computed as the store will compute it.
 *
 * Once saved it emits "saved" (gint64 id), activates "aftersales.open-job" with the new id on
 * its "parent-widget" when one is set, and closes.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kefu-staff.h"
#include "kefu-store-jobs.h"

G_BEGIN_DECLS

#define KEFU_TYPE_JOB_DIALOG (kefu_job_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KefuJobDialog, kefu_job_dialog, KEFU, JOB_DIALOG, AdwDialog)

/* `kind`: INSTALLATION, REPAIR, REPLACEMENT or RETURN (others start as REPAIR); `customer_id`
 * 0 asks for the customer. Properties: "parent-widget" (GtkWidget, where the new job is
 * opened), "busy" (read-only: TRUE while something is read or saved). */
AdwDialog  *kefu_job_dialog_new               (KefuStore     *store,
                                               KefuStaff     *staff,
                                               KefuJobKind    kind,
                                               gint64         customer_id);
gboolean    kefu_job_dialog_get_busy          (KefuJobDialog *self);
void        kefu_job_dialog_set_parent_widget (KefuJobDialog *self,
                                               GtkWidget     *widget);

/* What a person would do (tests, callers that prefill). */
void        kefu_job_dialog_set_customer      (KefuJobDialog *self,
                                               gint64         customer_id);
/* Chooses a serial shipped to the customer; FALSE when it is not offered. */
gboolean    kefu_job_dialog_choose_serial     (KefuJobDialog *self,
                                               const char    *serial);
/* Fills in the product by its serial: chosen among the customer's shipped serials once they
 * are read, typed when it is not one of them (e.g. an installation scheduled from a shipment). */
void        kefu_job_dialog_set_serial        (KefuJobDialog *self,
                                               const char    *serial);
void        kefu_job_dialog_set_symptoms      (KefuJobDialog *self,
                                               const char    *text);
void        kefu_job_dialog_set_phone_answer  (KefuJobDialog *self,
                                               const char    *text);
/* The warranty as the dialog shows it now ("In warranty · from 2026-01-05"). */
const char *kefu_job_dialog_get_warranty_text (KefuJobDialog *self);
/* Presses Save: TRUE when everything checked and the write started. */
gboolean    kefu_job_dialog_save              (KefuJobDialog *self);
/* What the dialog says is wrong, or NULL. */
const char *kefu_job_dialog_get_message       (KefuJobDialog *self);

G_END_DECLS
