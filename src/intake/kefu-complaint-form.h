/* kefu-complaint-form.h: the kind-specific part of a complaint call (《客户投诉电话记录单》) in
 * the call form: what the complaint is about and why, whether the customer was harmed (the most
 * urgent case there is), the clerk's judgement whether it is well founded (if not, how it was
 * explained), and its category with the fields of product quality or of service quality.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/kefu-records.h"

G_BEGIN_DECLS

#define KEFU_TYPE_COMPLAINT_FORM (kefu_complaint_form_get_type ())
G_DECLARE_FINAL_TYPE (KefuComplaintForm, kefu_complaint_form, KEFU, COMPLAINT_FORM, AdwBin)

GtkWidget     *kefu_complaint_form_new           (void);
/* The complaint being edited (property "complaint"). */
KefuComplaint *kefu_complaint_form_get_complaint (KefuComplaintForm *self);
void           kefu_complaint_form_set_complaint (KefuComplaintForm *self,
                                                  KefuComplaint     *complaint);
/* The products a product-quality complaint may name (property "products"). */
void           kefu_complaint_form_set_products  (KefuComplaintForm *self,
                                                  GListModel        *products);
/* Moves the keyboard focus to the first field (what the complaint is about). */
void           kefu_complaint_form_focus_first   (KefuComplaintForm *self);

/* Parses a production date as typed and checks it against `today`: TRUE with `date` set, TRUE
 * with `date` cleared for empty text, FALSE with the reason. Exposed for the tests. */
gboolean       kefu_complaint_form_parse_production_date (const char   *text,
                                                          const GDate  *today,
                                                          GDate        *date,
                                                          GError      **error);

G_END_DECLS
