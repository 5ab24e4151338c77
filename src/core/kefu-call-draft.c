/* kefu-call-draft.c: a call form in progress as a GVariant, and back.
 *
 * Layout (format version 1): "(uv)", the version and then the payload
 * "(a{sv}a{sv}aa{sv}a{sv}a{sv})": the call, its order, the order's lines, the complaint and the
 * inquiry. Each record is a dictionary of its writable properties by name, so that a field
 * added to a record is saved without touching this file, and a draft stays readable when a
 * property is added. Enums and flags are stored by nick, times as Unix microseconds (UTC), dates
 * as Julian day numbers; an unset time or date is left out.
 *
 * Drafts stay on the workstation that wrote them, so the host byte order GVariant uses is fine.
 * Everything read is checked before it reaches a setter: a damaged file gives an error, never a
 * critical.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-call-draft"

#include "config.h"

#include <glib/gi18n.h>

#include "kefu-call-draft.h"

G_DEFINE_QUARK (kefu-call-draft-error-quark, kefu_call_draft_error)

/* Raise this whenever the layout changes in a way an older reader would misread. */
#define DRAFT_FORMAT_VERSION 1
#define DRAFT_PAYLOAD_TYPE "(a{sv}a{sv}aa{sv}a{sv}a{sv})"

/* The value of `pspec` on `object` as a variant, or NULL when it is not saved (read-only,
 * objects, or an unset time or date). */
static GVariant *
property_to_variant (GObject    *object,
                     GParamSpec *pspec)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);
  g_auto(GValue) value = G_VALUE_INIT;

  if ((pspec->flags & G_PARAM_WRITABLE) == 0 || (pspec->flags & G_PARAM_CONSTRUCT_ONLY) != 0)
    return NULL;

  g_value_init (&value, type);
  g_object_get_property (object, pspec->name, &value);

  if (type == G_TYPE_STRING)
    return g_variant_new_string (g_value_get_string (&value) != NULL
                                   ? g_value_get_string (&value) : "");
  if (type == G_TYPE_INT64)
    return g_variant_new_int64 (g_value_get_int64 (&value));
  if (type == G_TYPE_UINT)
    return g_variant_new_uint32 (g_value_get_uint (&value));
  if (type == G_TYPE_BOOLEAN)
    return g_variant_new_boolean (g_value_get_boolean (&value));
  if (G_TYPE_IS_ENUM (type))
    {
      GEnumValue *ev = g_enum_get_value (G_PARAM_SPEC_ENUM (pspec)->enum_class,
                                         g_value_get_enum (&value));

      return ev != NULL ? g_variant_new_string (ev->value_nick) : NULL;
    }
  if (G_TYPE_IS_FLAGS (type))
    {
      GFlagsClass *klass = G_PARAM_SPEC_FLAGS (pspec)->flags_class;
      guint flags = g_value_get_flags (&value);
      GVariantBuilder builder;

      g_variant_builder_init (&builder, G_VARIANT_TYPE_STRING_ARRAY);
      for (guint i = 0; i < klass->n_values; i++)
        if (klass->values[i].value != 0 && (flags & klass->values[i].value) == klass->values[i].value)
          g_variant_builder_add (&builder, "s", klass->values[i].value_nick);
      return g_variant_builder_end (&builder);
    }
  if (type == G_TYPE_DATE_TIME)
    {
      GDateTime *time = g_value_get_boxed (&value);

      return time != NULL ? g_variant_new_int64 (g_date_time_to_unix_usec (time)) : NULL;
    }
  if (type == G_TYPE_DATE)
    {
      GDate *date = g_value_get_boxed (&value);

      return date != NULL && g_date_valid (date) ? g_variant_new_uint32 (g_date_get_julian (date))
                                                 : NULL;
    }
  if (type == G_TYPE_STRV)
    {
      const char * const *strv = g_value_get_boxed (&value);

      return g_variant_new_strv (strv, strv != NULL ? -1 : 0);
    }

  /* Objects (the call's detail records) are saved separately. */
  return NULL;
}

static GVariant *
object_to_variant (GObject *object)
{
  GVariantBuilder builder;
  guint n_props;
  g_autofree GParamSpec **props =
    g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_props);

  g_variant_builder_init (&builder, G_VARIANT_TYPE_VARDICT);
  for (guint i = 0; i < n_props; i++)
    {
      GVariant *variant = property_to_variant (object, props[i]);

      if (variant != NULL)
        g_variant_builder_add (&builder, "{sv}", props[i]->name, variant);
    }
  return g_variant_builder_end (&builder);
}

/**
 * kefu_call_draft_save:
 *
 * Returns: (transfer full): the draft's bytes
 */
GBytes *
kefu_call_draft_save (KefuCall *call)
{
  g_autoptr(KefuOrder) empty_order = NULL;
  g_autoptr(KefuComplaint) empty_complaint = NULL;
  g_autoptr(KefuInquiry) empty_inquiry = NULL;
  KefuOrder *order;
  KefuComplaint *complaint;
  KefuInquiry *inquiry;
  GListModel *lines;
  GVariantBuilder lines_builder;
  GVariant *payload;
  g_autoptr(GVariant) draft = NULL;

  g_return_val_if_fail (KEFU_IS_CALL (call), NULL);

  /* A missing record is saved as a new form's: an empty order has one empty line. */
  order = kefu_call_get_order (call);
  if (order == NULL)
    {
      order = empty_order = kefu_order_new ();
      kefu_order_add_line (empty_order);
    }
  complaint = kefu_call_get_complaint (call);
  if (complaint == NULL)
    complaint = empty_complaint = kefu_complaint_new ();
  inquiry = kefu_call_get_inquiry (call);
  if (inquiry == NULL)
    inquiry = empty_inquiry = kefu_inquiry_new ();

  lines = G_LIST_MODEL (kefu_order_get_lines (order));
  g_variant_builder_init (&lines_builder, G_VARIANT_TYPE ("aa{sv}"));
  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(GObject) line = g_list_model_get_item (lines, i);

      g_variant_builder_add_value (&lines_builder, object_to_variant (line));
    }

  payload = g_variant_new ("(@a{sv}@a{sv}@aa{sv}@a{sv}@a{sv})",
                           object_to_variant (G_OBJECT (call)),
                           object_to_variant (G_OBJECT (order)),
                           g_variant_builder_end (&lines_builder),
                           object_to_variant (G_OBJECT (complaint)),
                           object_to_variant (G_OBJECT (inquiry)));
  draft = g_variant_ref_sink (g_variant_new ("(uv)", (guint32) DRAFT_FORMAT_VERSION, payload));

  return g_variant_get_data_as_bytes (draft);
}

static gboolean
set_corrupt (GError **error)
{
  g_set_error_literal (error, KEFU_CALL_DRAFT_ERROR, KEFU_CALL_DRAFT_ERROR_CORRUPT,
                       _("The saved call form is damaged and cannot be restored; the call has to be typed again."));
  return FALSE;
}

/* Turns `variant` back into a GValue for `pspec`; FALSE when it has the wrong type or a value
 * the property cannot hold. */
static gboolean
variant_to_value (GParamSpec *pspec,
                  GVariant   *variant,
                  GValue     *value)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  g_value_init (value, type);

  if (type == G_TYPE_STRING && g_variant_is_of_type (variant, G_VARIANT_TYPE_STRING))
    g_value_set_string (value, g_variant_get_string (variant, NULL));
  else if (type == G_TYPE_INT64 && g_variant_is_of_type (variant, G_VARIANT_TYPE_INT64))
    g_value_set_int64 (value, g_variant_get_int64 (variant));
  else if (type == G_TYPE_UINT && g_variant_is_of_type (variant, G_VARIANT_TYPE_UINT32))
    g_value_set_uint (value, g_variant_get_uint32 (variant));
  else if (type == G_TYPE_BOOLEAN && g_variant_is_of_type (variant, G_VARIANT_TYPE_BOOLEAN))
    g_value_set_boolean (value, g_variant_get_boolean (variant));
  else if (G_TYPE_IS_ENUM (type) && g_variant_is_of_type (variant, G_VARIANT_TYPE_STRING))
    {
      GEnumValue *ev = g_enum_get_value_by_nick (G_PARAM_SPEC_ENUM (pspec)->enum_class,
                                                 g_variant_get_string (variant, NULL));

      if (ev == NULL)
        return FALSE;
      g_value_set_enum (value, ev->value);
    }
  else if (G_TYPE_IS_FLAGS (type) && g_variant_is_of_type (variant, G_VARIANT_TYPE_STRING_ARRAY))
    {
      GFlagsClass *klass = G_PARAM_SPEC_FLAGS (pspec)->flags_class;
      g_autofree const char **nicks = g_variant_get_strv (variant, NULL);
      guint flags = 0;

      for (guint i = 0; nicks[i] != NULL; i++)
        {
          GFlagsValue *fv = g_flags_get_value_by_nick (klass, nicks[i]);

          if (fv == NULL)
            return FALSE;
          flags |= fv->value;
        }
      g_value_set_flags (value, flags);
    }
  else if (type == G_TYPE_DATE_TIME && g_variant_is_of_type (variant, G_VARIANT_TYPE_INT64))
    {
      GDateTime *time = g_date_time_new_from_unix_utc_usec (g_variant_get_int64 (variant));

      if (time == NULL)
        return FALSE;
      g_value_take_boxed (value, time);
    }
  else if (type == G_TYPE_DATE && g_variant_is_of_type (variant, G_VARIANT_TYPE_UINT32))
    {
      guint32 julian = g_variant_get_uint32 (variant);

      if (!g_date_valid_julian (julian))
        return FALSE;
      g_value_take_boxed (value, g_date_new_julian (julian));
    }
  else if (type == G_TYPE_STRV && g_variant_is_of_type (variant, G_VARIANT_TYPE_STRING_ARRAY))
    g_value_take_boxed (value, g_variant_dup_strv (variant, NULL));
  else
    return FALSE;

  /* Ranges (ids are never negative): a setter would refuse with a critical. */
  return g_param_value_is_valid (pspec, value);
}

static gboolean
apply_dict (GObject  *object,
            GVariant *dict,
            GError  **error)
{
  GVariantIter iter;
  const char *name;
  GVariant *variant;

  g_variant_iter_init (&iter, dict);
  while (g_variant_iter_loop (&iter, "{&sv}", &name, &variant))
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), name);
      g_auto(GValue) value = G_VALUE_INIT;

      /* A property this build does not have (or no longer writes) is skipped: the version
       * number guards against layouts that really changed. */
      if (pspec == NULL || (pspec->flags & G_PARAM_WRITABLE) == 0
          || (pspec->flags & G_PARAM_CONSTRUCT_ONLY) != 0
          || G_TYPE_IS_OBJECT (G_PARAM_SPEC_VALUE_TYPE (pspec)))
        continue;

      if (!variant_to_value (pspec, variant, &value))
        {
          g_variant_unref (variant);
          return set_corrupt (error);
        }
      g_object_set_property (object, name, &value);
    }

  return TRUE;
}

/**
 * kefu_call_draft_load:
 *
 * Returns: (transfer full) (nullable): a form call (see kefu_call_new_for_form()) holding the
 *   draft, or NULL with an error
 */
KefuCall *
kefu_call_draft_load (GBytes  *bytes,
                      GError **error)
{
  g_autoptr(GVariant) draft = NULL;
  g_autoptr(GVariant) payload = NULL;
  g_autoptr(GVariant) call_dict = NULL;
  g_autoptr(GVariant) order_dict = NULL;
  g_autoptr(GVariant) lines = NULL;
  g_autoptr(GVariant) complaint_dict = NULL;
  g_autoptr(GVariant) inquiry_dict = NULL;
  g_autoptr(KefuCall) call = NULL;
  KefuOrder *order;
  guint32 version;
  GVariantIter iter;
  GVariant *line_dict;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Untrusted bytes: anything not in normal form is damage (a torn write, another file). */
  draft = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE ("(uv)"), bytes, FALSE));
  if (!g_variant_is_normal_form (draft))
    {
      set_corrupt (error);
      return NULL;
    }

  g_variant_get (draft, "(uv)", &version, &payload);
  if (version != DRAFT_FORMAT_VERSION)
    {
      g_set_error (error, KEFU_CALL_DRAFT_ERROR, KEFU_CALL_DRAFT_ERROR_VERSION,
                   /* TRANSLATORS: %u is a number identifying the draft format. */
                   _("The saved call form was written by another version of Kefu (format %u) and cannot be restored; the call has to be typed again."),
                   version);
      return NULL;
    }
  if (!g_variant_is_of_type (payload, G_VARIANT_TYPE (DRAFT_PAYLOAD_TYPE)))
    {
      set_corrupt (error);
      return NULL;
    }

  g_variant_get (payload, "(@a{sv}@a{sv}@aa{sv}@a{sv}@a{sv})",
                 &call_dict, &order_dict, &lines, &complaint_dict, &inquiry_dict);

  call = kefu_call_new_for_form ();
  order = kefu_call_get_order (call);
  if (!apply_dict (G_OBJECT (call), call_dict, error)
      || !apply_dict (G_OBJECT (order), order_dict, error)
      || !apply_dict (G_OBJECT (kefu_call_get_complaint (call)), complaint_dict, error)
      || !apply_dict (G_OBJECT (kefu_call_get_inquiry (call)), inquiry_dict, error))
    return NULL;

  /* The draft's lines replace the new form's empty one. */
  g_list_store_remove_all (kefu_order_get_lines (order));
  g_variant_iter_init (&iter, lines);
  while ((line_dict = g_variant_iter_next_value (&iter)) != NULL)
    {
      gboolean ok = apply_dict (G_OBJECT (kefu_order_add_line (order)), line_dict, error);

      g_variant_unref (line_dict);
      if (!ok)
        return NULL;
    }

  return g_steal_pointer (&call);
}
