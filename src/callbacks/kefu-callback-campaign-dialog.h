/* kefu-callback-campaign-dialog.h: a lead's or manager's campaign of callbacks (节日回访, a
 * survey, a renewal or maintenance reminder): its name, reason and topic, whom it calls (the
 * members, a district's customers, a product's buyers), its days, its clerks and their pace;
 * created in one go by the store (kefu_store_create_campaign), which spreads the calls without
 * quiet hours or says in place why they do not fit.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/kefu-records.h"
#include "store/kefu-store-callbacks.h"

G_BEGIN_DECLS

#define KEFU_TYPE_CALLBACK_CAMPAIGN_DIALOG (kefu_callback_campaign_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KefuCallbackCampaignDialog, kefu_callback_campaign_dialog, KEFU,
                      CALLBACK_CAMPAIGN_DIALOG, AdwDialog)

AdwDialog *kefu_callback_campaign_dialog_new (KefuStore *store);

/* Starts the form as a members' survey from `first` to `last` ("Plan Survey Callbacks…"). */
void       kefu_callback_campaign_dialog_plan_survey (KefuCallbackCampaignDialog *self,
                                                      const GDate                *first,
                                                      const GDate                *last);
/* Whether it is loading or creating (read-only "busy"); the callbacks made by the last
 * successful "Create" (0 before); the campaign's id (0 before). The "created" signal is emitted
 * after a success. */
gboolean   kefu_callback_campaign_dialog_get_busy      (KefuCallbackCampaignDialog *self);
guint      kefu_callback_campaign_dialog_get_n_created (KefuCallbackCampaignDialog *self);
gint64     kefu_callback_campaign_dialog_get_campaign_id (KefuCallbackCampaignDialog *self);

G_END_DECLS
