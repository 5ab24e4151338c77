/* kefu-enums.c: enum values as database text (nicks) and as translated names.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-enums"

#include "config.h"

#include <glib/gi18n.h>

#include "kefu-enums.h"

/**
 * kefu_enum_to_nick:
 *
 * Returns: (transfer none) (nullable): the nick, valid for the life of the process
 */
const char *
kefu_enum_to_nick (GType enum_type,
                   int   value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *ev;

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), NULL);

  /* Enum classes are static: the nick outlives the reference we drop here. */
  klass = g_type_class_ref (enum_type);
  ev = g_enum_get_value (klass, value);

  return ev != NULL ? ev->value_nick : NULL;
}

gboolean
kefu_enum_from_nick (GType       enum_type,
                     const char *nick,
                     int        *value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *ev;

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  if (nick == NULL)
    return FALSE;

  klass = g_type_class_ref (enum_type);
  ev = g_enum_get_value_by_nick (klass, nick);
  if (ev == NULL)
    return FALSE;

  *value = ev->value;
  return TRUE;
}

/**
 * kefu_role_get_display_name:
 *
 * Returns: (transfer none): the role's translated name
 */
const char *
kefu_role_get_display_name (KefuRole role)
{
  /* The zh_CN words are those the seed documents use for each post (岗位). */
  switch (role)
    {
    case KEFU_ROLE_CLERK:
      return C_("role", "Clerk");
    case KEFU_ROLE_TEAM_LEAD:
      return C_("role", "Team lead");
    case KEFU_ROLE_CS_MANAGER:
      return C_("role", "CS manager");
    case KEFU_ROLE_QC_MANAGER:
      return C_("role", "QC manager");
    case KEFU_ROLE_GM_OFFICE:
      return C_("role", "GM office director");
    case KEFU_ROLE_MARKETING_DIRECTOR:
      return C_("role", "Marketing director");
    case KEFU_ROLE_SALES_ADMIN:
      return C_("role", "Sales admin");
    case KEFU_ROLE_DEPOT_ADMIN:
      return C_("role", "Depot admin");
    case KEFU_ROLE_SALES_REP:
      return C_("role", "Sales rep");
    case KEFU_ROLE_TECHNICIAN:
      return C_("role", "Technician");
    case KEFU_ROLE_FINANCE:
      return C_("role", "Finance");
    case KEFU_ROLE_LOGISTICS:
      return C_("role", "Logistics");
    case KEFU_ROLE_WAREHOUSE:
      return C_("role", "Warehouse");
    case KEFU_ROLE_ADMINISTRATOR:
      return C_("role", "Administrator");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * kefu_channel_get_display_name:
 *
 * Returns: (transfer none): the channel's translated name
 */
const char *
kefu_channel_get_display_name (KefuChannel channel)
{
  switch (channel)
    {
    case KEFU_CHANNEL_UNSPECIFIED:
      /* TRANSLATORS: a sales channel that was not given for an order call. */
      return C_("sales channel", "Not specified");
    case KEFU_CHANNEL_HOME_DELIVERY:
      /* TRANSLATORS: the sales channel that delivers to the customer's home (入户). */
      return C_("sales channel", "Home delivery");
    case KEFU_CHANNEL_RETAIL:
      return C_("sales channel", "Retail");
    case KEFU_CHANNEL_SUPERMARKET:
      return C_("sales channel", "Supermarket");
    default:
      g_return_val_if_reached ("");
    }
}
