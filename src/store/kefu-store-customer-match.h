/* kefu-store-customer-match.h: what a search query means for the store, shared by the caller
 * lookup (kefu-store-customer-search.c) and the customers list (kefu-store-customer-list.c), so
 * that both find the same customers for the same text.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kefu-store-customers-private.h"

G_BEGIN_DECLS

typedef enum
{
  KEFU_CUSTOMER_MATCH_ALL,    /* no query: everyone */
  KEFU_CUSTOMER_MATCH_NONE,   /* a query no customer can match (a pair no name has) */
  KEFU_CUSTOMER_MATCH_PHONE,  /* 4 or more digits: the end of a number, or all of it */
  KEFU_CUSTOMER_MATCH_NAME,   /* a name fragment, by its key */
} KefuCustomerMatchKind;

/* The pairs joined for a key of 3 or more characters: the rarest drives, the others filter. */
#define KEFU_CUSTOMER_MATCH_MAX_GRAMS 3

typedef struct
{
  KefuCustomerMatchKind  kind;
  /* PHONE */
  char                  *full_number;    /* the digits a whole number would have */
  char                  *phone_pattern;  /* the reversed digits and the dialect's wildcard */
  /* NAME */
  char                  *key;            /* the query's name key */
  guint                  key_length;     /* in characters */
  char                  *text;           /* the query as typed, normalised (kefu_text_normalize) */
  char                  *grams[KEFU_CUSTOMER_MATCH_MAX_GRAMS];  /* grams[0] drives */
  guint                  n_grams;
} KefuCustomerMatch;

/* Reads `query` (NULL or empty: everyone). For a key of 3 or more characters this counts how
 * common its pairs are, to pick the rarest. */
gboolean _kefu_customer_match_init             (KefuCustomerMatch        *match,
                                                KefuStore                *self,
                                                const char               *query,
                                                GCancellable             *cancellable,
                                                GError                  **error);
void     _kefu_customer_match_clear            (KefuCustomerMatch        *match);
/* TRUE when the SQL condition only narrows the candidates, and each must still be checked with
 * _kefu_customer_match_name() (a name key of 3 or more characters). */
gboolean _kefu_customer_match_needs_check      (const KefuCustomerMatch  *match);
/* TRUE when the name's key contains the query's key (always TRUE for other kinds). */
gboolean _kefu_customer_match_name             (const KefuCustomerMatch  *match,
                                                const char               *name);
/* Appends a condition on "customers" to `where`, its parameters to `params` numbered after
 * `n_params` (which is advanced). */
void     _kefu_customer_match_append_condition (const KefuCustomerMatch  *match,
                                                KefuStore                *self,
                                                GString                  *where,
                                                GVariantBuilder          *params,
                                                guint                    *n_params);

G_END_DECLS
