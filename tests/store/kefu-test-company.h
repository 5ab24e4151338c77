/* kefu-test-company.h: the records a test's company is made of (departments, staff, products),
 * each created through the store and asserted saved, for the store tests and the UI tests alike
 * (the UI tests include it as "../store/kefu-test-company.h"). Header-only, so that any test
 * program can use it without another file to link.
 *
 * The store's actor must be allowed to create them (the system actor, as kefuctl init is).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "store/kefu-store.h"

static inline gint64
kefu_test_make_department (KefuStore  *store,
                           const char *name)
{
  g_autoptr(KefuDepartment) department = kefu_department_new ();
  g_autoptr(GError) error = NULL;

  kefu_department_set_name (department, name);
  g_assert_true (kefu_store_create_department (store, department, NULL, &error));
  g_assert_no_error (error);
  return kefu_record_get_id (KEFU_RECORD (department));
}

static inline gint64
kefu_test_make_staff (KefuStore  *store,
                      const char *name,
                      const char *login,
                      KefuRole    role,
                      gint64      department_id,
                      gboolean    active)
{
  g_autoptr(KefuStaff) staff = kefu_staff_new ();
  g_autoptr(GError) error = NULL;

  kefu_staff_set_name (staff, name);
  kefu_staff_set_login (staff, login);
  kefu_staff_set_role (staff, role);
  kefu_staff_set_department_id (staff, department_id);
  kefu_staff_set_active (staff, active);
  g_assert_true (kefu_store_create_staff (store, staff, NULL, &error));
  g_assert_no_error (error);
  return kefu_record_get_id (KEFU_RECORD (staff));
}

/* An active product at `unit_price` fen. */
static inline gint64
kefu_test_make_product (KefuStore  *store,
                        const char *name,
                        gint64      unit_price)
{
  g_autoptr(KefuProduct) product = kefu_product_new ();
  g_autoptr(GError) error = NULL;

  kefu_product_set_name (product, name);
  kefu_product_set_unit_price (product, unit_price);
  kefu_product_set_active (product, TRUE);
  g_assert_true (kefu_store_create_product (store, product, NULL, &error));
  g_assert_no_error (error);
  return kefu_record_get_id (KEFU_RECORD (product));
}
