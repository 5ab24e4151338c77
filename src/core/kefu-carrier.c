/* kefu-carrier.c: the carrier record.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-carrier"

#include "config.h"

#include "kefu-carrier.h"

G_DEFINE_FINAL_TYPE (KefuCarrier, kefu_carrier, G_TYPE_OBJECT)

static void
kefu_carrier_finalize (GObject *object)
{
  KefuCarrier *self = KEFU_CARRIER (object);

  g_free (self->name);
  g_free (self->tracking_template);

  G_OBJECT_CLASS (kefu_carrier_parent_class)->finalize (object);
}

static void
kefu_carrier_class_init (KefuCarrierClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kefu_carrier_finalize;
}

static void
kefu_carrier_init (KefuCarrier *self)
{
  self->active = TRUE;
}

KefuCarrier *
kefu_carrier_new (void)
{
  return g_object_new (KEFU_TYPE_CARRIER, NULL);
}
