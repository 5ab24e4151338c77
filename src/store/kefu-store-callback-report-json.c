/* kefu-store-callback-report-json.c: a callback summary report as the archive keeps it: its
 * figures as a JSON object in callback_reports (with the period, the team or clerk, when it was
 * made and by whom) and an "archived" event; the JSON read back; freeing a report.
 *
 * The JSON object:
 *   {"first": "2026-11-01", "last": "2026-11-30", "team": 0, "clerk": 0,
 *    "made_at": "2026-12-01T01:00:00Z",
 *    "figures": {"due": 12, "on_time": 8, "late": 1, "unreachable": 1, "open": 2,
 *                "satisfied": 5, "so_so": 2, "not_satisfied": 1},
 *    "previous": {…}, "members": 40, "members_covered": 31,
 *    "by_reason": [{"reason": "after-service", "figures": {…}}, …],
 *    "by_clerk": [{"staff_id": 3, "name": "王芳", "figures": {…}}, …]}
 * Reasons are their nicks; a clerk row without a clerk (open, assigned to nobody) has staff_id 0
 * and no name.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "core/kefu-enums.h"
#include "kefu-store-callback-report-private.h"
#include "kefu-store-internal.h"

/* Freeing */

static void
breakdown_clear (gpointer data)
{
  KefuCallbackBreakdown *b = data;

  g_clear_pointer (&b->name, g_free);
}

GArray *
_kefu_callback_breakdowns_new (void)
{
  GArray *array = g_array_new (FALSE, TRUE, sizeof (KefuCallbackBreakdown));

  g_array_set_clear_func (array, breakdown_clear);
  return array;
}

void
_kefu_callback_words_free (KefuCallbackWords *words)
{
  if (words == NULL)
    return;
  g_clear_pointer (&words->done_at, g_date_time_unref);
  g_free (words->customer_name);
  g_free (words->words);
  g_free (words->clerk_name);
  g_free (words);
}

KefuCallbackReport *
_kefu_callback_report_new (void)
{
  KefuCallbackReport *report = g_new0 (KefuCallbackReport, 1);

  g_date_clear (&report->first, 1);
  g_date_clear (&report->last, 1);
  report->by_reason = _kefu_callback_breakdowns_new ();
  report->by_clerk = _kefu_callback_breakdowns_new ();
  report->words = g_ptr_array_new_with_free_func ((GDestroyNotify) _kefu_callback_words_free);
  report->weeks = g_array_new (FALSE, TRUE, sizeof (KefuCallbackWeek));
  return report;
}

void
kefu_callback_report_free (KefuCallbackReport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->by_reason, g_array_unref);
  g_clear_pointer (&report->by_clerk, g_array_unref);
  g_clear_pointer (&report->words, g_ptr_array_unref);
  g_clear_pointer (&report->weeks, g_array_unref);
  g_clear_pointer (&report->made_at, g_date_time_unref);
  g_free (report);
}

/* To JSON */

static const char *const figure_names[] = {
  "due", "on_time", "late", "unreachable", "open", "satisfied", "so_so", "not_satisfied",
};

/* The figures in the order of figure_names (the struct's order). */
static guint *
figure_values (KefuCallbackFigures *figures,
               guint                i)
{
  guint *values[] = {
    &figures->due, &figures->on_time, &figures->late, &figures->unreachable,
    &figures->open, &figures->satisfied, &figures->so_so, &figures->not_satisfied,
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (values) == G_N_ELEMENTS (figure_names));
  return values[i];
}

static void
add_figures (JsonBuilder               *builder,
             const char                *member,
             const KefuCallbackFigures *figures)
{
  KefuCallbackFigures copy = *figures;

  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (figure_names); i++)
    {
      json_builder_set_member_name (builder, figure_names[i]);
      json_builder_add_int_value (builder, *figure_values (&copy, i));
    }
  json_builder_end_object (builder);
}

static void
add_day (JsonBuilder *builder,
         const char  *member,
         const GDate *day)
{
  char text[16];

  g_date_strftime (text, sizeof text, "%Y-%m-%d", day);
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, text);
}

static void
add_breakdowns (JsonBuilder *builder,
                const char  *member,
                GArray      *breakdowns,
                gboolean     by_reason)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; breakdowns != NULL && i < breakdowns->len; i++)
    {
      const KefuCallbackBreakdown *b = &g_array_index (breakdowns, KefuCallbackBreakdown, i);

      json_builder_begin_object (builder);
      if (by_reason)
        {
          json_builder_set_member_name (builder, "reason");
          json_builder_add_string_value (builder,
                                         _kefu_store_enum_to_nick (KEFU_TYPE_CALLBACK_REASON,
                                                                   b->reason));
        }
      else
        {
          json_builder_set_member_name (builder, "staff_id");
          json_builder_add_int_value (builder, b->staff_id);
          if (b->name != NULL)
            {
              json_builder_set_member_name (builder, "name");
              json_builder_add_string_value (builder, b->name);
            }
        }
      add_figures (builder, "figures", &b->figures);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/**
 * kefu_callback_report_to_json:
 *
 * Returns: (transfer full): the report's figures as the archive keeps them
 */
char *
kefu_callback_report_to_json (const KefuCallbackReport *report)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (report != NULL, NULL);

  json_builder_begin_object (builder);
  add_day (builder, "first", &report->first);
  add_day (builder, "last", &report->last);
  json_builder_set_member_name (builder, "team");
  json_builder_add_int_value (builder, report->department_id);
  json_builder_set_member_name (builder, "clerk");
  json_builder_add_int_value (builder, report->clerk_id);
  if (report->made_at != NULL)
    {
      g_autofree char *made_at = g_date_time_format_iso8601 (report->made_at);

      json_builder_set_member_name (builder, "made_at");
      json_builder_add_string_value (builder, made_at);
    }
  add_figures (builder, "figures", &report->figures);
  add_figures (builder, "previous", &report->previous);
  json_builder_set_member_name (builder, "members");
  json_builder_add_int_value (builder, report->n_members);
  json_builder_set_member_name (builder, "members_covered");
  json_builder_add_int_value (builder, report->n_members_covered);
  add_breakdowns (builder, "by_reason", report->by_reason, TRUE);
  add_breakdowns (builder, "by_clerk", report->by_clerk, FALSE);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/* From JSON */

static gboolean
invalid (GError     **error,
         const char  *what)
{
  g_set_error (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID,
               /* Translators: %s names what is missing or wrong, e.g. “first”. */
               _("The archived callback report is damaged (%s is missing or wrong). Make the "
                 "report again from the callbacks."),
               what);
  return FALSE;
}

static gboolean
read_count (JsonObject  *object,
            const char  *member,
            guint       *value,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  gint64 n;

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64)
    return invalid (error, member);
  n = json_node_get_int (node);
  if (n < 0 || n > G_MAXUINT)
    return invalid (error, member);
  *value = (guint) n;
  return TRUE;
}

static gboolean
read_figures (JsonObject           *object,
              const char           *member,
              KefuCallbackFigures  *figures,
              GError              **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, member);
  for (guint i = 0; i < G_N_ELEMENTS (figure_names); i++)
    if (!read_count (json_node_get_object (node), figure_names[i], figure_values (figures, i),
                     error))
      return FALSE;
  return TRUE;
}

static gboolean
read_day (JsonObject  *object,
          const char  *member,
          GDate       *day,
          GError     **error)
{
  const char *text = json_object_get_string_member_with_default (object, member, NULL);
  int y, m, d;

  if (text == NULL || sscanf (text, "%4d-%2d-%2d", &y, &m, &d) != 3 ||
      !g_date_valid_dmy (d, m, y))
    return invalid (error, member);
  g_date_set_dmy (day, d, m, y);
  return TRUE;
}

static gboolean
read_breakdowns (JsonObject  *object,
                 const char  *member,
                 GArray      *breakdowns,
                 gboolean     by_reason,
                 GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return invalid (error, member);
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      KefuCallbackBreakdown b = { 0 };
      JsonObject *row;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return invalid (error, member);
      row = json_node_get_object (element);
      b.reason = KEFU_CALLBACK_REASON_OTHER;
      if (by_reason)
        {
          const char *nick = json_object_get_string_member_with_default (row, "reason", NULL);

          if (nick == NULL)
            return invalid (error, "reason");
          b.reason = _kefu_store_enum_from_nick (KEFU_TYPE_CALLBACK_REASON, nick, -1);
          if ((int) b.reason < 0)
            return invalid (error, "reason");
        }
      else
        {
          b.staff_id = json_object_get_int_member_with_default (row, "staff_id", -1);
          if (b.staff_id < 0)
            return invalid (error, "staff_id");
          b.name = g_strdup (json_object_get_string_member_with_default (row, "name", NULL));
        }
      /* Appended first, so that the name is freed with the array if the figures fail. */
      g_array_append_val (breakdowns, b);
      if (!read_figures (row, "figures", &g_array_index (breakdowns, KefuCallbackBreakdown,
                                                         breakdowns->len - 1).figures, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * kefu_callback_report_from_json:
 *
 * Returns: (transfer full): the report the archive's JSON describes (no words, no weeks), or
 *   NULL with @error set (KEFU_STORE_ERROR_INVALID, or json-glib's parse error)
 */
KefuCallbackReport *
kefu_callback_report_from_json (const char  *json,
                                GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(KefuCallbackReport) report = NULL;
  JsonObject *root;
  const char *made_at;

  g_return_val_if_fail (json != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!json_parser_load_from_data (parser, json, -1, error))
    return NULL;
  if (json_parser_get_root (parser) == NULL || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      invalid (error, "{}");
      return NULL;
    }
  root = json_node_get_object (json_parser_get_root (parser));
  report = _kefu_callback_report_new ();
  report->department_id = json_object_get_int_member_with_default (root, "team", 0);
  report->clerk_id = json_object_get_int_member_with_default (root, "clerk", 0);
  made_at = json_object_get_string_member_with_default (root, "made_at", NULL);
  if (made_at != NULL)
    report->made_at = g_date_time_new_from_iso8601 (made_at, NULL);
  if (!read_day (root, "first", &report->first, error) ||
      !read_day (root, "last", &report->last, error) ||
      !read_figures (root, "figures", &report->figures, error) ||
      !read_figures (root, "previous", &report->previous, error) ||
      !read_count (root, "members", &report->n_members, error) ||
      !read_count (root, "members_covered", &report->n_members_covered, error) ||
      !read_breakdowns (root, "by_reason", report->by_reason, TRUE, error) ||
      !read_breakdowns (root, "by_clerk", report->by_clerk, FALSE, error))
    return NULL;
  return g_steal_pointer (&report);
}

/* The archive */

typedef struct
{
  KefuCallbackReport *report;
  gint64              id;
} Archive;

static gboolean
archive_txn (KefuStore     *self,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  Archive *a = data;
  KefuCallbackReport *report = a->report;
  g_autofree char *figures = kefu_callback_report_to_json (report);
  g_autofree char *made_at = kefu_time_to_db (report->made_at);
  g_autoptr(GString) details = g_string_new ("{\"first_day\":");
  g_autoptr(KefuRows) rows = NULL;
  char first[16];
  char last[16];
  gint64 actor = _kefu_store_get_txn_actor (self);

  if (actor <= 0)
    {
      g_set_error_literal (error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_NO_ACTOR,
                           _("Nobody is signed in, so the report cannot be archived. Choose "
                             "who is working first."));
      return FALSE;
    }
  g_date_strftime (first, sizeof first, "%Y-%m-%d", &report->first);
  g_date_strftime (last, sizeof last, "%Y-%m-%d", &report->last);
  rows = _kefu_store_query (self,
                            "INSERT INTO callback_reports (first_day, last_day, team_id, "
                            "clerk_id, figures, made_at, made_by) "
                            "VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
                            g_variant_new ("(ssmxmxssx)", first, last,
                                           report->department_id > 0, report->department_id,
                                           report->clerk_id > 0, report->clerk_id,
                                           figures, made_at, actor),
                            cancellable, error);
  if (rows == NULL)
    return FALSE;
  a->id = kefu_rows_get_int (rows, 0, 0);

  _kefu_json_append_string (details, first);
  g_string_append (details, ",\"last_day\":");
  _kefu_json_append_string (details, last);
  g_string_append_printf (details, ",\"team_id\":%" G_GINT64_FORMAT ",\"clerk_id\":%"
                          G_GINT64_FORMAT ",\"due\":%u}",
                          report->department_id, report->clerk_id, report->figures.due);
  return _kefu_store_add_event (self, "callback-report", a->id, "archived", details->str,
                                cancellable, error);
}

/**
 * kefu_store_archive_callback_report:
 *
 * Returns: TRUE when archived (@report's archive_id is set), FALSE with @error set
 */
gboolean
kefu_store_archive_callback_report (KefuStore           *self,
                                    KefuCallbackReport  *report,
                                    GCancellable        *cancellable,
                                    GError             **error)
{
  Archive a = { report, 0 };

  g_return_val_if_fail (KEFU_IS_STORE (self), FALSE);
  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (g_date_valid (&report->first) && g_date_valid (&report->last), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (report->made_at == NULL)
    report->made_at = _kefu_store_now (self);
  if (!_kefu_store_write (self, archive_txn, &a, cancellable, error))
    return FALSE;
  report->archive_id = a.id;
  return TRUE;
}
