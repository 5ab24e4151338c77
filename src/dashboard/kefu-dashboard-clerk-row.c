/* kefu-dashboard-clerk-row.c: a clerk's figures as a table row (see kefu-dashboard-clerk-row.h).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-dashboard"

#include "config.h"

#include "kefu-dashboard-clerk-row.h"

struct _KefuDashboardClerkRow
{
  GObject            parent_instance;
  KefuDashboardClerk clerk;
};

G_DEFINE_FINAL_TYPE (KefuDashboardClerkRow, kefu_dashboard_clerk_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STAFF_ID,
  PROP_NAME,
  PROP_CALLS,
  PROP_INQUIRIES,
  PROP_CONVERTED,
  PROP_CONVERSION,
  PROP_COMPLAINTS,
  PROP_CALLBACKS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kefu_dashboard_clerk_row_finalize (GObject *object)
{
  KefuDashboardClerkRow *self = KEFU_DASHBOARD_CLERK_ROW (object);

  g_free (self->clerk.name);

  G_OBJECT_CLASS (kefu_dashboard_clerk_row_parent_class)->finalize (object);
}

static void
kefu_dashboard_clerk_row_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  KefuDashboardClerkRow *self = KEFU_DASHBOARD_CLERK_ROW (object);

  switch (prop_id)
    {
    case PROP_STAFF_ID:
      g_value_set_int64 (value, self->clerk.staff_id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->clerk.name);
      break;
    case PROP_CALLS:
      g_value_set_uint (value, self->clerk.calls);
      break;
    case PROP_INQUIRIES:
      g_value_set_uint (value, self->clerk.inquiries);
      break;
    case PROP_CONVERTED:
      g_value_set_uint (value, self->clerk.converted);
      break;
    case PROP_CONVERSION:
      g_value_set_double (value, kefu_dashboard_clerk_row_get_conversion (self));
      break;
    case PROP_COMPLAINTS:
      g_value_set_uint (value, self->clerk.complaints);
      break;
    case PROP_CALLBACKS:
      g_value_set_uint (value, self->clerk.callbacks_done);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
count_property (const char *name)
{
  return g_param_spec_uint (name, NULL, NULL, 0, G_MAXUINT, 0,
                            (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
}

static void
kefu_dashboard_clerk_row_class_init (KefuDashboardClerkRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kefu_dashboard_clerk_row_finalize;
  object_class->get_property = kefu_dashboard_clerk_row_get_property;

  properties[PROP_STAFF_ID] =
    g_param_spec_int64 ("staff-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_CALLS] = count_property ("calls");
  properties[PROP_INQUIRIES] = count_property ("inquiries");
  properties[PROP_CONVERTED] = count_property ("converted");
  properties[PROP_CONVERSION] =
    g_param_spec_double ("conversion", NULL, NULL, -1, 100, -1,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_COMPLAINTS] = count_property ("complaints");
  properties[PROP_CALLBACKS] = count_property ("callbacks");
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kefu_dashboard_clerk_row_init (KefuDashboardClerkRow *self)
{
}

KefuDashboardClerkRow *
kefu_dashboard_clerk_row_new (const KefuDashboardClerk *clerk)
{
  KefuDashboardClerkRow *self;

  g_return_val_if_fail (clerk != NULL, NULL);

  self = g_object_new (KEFU_TYPE_DASHBOARD_CLERK_ROW, NULL);
  self->clerk = *clerk;
  self->clerk.name = g_strdup (clerk->name);
  return self;
}

const KefuDashboardClerk *
kefu_dashboard_clerk_row_get_clerk (KefuDashboardClerkRow *self)
{
  g_return_val_if_fail (KEFU_IS_DASHBOARD_CLERK_ROW (self), NULL);
  return &self->clerk;
}

double
kefu_dashboard_clerk_row_get_conversion (KefuDashboardClerkRow *self)
{
  g_return_val_if_fail (KEFU_IS_DASHBOARD_CLERK_ROW (self), -1);

  if (self->clerk.inquiries == 0)
    return -1;
  return 100.0 * self->clerk.converted / self->clerk.inquiries;
}
