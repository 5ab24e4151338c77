/* kefu-complaint-route.c: one department a complaint was routed to (KefuComplaintRoute).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-complaint"

#include "config.h"

#include "kefu-complaint.h"

/**
 * kefu_complaint_route_new:
 * @department_name: (nullable): the department's name as shown
 *
 * Returns: (transfer full): a route; free it with kefu_complaint_route_free()
 */
KefuComplaintRoute *
kefu_complaint_route_new (gint64      department_id,
                          const char *department_name,
                          KefuRole    role)
{
  KefuComplaintRoute *route;

  g_return_val_if_fail (department_id >= 0, NULL);

  route = g_new0 (KefuComplaintRoute, 1);
  route->department_id = department_id;
  /* Text follows the record convention: never NULL. */
  route->department_name = g_strdup (department_name != NULL ? department_name : "");
  route->role = role;

  return route;
}

void
kefu_complaint_route_free (KefuComplaintRoute *route)
{
  if (route == NULL)
    return;

  g_free (route->department_name);
  g_free (route);
}
