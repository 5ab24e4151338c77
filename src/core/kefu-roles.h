/* kefu-roles.h: what each role may do, as plain functions that every pane and kefuctl apply, so
 * that one rule holds everywhere (the multi-user work later enforces the same rules on the
 * server). The reasons for each rule are in kefu-roles.c, from the role table of domain.md.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "kefu-types.h"

G_BEGIN_DECLS

gboolean kefu_role_can_manage_staff                (KefuRole role);
gboolean kefu_role_can_manage_departments          (KefuRole role);
gboolean kefu_role_can_edit_settings               (KefuRole role);
gboolean kefu_role_can_edit_products               (KefuRole role);
gboolean kefu_role_can_assign_customers            (KefuRole role);
gboolean kefu_role_can_take_calls                  (KefuRole role);
gboolean kefu_role_can_make_callbacks              (KefuRole role);
gboolean kefu_role_can_hand_over_orders            (KefuRole role);
gboolean kefu_role_receives_order_forms            (KefuRole role);
gboolean kefu_role_receives_quality_complaints     (KefuRole role);
gboolean kefu_role_receives_service_complaints     (KefuRole role);
gboolean kefu_role_can_resolve_complaints          (KefuRole role);
gboolean kefu_role_can_sample_cases                (KefuRole role);
gboolean kefu_role_can_view_reports                (KefuRole role);
/* "Who changed what": the change log of any record and any staff member (managers only). */
gboolean kefu_role_can_read_audit                  (KefuRole role);
gboolean kefu_role_can_archive_records             (KefuRole role);
gboolean kefu_role_can_clear_pins                  (KefuRole role);

/* The role whose sales admin receives a channel's order forms at the daily hand-over:
 * home delivery → depot admin (基站内勤), retail and supermarket → sales admin (销售内勤).
 * FALSE for KEFU_CHANNEL_UNSPECIFIED, which has no receiver until a channel is chosen. */
gboolean kefu_channel_get_order_receiver           (KefuChannel  channel,
                                                    KefuRole    *role);

G_END_DECLS
