/* kefu-store-customer-list.h: finding customers (the caller lookup and the customers pane),
 * their list at a million rows, assignment to clerks (客户资料处理), and CSV import.
 * Included by kefu-store.h.
 *
 * Search: a query of digits (after folding full-width digits and dropping spaces and dashes) with
 * 4 or more digits matches phones by suffix (the last digits) or in full; otherwise it is a name
 * fragment of 1 or more characters, matched anywhere in the name through the name-gram index
 * (every 1- and 2-character piece of each name, case-folded), which serves 1–2 character Chinese
 * queries as fast as longer ones on both backends. Exact matches come first.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "kefu-store.h"

G_BEGIN_DECLS


/* At most `limit` customers (KefuCustomer with their last contact), best matches first. */
GListModel  *kefu_store_search_customers      (KefuStore *self, const char *query, guint limit,
                                               GCancellable *cancellable, GError **error);

typedef enum
{
  KEFU_CUSTOMER_SORT_NAME,
  KEFU_CUSTOMER_SORT_DISTRICT,
  KEFU_CUSTOMER_SORT_LAST_CONTACT,
} KefuCustomerSort;

/* Which customers a list shows. */
typedef struct
{
  const char *query;              /* NULL or "": everyone; else as kefu_store_search_customers */
  gint64      assigned_clerk_id;  /* 0: any; -1: unassigned only */
  gboolean    to_contact;         /* only those assigned and not yet contacted by their clerk */
  gboolean    archived;           /* archived customers only (else: none of them) */
} KefuCustomerFilter;

/* The ids of every customer the filter lets through, in the sort order (ties by id), for a lazy
 * list model: 8 bytes per customer, read without building a row object per customer. */
GArray      *kefu_store_list_customer_ids     (KefuStore *self, const KefuCustomerFilter *filter,
                                               KefuCustomerSort sort, gboolean descending,
                                               GCancellable *cancellable, GError **error);
/* The first `limit` ids of that list, for showing its top rows before the whole list is read;
 * `n_total` (optional) receives the whole list's length (count(*) with the filter), or -1 when
 * only the whole list can tell (a long name query, whose list is short anyway). */
GArray      *kefu_store_list_customer_ids_head (KefuStore *self, const KefuCustomerFilter *filter,
                                                KefuCustomerSort sort, gboolean descending,
                                                guint limit, gint64 *n_total,
                                                GCancellable *cancellable, GError **error);
/* The customers with these ids (KefuCustomer, with last contact and assigned clerk name), in the
 * order given; ids no longer present are left out. At most 1000 ids per call. */
GPtrArray   *kefu_store_get_customers         (KefuStore *self, const gint64 *ids, guint n_ids,
                                               GCancellable *cancellable, GError **error);

/* Assignment, balancing the number of customers per clerk: each customer goes to the clerk who
 * has the fewest at that point. `customer_ids` NULL with n 0 means every unassigned customer. */
typedef struct
{
  gint64 clerk_id;
  gint64 current;   /* customers assigned now */
  gint64 added;     /* customers the assignment gives them */
} KefuAssignmentCount;

/* The plan without changing anything (element type KefuAssignmentCount, in `clerk_ids` order). */
GArray      *kefu_store_plan_assignment       (KefuStore *self, const gint64 *customer_ids,
                                               guint n_customers, const gint64 *clerk_ids,
                                               guint n_clerks,
                                               GCancellable *cancellable, GError **error);
/* Carries out the same plan in one transaction (the actor must be allowed to assign); each
 * assigned customer's assigned time is set and its first contact cleared. Returns the plan. */
GArray      *kefu_store_assign_customers      (KefuStore *self, const gint64 *customer_ids,
                                               guint n_customers, const gint64 *clerk_ids,
                                               guint n_clerks,
                                               GCancellable *cancellable, GError **error);

/* Import (all or nothing, one transaction). */
typedef enum
{
  KEFU_IMPORT_DUPLICATES_SKIP,   /* a customer whose phone is already stored is left alone */
  KEFU_IMPORT_DUPLICATES_MERGE,  /* … gets the file's non-empty fields and extra phones */
} KefuImportDuplicates;

typedef struct
{
  guint created;
  guint merged;
  guint skipped;
} KefuImportSummary;

/* Which of `phones` (normalised) are stored already: a set of those phones (for the preview). */
GHashTable  *kefu_store_find_stored_phones    (KefuStore *self, const char *const *phones,
                                               GCancellable *cancellable, GError **error);
gboolean     kefu_store_import_customers      (KefuStore *self, GPtrArray *customers,
                                               KefuImportDuplicates duplicates,
                                               KefuImportSummary *summary,
                                               GCancellable *cancellable, GError **error);

G_END_DECLS
