/* kefu-inquiry-form.h: the kind-specific part of an inquiry call (《客户咨询电话记录单》) in the
 * call form: the topics asked about (several), what the clerk answered, and whether it is a
 * potential order that the team lead follows up.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/kefu-records.h"

G_BEGIN_DECLS

#define KEFU_TYPE_INQUIRY_FORM (kefu_inquiry_form_get_type ())
G_DECLARE_FINAL_TYPE (KefuInquiryForm, kefu_inquiry_form, KEFU, INQUIRY_FORM, AdwBin)

GtkWidget   *kefu_inquiry_form_new         (void);
/* The inquiry being edited (property "inquiry"). */
KefuInquiry *kefu_inquiry_form_get_inquiry (KefuInquiryForm *self);
void         kefu_inquiry_form_set_inquiry (KefuInquiryForm *self,
                                            KefuInquiry     *inquiry);
/* Moves the keyboard focus to the first topic. */
void         kefu_inquiry_form_focus_first (KefuInquiryForm *self);
/* The toggle button of one topic flag (for the tests). */
GtkToggleButton *kefu_inquiry_form_get_topic_button (KefuInquiryForm   *self,
                                                     KefuInquiryTopics  topic);

G_END_DECLS
