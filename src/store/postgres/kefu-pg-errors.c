/* kefu-pg-errors.c: what a failed statement means for Kefu.
 *
 * A statement's SQLSTATE is mapped to a KefuStoreError whose message says what to do; a lost
 * connection is recognised by the connection status or the 08/57P class of the SQLSTATE.
 */
#define G_LOG_DOMAIN "kefu-store-pg"

#include "config.h"

#include <glib/gi18n.h>
#include <libpq-fe.h>

#include "kefu-pg-store-private.h"

/* libpq messages end with a newline and continue lines with a tab: make them one sentence. */
char *
_kefu_pg_one_line (const char *message)
{
  g_autoptr(GString) text = g_string_new (message != NULL ? message : "");

  g_strstrip (text->str);
  text->len = strlen (text->str);
  g_string_replace (text, "\n\t", " ", 0);
  g_string_replace (text, "\n", " ", 0);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

gboolean
_kefu_pg_connection_lost (KefuPgStore *self,
                 PGresult    *result)
{
  const char *state = result != NULL ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;

  return PQstatus (self->conn) != CONNECTION_OK ||
         (state != NULL && (g_str_has_prefix (state, "08") || g_str_equal (state, "57P01") ||
                            g_str_equal (state, "57P02") || g_str_equal (state, "57P03")));
}

/* Maps a failed statement's SQLSTATE to a KefuStoreError. */
void
_kefu_pg_set_result_error (KefuPgStore   *self,
                  PGresult      *result,
                  GCancellable  *cancellable,
                  GError       **error)
{
  const char *state = result != NULL ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;
  const char *primary = result != NULL ? PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY)
                                       : NULL;
  const char *detail = result != NULL ? PQresultErrorField (result, PG_DIAG_MESSAGE_DETAIL)
                                      : NULL;
  g_autofree char *fallback = _kefu_pg_one_line (PQerrorMessage (self->conn));
  g_autofree char *message = NULL;

  if (primary == NULL)
    primary = fallback;
  message = detail != NULL ? g_strdup_printf ("%s (%s)", primary, detail) : g_strdup (primary);
  if (state == NULL)
    state = "";

  if (g_str_equal (state, "57014") && g_cancellable_is_cancelled (cancellable))
    g_cancellable_set_error_if_cancelled (cancellable, error);
  else if (g_str_equal (state, "57014"))
    /* A cancel request that arrived late, after the statement it was meant for, stops the next
     * one: not a real failure, so a write transaction is retried as a whole. */
    g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_BUSY,
                 _("A statement was interrupted by a cancellation meant for an earlier one. "
                   "Try again."));
  else if (_kefu_pg_connection_lost (self, result))
    g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_CONNECTION,
                 _("The connection to the PostgreSQL server %s was lost (%s). Check the network "
                   "and that the server is running, then try again."),
                 _kefu_pg_describe (self), message);
  else if (g_str_equal (state, "23505"))
    g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_DUPLICATE,
                 _("This value is already in use: %s. Use a different value."), message);
  else if (g_str_has_prefix (state, "23") || g_str_has_prefix (state, "22"))
    g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID,
                 _("The database refused a value: %s. Correct it and try again."), message);
  else if (g_str_equal (state, "40001") || g_str_equal (state, "40P01") ||
           g_str_equal (state, "55P03"))
    g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_BUSY,
                 _("Another workstation changed the same data at the same moment (%s). Try "
                   "again."), message);
  else if (g_str_equal (state, "25006"))
    g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_READ_ONLY,
                 _("The PostgreSQL server %s accepts no changes at the moment (%s). Connect to "
                   "the primary server, or ask the database administrator."),
                 _kefu_pg_describe (self), message);
  else if (g_str_equal (state, "42501"))
    g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_PERMISSION,
                 _("The PostgreSQL server refused this action (%s). Ask the database "
                   "administrator for the permission."), message);
  else if (g_str_equal (state, "53300") || g_str_has_prefix (state, "08"))
    g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_CONNECTION,
                 _("The PostgreSQL server %s refused the connection (%s). Try again later, or "
                   "ask the database administrator."),
                 _kefu_pg_describe (self), message);
  else
    g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_FAILED,
                 _("The PostgreSQL server reported an error: %s"), message);
}
