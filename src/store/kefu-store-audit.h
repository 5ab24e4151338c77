/* kefu-store-audit.h: "who changed what", for managers: the events (the append-only change log)
 * of one record, or of one staff member over a period, newest first and a page at a time, with
 * the staff members' names. Managers only (kefu_role_can_read_audit ()): the store refuses
 * others with KEFU_STORE_ERROR_PERMISSION, and on PostgreSQL the server refuses SELECT on events
 * to every other role as well. A plain SELECT on events: through events_entity for a record,
 * events_staff (schema step 9) for a staff member, events_created_at for everyone's period.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kefu-store.h"

G_BEGIN_DECLS

typedef struct
{
  const char *entity;     /* with entity_id: one record's events; NULL: any record */
  gint64      entity_id;
  gint64      staff_id;   /* 0: everyone's */
  GDateTime  *from;       /* nullable: the period, from included, until excluded */
  GDateTime  *until;
  gint64      before_id;  /* paging: only events with a smaller id; 0: from the newest */
  guint       limit;      /* 0: KEFU_AUDIT_PAGE */
} KefuAuditFilter;

#define KEFU_AUDIT_PAGE 200

/* The events that match, newest first (KefuEvent, with the staff member's name); the next page
 * starts before the last one's id. */
GListModel *kefu_store_list_audit (KefuStore              *self,
                                   const KefuAuditFilter  *filter,
                                   GCancellable           *cancellable,
                                   GError                **error);

G_END_DECLS
