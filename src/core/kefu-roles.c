/* kefu-roles.c: the permission rules, each with the reason it is so (domain.md, "People and
 * roles", and the seed procedures it summarises).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-roles"

#include "config.h"

#include "kefu-roles.h"

/* Staff accounts are set up by the system administrator (系统管理员); the CS manager
 * (客服中心经理) runs the hotline team and must be able to add a new clerk without waiting. */
gboolean
kefu_role_can_manage_staff (KefuRole role)
{
  return role == KEFU_ROLE_ADMINISTRATOR || role == KEFU_ROLE_CS_MANAGER;
}

/* Departments are where complaints are routed: the same two people who set up staff own them. */
gboolean
kefu_role_can_manage_departments (KefuRole role)
{
  return role == KEFU_ROLE_ADMINISTRATOR || role == KEFU_ROLE_CS_MANAGER;
}

/* The shared rules (hand-over cut-off, callback window, quiet hours, service areas, office
 * hours) are the CS manager's decisions; the administrator enters them at installation. */
gboolean
kefu_role_can_edit_settings (KefuRole role)
{
  return role == KEFU_ROLE_ADMINISTRATOR || role == KEFU_ROLE_CS_MANAGER;
}

/* The product list (names, specifications, prices) is master data kept by the administrator
 * and the CS manager; the sales admin (销售内勤) knows the current prices and corrects them. */
gboolean
kefu_role_can_edit_products (KefuRole role)
{
  return role == KEFU_ROLE_ADMINISTRATOR || role == KEFU_ROLE_CS_MANAGER ||
         role == KEFU_ROLE_SALES_ADMIN;
}

/* "Customer records are assigned to clerks balancing the number of customers and ability":
 * the CS manager's job alone. */
gboolean
kefu_role_can_assign_customers (KefuRole role)
{
  return role == KEFU_ROLE_CS_MANAGER;
}

/* The hotline is answered by clerks (接线员); the team lead and the CS manager take calls when
 * the line is busy or a caller asks for someone in charge. */
gboolean
kefu_role_can_take_calls (KefuRole role)
{
  return role == KEFU_ROLE_CLERK || role == KEFU_ROLE_TEAM_LEAD || role == KEFU_ROLE_CS_MANAGER;
}

/* Callbacks (回访) are made by the hotline staff who took the calls: the same three roles. */
gboolean
kefu_role_can_make_callbacks (KefuRole role)
{
  return kefu_role_can_take_calls (role);
}

/* "Every day before 10:00 the team lead hands the day's order forms to the sales admin"; the CS
 * manager stands in when the team lead is absent. */
gboolean
kefu_role_can_hand_over_orders (KefuRole role)
{
  return role == KEFU_ROLE_TEAM_LEAD || role == KEFU_ROLE_CS_MANAGER;
}

/* Order forms go to the sales admin of the right channel: 销售内勤 for retail and supermarket,
 * 基站内勤 for home delivery. */
gboolean
kefu_role_receives_order_forms (KefuRole role)
{
  return role == KEFU_ROLE_SALES_ADMIN || role == KEFU_ROLE_DEPOT_ADMIN;
}

/* "Right after the call the form goes to the QC manager, the CS manager and the GM office
 * director." */
gboolean
kefu_role_receives_quality_complaints (KefuRole role)
{
  return role == KEFU_ROLE_QC_MANAGER || role == KEFU_ROLE_CS_MANAGER ||
         role == KEFU_ROLE_GM_OFFICE;
}

/* Service-quality complaints go "to the CS centre at once, which handles it or forwards it to
 * the marketing director". */
gboolean
kefu_role_receives_service_complaints (KefuRole role)
{
  return role == KEFU_ROLE_CS_MANAGER || role == KEFU_ROLE_MARKETING_DIRECTOR;
}

/* The CS manager resolves complaints; product-quality ones are settled with the QC manager and
 * the GM office, forwarded service ones by the marketing director. Each of them may mark a
 * complaint resolved. Clerks own a complaint to the end (谁先接待谁负责到底) but do not close
 * one on their own judgement. */
gboolean
kefu_role_can_resolve_complaints (KefuRole role)
{
  return role == KEFU_ROLE_CS_MANAGER || role == KEFU_ROLE_QC_MANAGER ||
         role == KEFU_ROLE_GM_OFFICE || role == KEFU_ROLE_MARKETING_DIRECTOR;
}

/* "Managers randomly sample handled cases for quality": the CS manager, and the team lead for
 * the shift's own cases. */
gboolean
kefu_role_can_sample_cases (KefuRole role)
{
  return role == KEFU_ROLE_CS_MANAGER || role == KEFU_ROLE_TEAM_LEAD;
}

/* Nothing is deleted, but archiving takes a record out of everyone's working lists, so it is
 * for those who own the shift's work and answer for it: the team lead, who owns the shift and
 * passes complaints on, the CS manager, who owns hotline handling, and the administrator who
 * sets the system up. A clerk who thinks a record is finished asks the team lead. */
gboolean
kefu_role_can_archive_records (KefuRole role)
{
  return role == KEFU_ROLE_TEAM_LEAD || role == KEFU_ROLE_CS_MANAGER ||
         role == KEFU_ROLE_ADMINISTRATOR;
}

/* A staff member who forgot their PIN asks whoever manages staff to clear it (they then choose
 * a new one): the same people who add and deactivate staff. */
gboolean
kefu_role_can_clear_pins (KefuRole role)
{
  return kefu_role_can_manage_staff (role);
}

/* The managers' figures (volume, complaints by category, callback coverage, conversion) are
 * for those who act on them: the CS centre's leads and the managers complaints reach. */
gboolean
kefu_role_can_view_reports (KefuRole role)
{
  switch (role)
    {
    case KEFU_ROLE_TEAM_LEAD:
    case KEFU_ROLE_CS_MANAGER:
    case KEFU_ROLE_QC_MANAGER:
    case KEFU_ROLE_GM_OFFICE:
    case KEFU_ROLE_MARKETING_DIRECTOR:
    case KEFU_ROLE_ADMINISTRATOR:
      return TRUE;
    default:
      return FALSE;
    }
}

/* The change log says what every clerk did and when: it is for the managers who answer for the
 * hotline and the departments (on PostgreSQL only their group roles may SELECT on events). Team
 * leads see their records' timelines, not the log across staff members. */
gboolean
kefu_role_can_read_audit (KefuRole role)
{
  switch (role)
    {
    case KEFU_ROLE_CS_MANAGER:
    case KEFU_ROLE_QC_MANAGER:
    case KEFU_ROLE_GM_OFFICE:
    case KEFU_ROLE_MARKETING_DIRECTOR:
    case KEFU_ROLE_ADMINISTRATOR:
      return TRUE;
    default:
      return FALSE;
    }
}

gboolean
kefu_channel_get_order_receiver (KefuChannel  channel,
                                 KefuRole    *role)
{
  KefuRole receiver;

  g_return_val_if_fail (role != NULL, FALSE);

  switch (channel)
    {
    case KEFU_CHANNEL_HOME_DELIVERY:
      receiver = KEFU_ROLE_DEPOT_ADMIN;
      break;
    case KEFU_CHANNEL_RETAIL:
    case KEFU_CHANNEL_SUPERMARKET:
      receiver = KEFU_ROLE_SALES_ADMIN;
      break;
    case KEFU_CHANNEL_UNSPECIFIED:
    default:
      return FALSE;
    }

  *role = receiver;
  return TRUE;
}
