/* kefu-store-pin.c: setting, clearing and checking a staff member's PIN (kefu-store-pin.h).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-pin.h"
#include "core/kefu-roles.h"
#include "kefu-store-internal.h"
#include "kefu-store-pin.h"

/* Reads the staff member's stored hash (NULL: none) into `hash`. */
static gboolean
read_hash (KefuStore     *self,
           gint64         staff_id,
           char         **hash,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(KefuRows) rows = NULL;

  rows = _kefu_store_query (self, "SELECT pin_hash FROM staff WHERE id = $1",
                            g_variant_new ("(x)", staff_id), cancellable, error);
  if (rows == NULL)
    return FALSE;
  if (kefu_rows_get_n_rows (rows) == 0)
    {
      g_set_error_literal (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_NOT_FOUND,
                           _("This staff member no longer exists. Reload the list."));
      return FALSE;
    }
  *hash = kefu_rows_is_null (rows, 0, 0) ? NULL : g_strdup (kefu_rows_get_text (rows, 0, 0));
  return TRUE;
}

gboolean
kefu_store_staff_has_pin (KefuStore     *self,
                          gint64         staff_id,
                          gboolean      *has_pin,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autofree char *hash = NULL;

  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);
  g_return_val_if_fail (has_pin != NULL, FALSE);

  if (!read_hash (self, staff_id, &hash, cancellable, error))
    return FALSE;
  *has_pin = hash != NULL;
  return TRUE;
}

GArray *
kefu_store_list_staff_with_pin (KefuStore     *self,
                                GCancellable  *cancellable,
                                GError       **error)
{
  g_return_val_if_fail (KEFU_IS_STORE (self), NULL);

  return _kefu_store_query_int64_column (self,
                                         "SELECT id FROM staff WHERE pin_hash IS NOT NULL "
                                         "ORDER BY id", NULL, cancellable, error);
}

static gboolean
set_wrong_pin (GError **error)
{
  g_set_error_literal (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_AUTH,
                       _("That PIN is not right. Type it again."));
  return FALSE;
}

gboolean
kefu_store_check_staff_pin (KefuStore     *self,
                            gint64         staff_id,
                            const char    *pin,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autofree char *hash = NULL;

  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);

  if (!read_hash (self, staff_id, &hash, cancellable, error))
    return FALSE;
  if (hash == NULL)
    return TRUE;
  if (!kefu_pin_check (pin, hash))
    return set_wrong_pin (error);
  return TRUE;
}

typedef struct
{
  gint64      staff_id;
  const char *checked_hash;   /* the hash the current PIN was checked against (NULL: none) */
  const char *new_hash;       /* NULL: clear */
  gboolean    by_manager;
} PinChange;

static gboolean
pin_txn (KefuStore     *self,
         gpointer       data,
         GCancellable  *cancellable,
         GError       **error)
{
  PinChange *c = data;
  g_autofree char *hash = NULL;
  g_autofree char *now = NULL;
  gint64 changed;

  if (c->by_manager)
    {
      g_autoptr(KefuRows) rows = NULL;
      KefuRole role;

      rows = _kefu_store_query (self, "SELECT role FROM staff WHERE id = $1",
                                g_variant_new ("(x)", _kefu_store_get_txn_actor (self)),
                                cancellable, error);
      if (rows == NULL)
        return FALSE;
      role = kefu_rows_get_n_rows (rows) == 0
               ? KEFU_ROLE_CLERK
               : _kefu_store_enum_from_nick (KEFU_TYPE_ROLE, kefu_rows_get_text (rows, 0, 0),
                                             KEFU_ROLE_CLERK);
      if (!kefu_role_can_clear_pins (role))
        {
          g_set_error_literal (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_PERMISSION,
                               _("Only the CS manager or the administrator may clear someone "
                                 "else's PIN."));
          return FALSE;
        }
    }
  else
    {
      /* The PIN was checked outside the transaction: it must not have changed since. */
      if (!read_hash (self, c->staff_id, &hash, cancellable, error))
        return FALSE;
      if (g_strcmp0 (hash, c->checked_hash) != 0)
        {
          _kefu_store_set_stale_error (error, "staff");
          return FALSE;
        }
    }

  now = _kefu_store_now_text (self);
  changed = _kefu_store_execute (self,
                                 "UPDATE staff SET pin_hash = $3, version = version + 1, "
                                 "updated_at = $2 WHERE id = $1",
                                 g_variant_new ("(xsms)", c->staff_id, now, c->new_hash),
                                 cancellable, error);
  if (changed < 0)
    return FALSE;
  if (changed == 0)
    {
      g_set_error_literal (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_NOT_FOUND,
                           _("This staff member no longer exists. Reload the list."));
      return FALSE;
    }
  return _kefu_store_add_event (self, "staff", c->staff_id,
                                c->new_hash != NULL ? "pin-set" : "pin-cleared", "{}",
                                cancellable, error);
}

gboolean
kefu_store_set_own_pin (KefuStore     *self,
                        const char    *current_pin,
                        const char    *new_pin,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autofree char *hash = NULL;
  g_autofree char *new_hash = NULL;
  PinChange c = { 0 };
  gint64 actor;

  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  actor = kefu_store_get_actor (self);
  if (actor <= 0)
    {
      g_set_error_literal (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_NO_ACTOR,
                           _("Nobody is signed in on this workstation. Choose who is working "
                             "and try again."));
      return FALSE;
    }
  if (new_pin != NULL)
    {
      g_autoptr(GError) pin_error = NULL;

      if (!kefu_pin_validate (new_pin, &pin_error))
        {
          g_set_error_literal (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID,
                               pin_error->message);
          return FALSE;
        }
    }
  if (!read_hash (self, actor, &hash, cancellable, error))
    return FALSE;
  if (hash != NULL && !kefu_pin_check (current_pin, hash))
    return set_wrong_pin (error);
  if (new_pin != NULL)
    new_hash = kefu_pin_hash (new_pin);

  c = (PinChange) { actor, hash, new_hash, FALSE };
  return _kefu_store_write (self, pin_txn, &c, cancellable, error);
}

gboolean
kefu_store_clear_staff_pin (KefuStore     *self,
                            gint64         staff_id,
                            GCancellable  *cancellable,
                            GError       **error)
{
  PinChange c = { staff_id, NULL, NULL, TRUE };

  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _kefu_store_write (self, pin_txn, &c, cancellable, error);
}
