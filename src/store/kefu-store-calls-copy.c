/* kefu-store-calls-copy.c: copies of a call with its detail record, and setting on the
 * caller's call what a save changed in a copy (kefu_store_save_call() and its _async form).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include "kefu-store-calls-private.h"

/* Copies
 *
 * A call holds its detail records in object properties, so the record copy and apply helpers of
 * kefu-store-writes.c (which copy every property, references included) cannot be used on it: a
 * copy would share the caller's detail records. These copy and compare the plain fields of a
 * call, its detail records and an order's lines (plain GObjects), and leave objects alone. */

static gboolean
is_plain_field (GParamSpec *pspec)
{
  return (pspec->flags & G_PARAM_READWRITE) == G_PARAM_READWRITE &&
         (pspec->flags & G_PARAM_CONSTRUCT_ONLY) == 0 &&
         !g_type_is_a (pspec->value_type, G_TYPE_OBJECT);
}

/* A new object of the type of `from` with its plain fields, the text normalised when
 * `normalize` (kefu_text_normalize(), as the store keeps it). */
static gpointer
copy_fields (gpointer from,
             gboolean normalize)
{
  g_autofree GParamSpec **pspecs = NULL;
  GObject *to = g_object_new (G_OBJECT_TYPE (from), NULL);
  guint n_pspecs;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (from), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if (!is_plain_field (pspecs[i]))
        continue;
      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (from, pspecs[i]->name, &value);
      if (normalize && pspecs[i]->value_type == G_TYPE_STRING &&
          g_value_get_string (&value) != NULL)
        g_value_take_string (&value, _kefu_store_normalize_text (g_value_get_string (&value)));
      g_object_set_property (to, pspecs[i]->name, &value);
    }
  return to;
}

/* Boxed values are compared by what they hold (GParamSpecBoxed compares pointers). */
static gboolean
values_equal (GParamSpec   *pspec,
              const GValue *a,
              const GValue *b)
{
  if (pspec->value_type == G_TYPE_DATE_TIME)
    {
      GDateTime *ta = g_value_get_boxed (a);
      GDateTime *tb = g_value_get_boxed (b);

      return ta == NULL || tb == NULL ? ta == tb : g_date_time_equal (ta, tb);
    }
  if (pspec->value_type == G_TYPE_DATE)
    {
      GDate *da = g_value_get_boxed (a);
      GDate *db = g_value_get_boxed (b);

      if (da == NULL || db == NULL)
        return da == db;
      if (!g_date_valid (da) || !g_date_valid (db))
        return g_date_valid (da) == g_date_valid (db);
      return g_date_compare (da, db) == 0;
    }
  if (pspec->value_type == G_TYPE_STRV)
    {
      const char * const *la = g_value_get_boxed (a);
      const char * const *lb = g_value_get_boxed (b);

      return la == NULL || lb == NULL ? la == lb : g_strv_equal (la, lb);
    }
  return g_param_values_cmp (pspec, a, b) == 0;
}

/* Sets on `target` every plain field that differs between `before` and `after`; the
 * notifications are emitted together at the end. */
static void
apply_fields (gpointer target,
              gpointer before,
              gpointer after)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  g_object_freeze_notify (target);
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (target), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) old_value = G_VALUE_INIT;
      g_auto(GValue) new_value = G_VALUE_INIT;

      if (!is_plain_field (pspecs[i]))
        continue;
      g_value_init (&old_value, pspecs[i]->value_type);
      g_value_init (&new_value, pspecs[i]->value_type);
      g_object_get_property (before, pspecs[i]->name, &old_value);
      g_object_get_property (after, pspecs[i]->name, &new_value);
      if (!values_equal (pspecs[i], &old_value, &new_value))
        g_object_set_property (target, pspecs[i]->name, &new_value);
    }
  g_object_thaw_notify (target);
}

KefuCall *
_kefu_store_call_copy (KefuCall *call,
                       gboolean  normalize)
{
  KefuCall *copy;

  g_return_val_if_fail (KEFU_IS_CALL (call), NULL);

  copy = copy_fields (call, normalize);
  switch (kefu_call_get_kind (call))
    {
    case KEFU_CALL_KIND_ORDER:
      if (kefu_call_get_order (call) != NULL)
        {
          KefuOrder *order = kefu_call_get_order (call);
          g_autoptr(KefuOrder) order_copy = copy_fields (order, normalize);
          GListModel *lines = G_LIST_MODEL (kefu_order_get_lines (order));

          for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
            {
              g_autoptr(KefuOrderLine) line = g_list_model_get_item (lines, i);
              g_autoptr(KefuOrderLine) line_copy = copy_fields (line, normalize);

              g_list_store_append (kefu_order_get_lines (order_copy), line_copy);
            }
          kefu_call_set_order (copy, order_copy);
        }
      break;
    case KEFU_CALL_KIND_COMPLAINT:
      if (kefu_call_get_complaint (call) != NULL)
        {
          KefuComplaint *complaint = kefu_call_get_complaint (call);
          g_autoptr(KefuComplaint) complaint_copy = copy_fields (complaint, normalize);
          GPtrArray *routes = kefu_complaint_get_routes (complaint);

          for (guint i = 0; routes != NULL && i < routes->len; i++)
            {
              KefuComplaintRoute *route = g_ptr_array_index (routes, i);

              kefu_complaint_add_route (complaint_copy,
                                        kefu_complaint_route_new (route->department_id,
                                                                  route->department_name,
                                                                  route->role));
            }
          kefu_call_set_complaint (copy, complaint_copy);
        }
      break;
    case KEFU_CALL_KIND_INQUIRY:
      if (kefu_call_get_inquiry (call) != NULL)
        {
          g_autoptr(KefuInquiry) inquiry_copy = copy_fields (kefu_call_get_inquiry (call),
                                                             normalize);

          kefu_call_set_inquiry (copy, inquiry_copy);
        }
      break;
    default:
      g_assert_not_reached ();
    }
  return copy;
}

static gboolean
routes_equal (GPtrArray *a,
              GPtrArray *b)
{
  guint n_a = a != NULL ? a->len : 0;
  guint n_b = b != NULL ? b->len : 0;

  if (n_a != n_b)
    return FALSE;
  for (guint i = 0; i < n_a; i++)
    {
      KefuComplaintRoute *ra = g_ptr_array_index (a, i);
      KefuComplaintRoute *rb = g_ptr_array_index (b, i);

      if (ra->department_id != rb->department_id || ra->role != rb->role ||
          g_strcmp0 (ra->department_name, rb->department_name) != 0)
        return FALSE;
    }
  return TRUE;
}

void
_kefu_store_call_apply_changes (KefuCall *call,
                                KefuCall *before,
                                KefuCall *after)
{
  g_return_if_fail (KEFU_IS_CALL (call));
  g_return_if_fail (KEFU_IS_CALL (before));
  g_return_if_fail (KEFU_IS_CALL (after));

  /* The detail record first, so that a handler of the call's new id finds it complete. */
  switch (kefu_call_get_kind (after))
    {
    case KEFU_CALL_KIND_ORDER:
      {
        KefuOrder *order = kefu_call_get_order (call);
        KefuOrder *order_before = kefu_call_get_order (before);
        KefuOrder *order_after = kefu_call_get_order (after);
        GListModel *lines, *lines_before, *lines_after;
        guint n;

        if (order == NULL || order_before == NULL || order_after == NULL)
          break;
        apply_fields (order, order_before, order_after);
        lines = G_LIST_MODEL (kefu_order_get_lines (order));
        lines_before = G_LIST_MODEL (kefu_order_get_lines (order_before));
        lines_after = G_LIST_MODEL (kefu_order_get_lines (order_after));
        n = g_list_model_get_n_items (lines);
        /* Lines changed meanwhile (against the documented rule) cannot be matched up. */
        if (n != g_list_model_get_n_items (lines_before) ||
            n != g_list_model_get_n_items (lines_after))
          break;
        for (guint i = 0; i < n; i++)
          {
            g_autoptr(KefuOrderLine) line = g_list_model_get_item (lines, i);
            g_autoptr(KefuOrderLine) line_before = g_list_model_get_item (lines_before, i);
            g_autoptr(KefuOrderLine) line_after = g_list_model_get_item (lines_after, i);

            apply_fields (line, line_before, line_after);
          }
      }
      break;
    case KEFU_CALL_KIND_COMPLAINT:
      {
        KefuComplaint *complaint = kefu_call_get_complaint (call);
        KefuComplaint *complaint_before = kefu_call_get_complaint (before);
        KefuComplaint *complaint_after = kefu_call_get_complaint (after);
        GPtrArray *routes;

        if (complaint == NULL || complaint_before == NULL || complaint_after == NULL)
          break;
        apply_fields (complaint, complaint_before, complaint_after);
        routes = kefu_complaint_get_routes (complaint_after);
        if (!routes_equal (kefu_complaint_get_routes (complaint_before), routes))
          {
            kefu_complaint_clear_routes (complaint);
            for (guint i = 0; routes != NULL && i < routes->len; i++)
              {
                KefuComplaintRoute *route = g_ptr_array_index (routes, i);

                kefu_complaint_add_route (complaint,
                                          kefu_complaint_route_new (route->department_id,
                                                                    route->department_name,
                                                                    route->role));
              }
          }
      }
      break;
    case KEFU_CALL_KIND_INQUIRY:
      if (kefu_call_get_inquiry (call) != NULL && kefu_call_get_inquiry (before) != NULL &&
          kefu_call_get_inquiry (after) != NULL)
        apply_fields (kefu_call_get_inquiry (call), kefu_call_get_inquiry (before),
                      kefu_call_get_inquiry (after));
      break;
    default:
      g_assert_not_reached ();
    }

  apply_fields (call, before, after);
}
