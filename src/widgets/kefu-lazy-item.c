/* kefu-lazy-item.c: one row of a lazy list.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-lazy-item"

#include "config.h"

#include "kefu-lazy-item.h"

struct _KefuLazyItem
{
  GObject  parent_instance;

  gint64   id;
  GObject *value;
};

G_DEFINE_FINAL_TYPE (KefuLazyItem, kefu_lazy_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_VALUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kefu_lazy_item_dispose (GObject *object)
{
  KefuLazyItem *self = KEFU_LAZY_ITEM (object);

  g_clear_object (&self->value);

  G_OBJECT_CLASS (kefu_lazy_item_parent_class)->dispose (object);
}

static void
kefu_lazy_item_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  KefuLazyItem *self = KEFU_LAZY_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_VALUE:
      g_value_set_object (value, self->value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_lazy_item_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  KefuLazyItem *self = KEFU_LAZY_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      kefu_lazy_item_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_VALUE:
      kefu_lazy_item_set_value (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_lazy_item_class_init (KefuLazyItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kefu_lazy_item_dispose;
  object_class->get_property = kefu_lazy_item_get_property;
  object_class->set_property = kefu_lazy_item_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_VALUE] =
    g_param_spec_object ("value", NULL, NULL, G_TYPE_OBJECT,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kefu_lazy_item_init (KefuLazyItem *self)
{
}

KefuLazyItem *
kefu_lazy_item_new (gint64 id)
{
  return g_object_new (KEFU_TYPE_LAZY_ITEM, "id", id, NULL);
}

gint64
kefu_lazy_item_get_id (KefuLazyItem *self)
{
  g_return_val_if_fail (KEFU_IS_LAZY_ITEM (self), 0);

  return self->id;
}

void
kefu_lazy_item_set_id (KefuLazyItem *self,
                       gint64        id)
{
  g_return_if_fail (KEFU_IS_LAZY_ITEM (self));
  g_return_if_fail (id >= 0);

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gpointer
kefu_lazy_item_get_value (KefuLazyItem *self)
{
  g_return_val_if_fail (KEFU_IS_LAZY_ITEM (self), NULL);

  return self->value;
}

void
kefu_lazy_item_set_value (KefuLazyItem *self,
                          gpointer      value)
{
  g_return_if_fail (KEFU_IS_LAZY_ITEM (self));
  g_return_if_fail (value == NULL || G_IS_OBJECT (value));

  if (!g_set_object (&self->value, value))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}
