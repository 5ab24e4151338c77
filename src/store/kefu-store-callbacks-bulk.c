/* kefu-store-callbacks-bulk.c: loading callbacks by the hundred thousand (kefuctl generate):
 * one transaction, the ids chosen under the write lock (PostgreSQL: a table lock), the rows
 * through the backend's bulk path bound straight from the records, one event for the load.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-callback-rules.h"
#include "core/kefu-enum-types.h"
#include "kefu-store-callbacks-bulk.h"
#include "kefu-store-calls-bulk-private.h"
#include "kefu-store-complaints-private.h"

static const char *const callback_columns[] = {
  "id", "customer_id", "customer_name", "reason", "topic", "due_at", "deadline_at", "method",
  "state", "assigned_to", "n_attempts", "last_outcome", "escalated_at", "outcome",
  "satisfaction", "customer_words", "done_at", "done_by", "cancel_reason", "version",
  "created_by", "created_at", "updated_at", NULL
};

typedef struct
{
  GPtrArray        *callbacks;
  KefuStoreBackend  backend;
  char              now[32];
  gint64            actor;
  gint64            first_id;
} Load;

typedef struct
{
  Load  *load;
  guint  next;
  char   times[6][32];
} Cursor;

static gboolean
next_callback_row (gpointer        user_data,
                   KefuStoreValue *v)
{
  Cursor *cursor = user_data;
  Load *load = cursor->load;
  KefuCallback *c;
  gboolean done;

  if (cursor->next >= load->callbacks->len)
    return FALSE;
  c = g_ptr_array_index (load->callbacks, cursor->next);
  done = c->state == KEFU_CALLBACK_STATE_DONE;

  kefu_store_value_set_int64 (&v[0], load->first_id + cursor->next);
  kefu_store_value_set_int64 (&v[1], c->customer_id);
  kefu_store_value_set_text (&v[2], c->customer_name);
  kefu_store_value_set_text (&v[3], _kefu_store_enum_to_nick (KEFU_TYPE_CALLBACK_REASON, c->reason));
  if (c->topic != NULL)
    kefu_store_value_set_text (&v[4], c->topic);
  else
    kefu_store_value_set_null (&v[4]);
  _kefu_bulk_set_time (&v[5], c->due_at, cursor->times[0]);
  _kefu_bulk_set_time (&v[6], c->deadline_at, cursor->times[1]);
  kefu_store_value_set_text (&v[7], _kefu_store_enum_to_nick (KEFU_TYPE_CALLBACK_METHOD, c->method));
  kefu_store_value_set_text (&v[8], _kefu_store_enum_to_nick (KEFU_TYPE_CALLBACK_STATE, c->state));
  _kefu_bulk_set_id (&v[9], c->assigned_to);
  kefu_store_value_set_int64 (&v[10], c->n_attempts);
  if (c->n_attempts > 0 || done)
    kefu_store_value_set_text (&v[11], _kefu_store_enum_to_nick (KEFU_TYPE_CALLBACK_OUTCOME,
                                                                 c->last_outcome));
  else
    kefu_store_value_set_null (&v[11]);
  _kefu_bulk_set_time (&v[12], c->escalated_at, cursor->times[2]);
  if (done)
    kefu_store_value_set_text (&v[13], _kefu_store_enum_to_nick (KEFU_TYPE_CALLBACK_OUTCOME,
                                                                 c->outcome));
  else
    kefu_store_value_set_null (&v[13]);
  if (done && c->satisfaction != KEFU_SATISFACTION_UNSPECIFIED)
    kefu_store_value_set_text (&v[14], _kefu_store_enum_to_nick (KEFU_TYPE_SATISFACTION,
                                                                 c->satisfaction));
  else
    kefu_store_value_set_null (&v[14]);
  if (c->customer_words != NULL)
    kefu_store_value_set_text (&v[15], c->customer_words);
  else
    kefu_store_value_set_null (&v[15]);
  _kefu_bulk_set_time (&v[16], c->done_at, cursor->times[3]);
  _kefu_bulk_set_id (&v[17], c->done_by);
  if (c->cancel_reason != NULL)
    kefu_store_value_set_text (&v[18], c->cancel_reason);
  else
    kefu_store_value_set_null (&v[18]);
  kefu_store_value_set_int64 (&v[19], 1);
  kefu_store_value_set_int64 (&v[20], c->created_by != 0 ? c->created_by : load->actor);
  if (c->created_at != NULL)
    _kefu_bulk_set_time (&v[21], c->created_at, cursor->times[4]);
  else
    kefu_store_value_set_text (&v[21], load->now);
  kefu_store_value_set_text (&v[22], load->now);

  cursor->next++;
  return TRUE;
}

/* What the rules require of every record, checked before the transaction. */
static gboolean
check_records (GPtrArray  *callbacks,
               GError    **error)
{
  for (guint i = 0; i < callbacks->len; i++)
    {
      KefuCallback *c = g_ptr_array_index (callbacks, i);
      const char *reason = NULL;

      if (c->customer_id <= 0 || c->customer_name == NULL)
        reason = _("it has no customer");
      else if (c->due_at == NULL || c->deadline_at == NULL)
        reason = _("it has no due time or no deadline");
      else if (c->state == KEFU_CALLBACK_STATE_DONE &&
               (c->done_at == NULL ||
                (c->outcome == KEFU_CALLBACK_OUTCOME_REACHED &&
                 c->satisfaction == KEFU_SATISFACTION_UNSPECIFIED)))
        reason = _("it is done without its time, outcome or satisfaction");
      else if (c->state != KEFU_CALLBACK_STATE_DONE && c->done_at != NULL)
        reason = _("it is not done but has a time done");
      if (reason != NULL)
        {
          g_autofree char *message =
            /* Translators: a generated callback refused by the bulk load: "Callback 12 of
             * 25000 cannot be loaded: it has no customer." */
            g_strdup_printf (_("Callback %u of %u cannot be loaded: %s."), i + 1, callbacks->len,
                             reason);

          _kefu_bulk_set_invalid (error, message);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
bulk_txn (KefuStore     *self,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  Load *load = data;
  Cursor cursor = { .load = load };
  g_autofree char *details = NULL;
  g_autofree char *now = _kefu_store_now_text (self);

  g_strlcpy (load->now, now, sizeof load->now);
  load->actor = _kefu_store_get_txn_actor (self);
  /* Single writes wait, so that no id is taken twice; readers go on. */
  if (load->backend == KEFU_STORE_BACKEND_POSTGRES &&
      _kefu_store_execute (self, "LOCK TABLE callbacks IN SHARE ROW EXCLUSIVE MODE", NULL,
                           cancellable, error) < 0)
    return FALSE;
  if (!_kefu_bulk_next_id (self, "SELECT COALESCE(MAX(id), 0) FROM callbacks", &load->first_id,
                           cancellable, error))
    return FALSE;
  if (!_kefu_store_bulk_insert_rows (self, "callbacks", callback_columns, next_callback_row,
                                     &cursor, cancellable, error))
    return FALSE;
  if (load->backend == KEFU_STORE_BACKEND_POSTGRES &&
      _kefu_store_execute (self, "SELECT setval(pg_get_serial_sequence('callbacks', 'id'), "
                           "(SELECT COALESCE(MAX(id), 1) FROM callbacks))", NULL, cancellable,
                           error) < 0)
    return FALSE;

  details = g_strdup_printf ("{\"count\":%u,\"first_id\":%" G_GINT64_FORMAT ",\"last_id\":%"
                             G_GINT64_FORMAT "}", load->callbacks->len, load->first_id,
                             load->first_id + load->callbacks->len - 1);
  return _kefu_store_add_event (self, "callbacks", 0, "bulk-insert", details, cancellable,
                                error);
}

gboolean
kefu_store_insert_callbacks_bulk (KefuStore     *self,
                                  GPtrArray     *callbacks,
                                  GCancellable  *cancellable,
                                  GError       **error)
{
  Load load = { .callbacks = callbacks };

  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);
  g_return_val_if_fail (callbacks != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (callbacks->len == 0)
    return TRUE;
  if (!check_records (callbacks, error))
    return FALSE;
  load.backend = kefu_store_get_backend (self);
  if (!_kefu_store_write (self, bulk_txn, &load, cancellable, error))
    return FALSE;
  for (guint i = 0; i < callbacks->len; i++)
    {
      KefuCallback *c = g_ptr_array_index (callbacks, i);

      c->id = load.first_id + i;
      c->version = 1;
    }
  return TRUE;
}
