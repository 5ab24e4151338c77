/* kefu-record-private.h: the protected helpers record subclasses write their setters with.
 *
 * Each helper stores `value` in the subclass's own field, returns FALSE at once when the value
 * is unchanged, and otherwise stores it and notifies `pspec`, returning TRUE. Public setters keep
 * their own g_return_if_fail() checks (the instance type, ranges) and then call one helper.
 *
 * They are static inline so that a critical they log (an enum value out of range) carries the
 * subclass's log domain, as it would if the setter had written the check itself.
 */
#pragma once

#include "kefu-record.h"

G_BEGIN_DECLS

/* The flags of every record property: setters notify only on a real change. */
#define KEFU_RECORD_PARAM_FLAGS \
  (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY)

/* Text follows the record convention (kefu-record.h): NULL and "" are the same empty value, and
 * the field always holds a string, never NULL. */
static inline gboolean
_kefu_record_set_string (KefuRecord  *self,
                         char       **field,
                         const char  *value,
                         GParamSpec  *pspec)
{
  if (value == NULL)
    value = "";
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
  return TRUE;
}

/* Also the storage step of the boolean and enum helpers below (gboolean is an int, and the record
 * enums have no negative values, so they fit an int). */
static inline gboolean
_kefu_record_set_int (KefuRecord *self,
                      int        *field,
                      int         value,
                      GParamSpec *pspec)
{
  if (*field == value)
    return FALSE;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
  return TRUE;
}

/* Any non-zero value is TRUE, so that a stored boolean compares equal to TRUE. */
static inline gboolean
_kefu_record_set_boolean (KefuRecord *self,
                          gboolean   *field,
                          gboolean    value,
                          GParamSpec *pspec)
{
  return _kefu_record_set_int (self, field, !!value, pspec);
}

static inline gboolean
_kefu_record_set_int64 (KefuRecord *self,
                        gint64     *field,
                        gint64      value,
                        GParamSpec *pspec)
{
  if (*field == value)
    return FALSE;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
  return TRUE;
}

static inline gboolean
_kefu_record_set_uint (KefuRecord *self,
                       guint      *field,
                       guint       value,
                       GParamSpec *pspec)
{
  if (*field == value)
    return FALSE;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
  return TRUE;
}

/* `pspec` is a GParamSpecEnum: a value that is not one of its enum's is refused with a critical
 * (a programming error, like a failed g_return_if_fail()) and the field is left as it was. */
static inline gboolean
_kefu_record_set_enum (KefuRecord *self,
                       int        *field,
                       int         value,
                       GParamSpec *pspec)
{
  GEnumClass *enum_class = G_PARAM_SPEC_ENUM (pspec)->enum_class;

  if (g_enum_get_value (enum_class, value) == NULL)
    {
      g_critical ("%d is not a %s (property “%s” of %s)", value,
                  g_type_name (G_TYPE_FROM_CLASS (enum_class)), pspec->name,
                  G_OBJECT_TYPE_NAME (self));
      return FALSE;
    }
  return _kefu_record_set_int (self, field, value, pspec);
}

/* `pspec` is a GParamSpecFlags: bits outside its flags type are refused with a critical, like
 * the enum helper above. */
static inline gboolean
_kefu_record_set_flags (KefuRecord *self,
                        guint      *field,
                        guint       value,
                        GParamSpec *pspec)
{
  GFlagsClass *flags_class = G_PARAM_SPEC_FLAGS (pspec)->flags_class;

  if ((value & ~flags_class->mask) != 0)
    {
      g_critical ("0x%x is not a %s (property “%s” of %s)", value,
                  g_type_name (G_TYPE_FROM_CLASS (flags_class)), pspec->name,
                  G_OBJECT_TYPE_NAME (self));
      return FALSE;
    }
  return _kefu_record_set_uint (self, field, value, pspec);
}

/* NULL means "not set". Two GDateTimes for the same instant are the same value, whatever their
 * time zones, so that re-reading a stored time does not notify. The field keeps a reference. */
static inline gboolean
_kefu_record_set_date_time (KefuRecord  *self,
                            GDateTime  **field,
                            GDateTime   *value,
                            GParamSpec  *pspec)
{
  if (*field == value || (*field != NULL && value != NULL && g_date_time_equal (*field, value)))
    return FALSE;
  g_clear_pointer (field, g_date_time_unref);
  if (value != NULL)
    *field = g_date_time_ref (value);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
  return TRUE;
}

/* A calendar date (GDate, boxed as G_TYPE_DATE); NULL means "not set". The field holds its own
 * copy. Setters check that a given date is valid before calling this. */
static inline gboolean
_kefu_record_set_date (KefuRecord   *self,
                       GDate       **field,
                       const GDate  *value,
                       GParamSpec   *pspec)
{
  if (*field == NULL && value == NULL)
    return FALSE;
  if (*field != NULL && value != NULL && g_date_compare (*field, value) == 0)
    return FALSE;
  g_clear_pointer (field, g_date_free);
  if (value != NULL)
    *field = g_date_copy (value);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
  return TRUE;
}

G_END_DECLS
