/* test-kefuctl-calls.h: what the two files of the kefuctl calls tests share: the generated and
 * demo calls (test-kefuctl-calls.c, which holds main ()) and the bulk API and `bench intake`
 * (test-kefuctl-calls-bulk.c).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "store/kefu-store.h"
#include "kefuctl-test.h"

G_BEGIN_DECLS

typedef KefuctlFixture Fixture;

/* A count by SQL that both dialects accept. */
gint64 count_sql     (KefuStore     *store,
                      const char    *sql);

/* test-kefuctl-calls-bulk.c */
void   test_bulk_api (Fixture       *fixture,
                      gconstpointer  data);
void   test_bench    (Fixture       *fixture,
                      gconstpointer  data);

G_END_DECLS
