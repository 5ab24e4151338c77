/* kefu-carrier.h: a carrier (承运商 / 快递公司) from the site's list: its name, the waybill form
 * it is checked against (kefu-waybill.h) and its tracking address template.
 *
 * A plain record with public fields, like KefuShipment.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "kefu-types.h"

G_BEGIN_DECLS

#define KEFU_TYPE_CARRIER (kefu_carrier_get_type ())
G_DECLARE_FINAL_TYPE (KefuCarrier, kefu_carrier, KEFU, CARRIER, GObject)

struct _KefuCarrier
{
  GObject parent_instance;

  gint64          id;
  gint64          version;
  char           *name;               /* "顺丰速运" */
  KefuCarrierKind kind;               /* whose waybill form is checked; OTHER: any */
  char           *tracking_template;  /* "https://…{waybill}"; NULL: no tracking page */
  gboolean        active;             /* inactive carriers stay on old shipments only */
  guint           position;           /* order in the list */
};

KefuCarrier *kefu_carrier_new (void);

G_END_DECLS
