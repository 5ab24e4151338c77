/* kefu-record.c: the base of every stored record: id, version and the two UTC timestamps.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-record"

#include "config.h"

#include "kefu-record.h"
#include "kefu-record-private.h"

typedef struct
{
  gint64     id;
  gint64     version;
  GDateTime *created_at;
  GDateTime *updated_at;
} KefuRecordPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (KefuRecord, kefu_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_VERSION,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Two timestamps are the same when both are unset or both name the same instant. */
static gboolean
date_time_equal (GDateTime *a,
                 GDateTime *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_date_time_equal (a, b);
}

static gboolean
set_date_time (GDateTime **slot,
               GDateTime  *value)
{
  if (date_time_equal (*slot, value))
    return FALSE;
  g_clear_pointer (slot, g_date_time_unref);
  if (value != NULL)
    *slot = g_date_time_ref (value);
  return TRUE;
}

static void
kefu_record_finalize (GObject *object)
{
  KefuRecordPrivate *priv = kefu_record_get_instance_private (KEFU_RECORD (object));

  g_clear_pointer (&priv->created_at, g_date_time_unref);
  g_clear_pointer (&priv->updated_at, g_date_time_unref);

  G_OBJECT_CLASS (kefu_record_parent_class)->finalize (object);
}

static void
kefu_record_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  KefuRecord *self = KEFU_RECORD (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, kefu_record_get_id (self));
      break;
    case PROP_VERSION:
      g_value_set_int64 (value, kefu_record_get_version (self));
      break;
    case PROP_CREATED_AT:
      g_value_set_boxed (value, kefu_record_get_created_at (self));
      break;
    case PROP_UPDATED_AT:
      g_value_set_boxed (value, kefu_record_get_updated_at (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_record_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  KefuRecord *self = KEFU_RECORD (object);

  switch (prop_id)
    {
    case PROP_ID:
      kefu_record_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_VERSION:
      kefu_record_set_version (self, g_value_get_int64 (value));
      break;
    case PROP_CREATED_AT:
      kefu_record_set_created_at (self, g_value_get_boxed (value));
      break;
    case PROP_UPDATED_AT:
      kefu_record_set_updated_at (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_record_class_init (KefuRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kefu_record_finalize;
  object_class->get_property = kefu_record_get_property;
  object_class->set_property = kefu_record_set_property;

  /* 0 means "not stored yet"; the store assigns the real id on insert. */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL, 0, G_MAXINT64, 0, KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_CREATED_AT] =
    g_param_spec_boxed ("created-at", NULL, NULL, G_TYPE_DATE_TIME, KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_UPDATED_AT] =
    g_param_spec_boxed ("updated-at", NULL, NULL, G_TYPE_DATE_TIME, KEFU_RECORD_PARAM_FLAGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kefu_record_init (KefuRecord *self)
{
}

gint64
kefu_record_get_id (KefuRecord *self)
{
  KefuRecordPrivate *priv;

  g_return_val_if_fail (KEFU_IS_RECORD (self), 0);

  priv = kefu_record_get_instance_private (self);

  return priv->id;
}

void
kefu_record_set_id (KefuRecord *self,
                    gint64      id)
{
  KefuRecordPrivate *priv;

  g_return_if_fail (KEFU_IS_RECORD (self));
  g_return_if_fail (id >= 0);

  priv = kefu_record_get_instance_private (self);

  _kefu_record_set_int64 (self, &priv->id, id, properties[PROP_ID]);
}

gint64
kefu_record_get_version (KefuRecord *self)
{
  KefuRecordPrivate *priv;

  g_return_val_if_fail (KEFU_IS_RECORD (self), 0);

  priv = kefu_record_get_instance_private (self);

  return priv->version;
}

void
kefu_record_set_version (KefuRecord *self,
                         gint64      version)
{
  KefuRecordPrivate *priv;

  g_return_if_fail (KEFU_IS_RECORD (self));
  g_return_if_fail (version >= 0);

  priv = kefu_record_get_instance_private (self);

  _kefu_record_set_int64 (self, &priv->version, version, properties[PROP_VERSION]);
}

/**
 * kefu_record_get_created_at:
 *
 * Returns: (transfer none) (nullable): when the record was stored, in UTC
 */
GDateTime *
kefu_record_get_created_at (KefuRecord *self)
{
  KefuRecordPrivate *priv;

  g_return_val_if_fail (KEFU_IS_RECORD (self), NULL);

  priv = kefu_record_get_instance_private (self);

  return priv->created_at;
}

void
kefu_record_set_created_at (KefuRecord *self,
                            GDateTime  *created_at)
{
  KefuRecordPrivate *priv;

  g_return_if_fail (KEFU_IS_RECORD (self));

  priv = kefu_record_get_instance_private (self);

  if (set_date_time (&priv->created_at, created_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_AT]);
}

/**
 * kefu_record_get_updated_at:
 *
 * Returns: (transfer none) (nullable): when the record was last changed, in UTC
 */
GDateTime *
kefu_record_get_updated_at (KefuRecord *self)
{
  KefuRecordPrivate *priv;

  g_return_val_if_fail (KEFU_IS_RECORD (self), NULL);

  priv = kefu_record_get_instance_private (self);

  return priv->updated_at;
}

void
kefu_record_set_updated_at (KefuRecord *self,
                            GDateTime  *updated_at)
{
  KefuRecordPrivate *priv;

  g_return_if_fail (KEFU_IS_RECORD (self));

  priv = kefu_record_get_instance_private (self);

  if (set_date_time (&priv->updated_at, updated_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
}
