/* kefu-merge.c: the three-way merge of one record edited by two people at once (see
 * kefu-merge.h).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-merge"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "kefu-event.h"
#include "kefu-merge.h"

typedef struct
{
  KefuMergeState  state;
  KefuMergeChoice choice;
  gboolean        have;     /* all three records had the field */
  GValue          base;
  GValue          mine;
  GValue          theirs;
  char           *changed_by;
  GDateTime      *changed_at;
} Entry;

struct _KefuMerge
{
  GObject               parent_instance;

  const KefuMergeField *fields;
  guint                 n_fields;
  Entry                *entries;
};

G_DEFINE_FINAL_TYPE (KefuMerge, kefu_merge, G_TYPE_OBJECT)

G_DEFINE_QUARK (kefu-merge-error-quark, kefu_merge_error)

static void
entry_clear (Entry *entry)
{
  if (G_IS_VALUE (&entry->base))
    g_value_unset (&entry->base);
  if (G_IS_VALUE (&entry->mine))
    g_value_unset (&entry->mine);
  if (G_IS_VALUE (&entry->theirs))
    g_value_unset (&entry->theirs);
  g_clear_pointer (&entry->changed_by, g_free);
  g_clear_pointer (&entry->changed_at, g_date_time_unref);
}

static void
kefu_merge_finalize (GObject *object)
{
  KefuMerge *self = KEFU_MERGE (object);

  for (guint i = 0; i < self->n_fields; i++)
    entry_clear (&self->entries[i]);
  g_free (self->entries);

  G_OBJECT_CLASS (kefu_merge_parent_class)->finalize (object);
}

static void
kefu_merge_class_init (KefuMergeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kefu_merge_finalize;
}

static void
kefu_merge_init (KefuMerge *self)
{
}

/* Fields */

const char *
kefu_merge_field_get_label (const KefuMergeField *field)
{
  g_return_val_if_fail (field != NULL, NULL);

  if (field->label == NULL)
    return field->key;
  if (field->context != NULL)
    return g_dpgettext2 (GETTEXT_PACKAGE, field->context, field->label);
  return g_dgettext (GETTEXT_PACKAGE, field->label);
}

/* The object that holds the field's last property, and that property's name. */
static GObject *
resolve (const KefuMergeField  *field,
         GObject               *record,
         const char           **name)
{
  const char *dot = strchr (field->property, '.');
  g_autofree char *holder = NULL;
  GObject *object = NULL;

  *name = field->property;
  if (record == NULL || dot == NULL)
    return record;

  holder = g_strndup (field->property, dot - field->property);
  *name = dot + 1;
  if (g_object_class_find_property (G_OBJECT_GET_CLASS (record), holder) == NULL)
    return NULL;
  g_object_get (record, holder, &object, NULL);
  /* The record keeps the object it holds alive. */
  if (object != NULL)
    g_object_unref (object);
  return object;
}

gboolean
kefu_merge_field_get (const KefuMergeField *field,
                      GObject              *record,
                      GValue               *value)
{
  const char *name;
  GObject *object;
  GParamSpec *pspec;

  g_return_val_if_fail (field != NULL, FALSE);

  if (field->get != NULL)
    return record != NULL && field->get (record, value);
  object = resolve (field, record, &name);
  if (object == NULL)
    return FALSE;
  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), name);
  if (pspec == NULL)
    return FALSE;
  g_value_init (value, pspec->value_type);
  g_object_get_property (object, name, value);
  return TRUE;
}

gboolean
kefu_merge_field_set (const KefuMergeField *field,
                      GObject              *record,
                      const GValue         *value)
{
  const char *name;
  GObject *object;

  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (G_IS_VALUE (value), FALSE);

  if (field->set != NULL)
    {
      if (record == NULL)
        return FALSE;
      field->set (record, value);
      return TRUE;
    }
  object = resolve (field, record, &name);
  if (object == NULL || g_object_class_find_property (G_OBJECT_GET_CLASS (object), name) == NULL)
    return FALSE;
  g_object_set_property (object, name, value);
  return TRUE;
}

static gboolean
strv_empty (const char * const *strv)
{
  return strv == NULL || strv[0] == NULL;
}

gboolean
kefu_merge_values_equal (const GValue *a,
                         const GValue *b)
{
  GType type;

  g_return_val_if_fail (G_IS_VALUE (a) && G_IS_VALUE (b), FALSE);

  type = G_VALUE_TYPE (a);
  if (type != G_VALUE_TYPE (b))
    return FALSE;

  if (type == G_TYPE_STRING)
    {
      const char *x = g_value_get_string (a);
      const char *y = g_value_get_string (b);

      return g_strcmp0 (x != NULL ? x : "", y != NULL ? y : "") == 0;
    }
  if (type == G_TYPE_STRV)
    {
      const char * const *x = g_value_get_boxed (a);
      const char * const *y = g_value_get_boxed (b);

      if (strv_empty (x) || strv_empty (y))
        return strv_empty (x) == strv_empty (y);
      return g_strv_equal (x, y);
    }
  if (type == G_TYPE_DATE_TIME)
    {
      GDateTime *x = g_value_get_boxed (a);
      GDateTime *y = g_value_get_boxed (b);

      if (x == NULL || y == NULL)
        return x == y;
      return g_date_time_to_unix (x) == g_date_time_to_unix (y);
    }
  if (type == G_TYPE_DATE)
    {
      GDate *x = g_value_get_boxed (a);
      GDate *y = g_value_get_boxed (b);
      gboolean x_set = x != NULL && g_date_valid (x);
      gboolean y_set = y != NULL && g_date_valid (y);

      if (!x_set || !y_set)
        return x_set == y_set;
      return g_date_compare (x, y) == 0;
    }
  if (G_TYPE_IS_ENUM (type))
    return g_value_get_enum (a) == g_value_get_enum (b);
  if (G_TYPE_IS_FLAGS (type))
    return g_value_get_flags (a) == g_value_get_flags (b);
  if (type == G_TYPE_BOOLEAN)
    return !g_value_get_boolean (a) == !g_value_get_boolean (b);
  if (type == G_TYPE_INT64)
    return g_value_get_int64 (a) == g_value_get_int64 (b);
  if (type == G_TYPE_UINT64)
    return g_value_get_uint64 (a) == g_value_get_uint64 (b);
  if (type == G_TYPE_INT)
    return g_value_get_int (a) == g_value_get_int (b);
  if (type == G_TYPE_UINT)
    return g_value_get_uint (a) == g_value_get_uint (b);
  if (type == G_TYPE_DOUBLE)
    return g_value_get_double (a) == g_value_get_double (b);
  if (G_TYPE_IS_OBJECT (type))
    return g_value_get_object (a) == g_value_get_object (b);
  if (G_TYPE_IS_BOXED (type))
    return g_value_get_boxed (a) == g_value_get_boxed (b);

  g_return_val_if_reached (FALSE);
}

char *
kefu_merge_value_to_text (const GValue *value)
{
  GType type;

  g_return_val_if_fail (G_IS_VALUE (value), NULL);

  type = G_VALUE_TYPE (value);
  if (type == G_TYPE_STRING)
    {
      const char *text = g_value_get_string (value);

      return text != NULL && text[0] != '\0' ? g_strdup (text) : NULL;
    }
  if (type == G_TYPE_STRV)
    {
      const char * const *strv = g_value_get_boxed (value);

      /* Translators: between the items of a list of values, e.g. phone numbers. */
      return strv_empty (strv) ? NULL : g_strjoinv (C_("list separator", ", "), (char **) strv);
    }
  if (type == G_TYPE_DATE_TIME)
    {
      GDateTime *time = g_value_get_boxed (value);
      g_autoptr(GDateTime) local = NULL;

      if (time == NULL)
        return NULL;
      local = g_date_time_to_local (time);
      return g_date_time_format (local, "%Y-%m-%d %H:%M");
    }
  if (type == G_TYPE_DATE)
    {
      GDate *date = g_value_get_boxed (value);

      if (date == NULL || !g_date_valid (date))
        return NULL;
      return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                              g_date_get_day (date));
    }
  if (type == G_TYPE_BOOLEAN)
    return g_strdup (g_value_get_boolean (value) ? C_("field value", "Yes")
                                                 : C_("field value", "No"));
  if (G_TYPE_IS_ENUM (type))
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (type);
      GEnumValue *item = g_enum_get_value (klass, g_value_get_enum (value));

      return item != NULL ? g_strdup (item->value_nick) : NULL;
    }
  if (type == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, g_value_get_int64 (value));
  if (type == G_TYPE_INT)
    return g_strdup_printf ("%d", g_value_get_int (value));
  if (type == G_TYPE_UINT)
    return g_strdup_printf ("%u", g_value_get_uint (value));
  if (type == G_TYPE_DOUBLE)
    return g_strdup_printf ("%g", g_value_get_double (value));

  return NULL;
}

/* The merge */

KefuMerge *
kefu_merge_new (const KefuMergeField *fields,
                guint                 n_fields,
                GObject              *base,
                GObject              *mine,
                GObject              *theirs)
{
  KefuMerge *self;

  g_return_val_if_fail (fields != NULL || n_fields == 0, NULL);
  g_return_val_if_fail (G_IS_OBJECT (base) && G_IS_OBJECT (mine) && G_IS_OBJECT (theirs), NULL);

  self = g_object_new (KEFU_TYPE_MERGE, NULL);
  self->fields = fields;
  self->n_fields = n_fields;
  self->entries = g_new0 (Entry, n_fields);

  for (guint i = 0; i < n_fields; i++)
    {
      Entry *entry = &self->entries[i];
      gboolean mine_changed;
      gboolean theirs_changed;

      entry->state = KEFU_MERGE_UNCHANGED;
      entry->have = kefu_merge_field_get (&fields[i], base, &entry->base)
                    && kefu_merge_field_get (&fields[i], mine, &entry->mine)
                    && kefu_merge_field_get (&fields[i], theirs, &entry->theirs);
      if (!entry->have)
        continue;

      mine_changed = !kefu_merge_values_equal (&entry->base, &entry->mine);
      theirs_changed = !kefu_merge_values_equal (&entry->base, &entry->theirs);
      if (mine_changed && theirs_changed)
        entry->state = kefu_merge_values_equal (&entry->mine, &entry->theirs)
          ? KEFU_MERGE_SAME : KEFU_MERGE_CONFLICT;
      else if (mine_changed)
        entry->state = KEFU_MERGE_MINE;
      else if (theirs_changed)
        entry->state = KEFU_MERGE_THEIRS;
    }

  return self;
}

guint
kefu_merge_get_n_fields (KefuMerge *self)
{
  g_return_val_if_fail (KEFU_IS_MERGE (self), 0);

  return self->n_fields;
}

const KefuMergeField *
kefu_merge_get_field (KefuMerge *self,
                      guint      i)
{
  g_return_val_if_fail (KEFU_IS_MERGE (self), NULL);
  g_return_val_if_fail (i < self->n_fields, NULL);

  return &self->fields[i];
}

int
kefu_merge_find_field (KefuMerge  *self,
                       const char *key)
{
  g_return_val_if_fail (KEFU_IS_MERGE (self), -1);
  g_return_val_if_fail (key != NULL, -1);

  for (guint i = 0; i < self->n_fields; i++)
    if (g_str_equal (self->fields[i].key, key))
      return (int) i;
  return -1;
}

KefuMergeState
kefu_merge_get_state (KefuMerge *self,
                      guint      i)
{
  g_return_val_if_fail (KEFU_IS_MERGE (self), KEFU_MERGE_UNCHANGED);
  g_return_val_if_fail (i < self->n_fields, KEFU_MERGE_UNCHANGED);

  return self->entries[i].state;
}

const GValue *
kefu_merge_get_base (KefuMerge *self,
                     guint      i)
{
  g_return_val_if_fail (KEFU_IS_MERGE (self), NULL);
  g_return_val_if_fail (i < self->n_fields, NULL);

  return self->entries[i].have ? &self->entries[i].base : NULL;
}

const GValue *
kefu_merge_get_mine (KefuMerge *self,
                     guint      i)
{
  g_return_val_if_fail (KEFU_IS_MERGE (self), NULL);
  g_return_val_if_fail (i < self->n_fields, NULL);

  return self->entries[i].have ? &self->entries[i].mine : NULL;
}

const GValue *
kefu_merge_get_theirs (KefuMerge *self,
                       guint      i)
{
  g_return_val_if_fail (KEFU_IS_MERGE (self), NULL);
  g_return_val_if_fail (i < self->n_fields, NULL);

  return self->entries[i].have ? &self->entries[i].theirs : NULL;
}

const GValue *
kefu_merge_get_merged (KefuMerge *self,
                       guint      i)
{
  Entry *entry;

  g_return_val_if_fail (KEFU_IS_MERGE (self), NULL);
  g_return_val_if_fail (i < self->n_fields, NULL);

  entry = &self->entries[i];
  if (!entry->have)
    return NULL;
  switch (entry->state)
    {
    case KEFU_MERGE_MINE:
      return &entry->mine;
    case KEFU_MERGE_CONFLICT:
      if (entry->choice == KEFU_MERGE_CHOICE_MINE)
        return &entry->mine;
      if (entry->choice == KEFU_MERGE_CHOICE_THEIRS)
        return &entry->theirs;
      return NULL;
    case KEFU_MERGE_UNCHANGED:
    case KEFU_MERGE_THEIRS:
    case KEFU_MERGE_SAME:
    default:
      return &entry->theirs;
    }
}

gboolean
kefu_merge_set_choice (KefuMerge       *self,
                       guint            i,
                       KefuMergeChoice  choice)
{
  g_return_val_if_fail (KEFU_IS_MERGE (self), FALSE);
  g_return_val_if_fail (i < self->n_fields, FALSE);

  if (self->entries[i].state != KEFU_MERGE_CONFLICT)
    return FALSE;
  self->entries[i].choice = choice;
  return TRUE;
}

KefuMergeChoice
kefu_merge_get_choice (KefuMerge *self,
                       guint      i)
{
  g_return_val_if_fail (KEFU_IS_MERGE (self), KEFU_MERGE_CHOICE_NONE);
  g_return_val_if_fail (i < self->n_fields, KEFU_MERGE_CHOICE_NONE);

  return self->entries[i].choice;
}

guint
kefu_merge_count (KefuMerge      *self,
                  KefuMergeState  state)
{
  guint n = 0;

  g_return_val_if_fail (KEFU_IS_MERGE (self), 0);

  for (guint i = 0; i < self->n_fields; i++)
    if (self->entries[i].state == state)
      n++;
  return n;
}

guint
kefu_merge_get_n_undecided (KefuMerge *self)
{
  guint n = 0;

  g_return_val_if_fail (KEFU_IS_MERGE (self), 0);

  for (guint i = 0; i < self->n_fields; i++)
    if (self->entries[i].state == KEFU_MERGE_CONFLICT
        && self->entries[i].choice == KEFU_MERGE_CHOICE_NONE)
      n++;
  return n;
}

gboolean
kefu_merge_has_their_changes (KefuMerge *self)
{
  g_return_val_if_fail (KEFU_IS_MERGE (self), FALSE);

  return kefu_merge_count (self, KEFU_MERGE_THEIRS) > 0
    || kefu_merge_count (self, KEFU_MERGE_SAME) > 0
    || kefu_merge_count (self, KEFU_MERGE_CONFLICT) > 0;
}

gboolean
kefu_merge_apply (KefuMerge  *self,
                  GObject    *target,
                  GError    **error)
{
  guint undecided;

  g_return_val_if_fail (KEFU_IS_MERGE (self), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (target), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  undecided = kefu_merge_get_n_undecided (self);
  if (undecided > 0)
    {
      g_set_error (error, KEFU_MERGE_ERROR, KEFU_MERGE_ERROR_UNDECIDED,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u field was changed by you and by someone else: choose which "
                                "value to keep, then save again.",
                                "%u fields were changed by you and by someone else: choose which "
                                "value to keep for each, then save again.", undecided),
                   undecided);
      return FALSE;
    }

  for (guint i = 0; i < self->n_fields; i++)
    {
      const GValue *merged = kefu_merge_get_merged (self, i);
      g_auto(GValue) current = G_VALUE_INIT;

      if (merged == NULL
          || !kefu_merge_field_get (&self->fields[i], target, &current)
          || kefu_merge_values_equal (&current, merged))
        continue;
      kefu_merge_field_set (&self->fields[i], target, merged);
    }
  return TRUE;
}

/* Who changed what */

/* Whether the event's details name `key`: {"changes":{key:…}} or {"changed":[…key…]}. */
static gboolean
details_name_key (JsonObject *details,
                  const char *key)
{
  JsonNode *node;

  node = json_object_get_member (details, "changes");
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node)
      && json_object_has_member (json_node_get_object (node), key))
    return TRUE;

  node = json_object_get_member (details, "changed");
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *item = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_VALUE (item) && json_node_get_value_type (item) == G_TYPE_STRING
              && g_strcmp0 (json_node_get_string (item), key) == 0)
            return TRUE;
        }
    }
  return FALSE;
}

static void
entry_set_change (Entry     *entry,
                  KefuEvent *event)
{
  const char *name = kefu_event_get_staff_name (event);

  g_clear_pointer (&entry->changed_by, g_free);
  g_clear_pointer (&entry->changed_at, g_date_time_unref);
  entry->changed_by = name != NULL && name[0] != '\0' ? g_strdup (name) : NULL;
  if (kefu_event_get_created_at (event) != NULL)
    entry->changed_at = g_date_time_ref (kefu_event_get_created_at (event));
}

void
kefu_merge_set_events (KefuMerge  *self,
                       GListModel *events,
                       gint64      after_event_id,
                       const char *fallback_action)
{
  g_autoptr(GPtrArray) counted = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) parsed = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  guint n;

  g_return_if_fail (KEFU_IS_MERGE (self));
  g_return_if_fail (events == NULL || G_IS_LIST_MODEL (events));

  for (guint i = 0; i < self->n_fields; i++)
    {
      g_clear_pointer (&self->entries[i].changed_by, g_free);
      g_clear_pointer (&self->entries[i].changed_at, g_date_time_unref);
    }
  if (events == NULL)
    return;

  /* The counted events, newest first (by id: one change's events are ordered by their ids). */
  n = g_list_model_get_n_items (events);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KefuEvent) event = g_list_model_get_item (events, i);

      if (kefu_event_get_id (event) > after_event_id)
        g_ptr_array_add (counted, g_steal_pointer (&event));
    }
  for (guint i = 1; i < counted->len; i++)
    for (guint j = i; j > 0
         && kefu_event_get_id (counted->pdata[j - 1]) < kefu_event_get_id (counted->pdata[j]); j--)
      {
        gpointer swap = counted->pdata[j];

        counted->pdata[j] = counted->pdata[j - 1];
        counted->pdata[j - 1] = swap;
      }
  for (guint i = 0; i < counted->len; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      const char *details = kefu_event_get_details (counted->pdata[i]);
      JsonNode *root = NULL;

      if (details != NULL && json_parser_load_from_data (parser, details, -1, NULL))
        root = json_parser_get_root (parser);
      g_ptr_array_add (parsed, root != NULL && JSON_NODE_HOLDS_OBJECT (root)
                                 ? json_object_ref (json_node_get_object (root))
                                 : json_object_new ());
    }

  for (guint f = 0; f < self->n_fields; f++)
    {
      Entry *entry = &self->entries[f];
      KefuEvent *fallback = NULL;
      KefuEvent *named = NULL;

      for (guint i = 0; i < counted->len && named == NULL; i++)
        {
          if (details_name_key (parsed->pdata[i], self->fields[f].key))
            named = counted->pdata[i];
          else if (fallback == NULL
                   && (fallback_action == NULL
                       || g_strcmp0 (kefu_event_get_action (counted->pdata[i]),
                                     fallback_action) == 0))
            fallback = counted->pdata[i];
        }
      if (named != NULL)
        entry_set_change (entry, named);
      else if (fallback != NULL)
        entry_set_change (entry, fallback);
    }
}

const char *
kefu_merge_get_changed_by (KefuMerge *self,
                           guint      i)
{
  g_return_val_if_fail (KEFU_IS_MERGE (self), NULL);
  g_return_val_if_fail (i < self->n_fields, NULL);

  return self->entries[i].changed_by;
}

GDateTime *
kefu_merge_get_changed_at (KefuMerge *self,
                           guint      i)
{
  g_return_val_if_fail (KEFU_IS_MERGE (self), NULL);
  g_return_val_if_fail (i < self->n_fields, NULL);

  return self->entries[i].changed_at;
}

gint64
kefu_merge_newest_event_id (GListModel *events)
{
  gint64 newest = 0;
  guint n;

  g_return_val_if_fail (events == NULL || G_IS_LIST_MODEL (events), 0);

  n = events != NULL ? g_list_model_get_n_items (events) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KefuEvent) event = g_list_model_get_item (events, i);

      newest = MAX (newest, kefu_event_get_id (event));
    }
  return newest;
}
