/* kefuctl-demo-aftersales.c: the demo's after-sales desk: shipments in every step of their way
 * and service jobs of every kind in every step, so that a new user opens a pane that a
 * 售后服务部 would recognise: requests waiting for the money, dispatch notes, parcels on their
 * way (two overdue), one damaged in transit, deliveries waiting for the customer's
 * confirmation (one for too long), received ones called back; installations and repairs waiting
 * for the general manager's signature, technicians dispatched this week and next (the calendar
 * shows them), one away with his progress reports, a paid repair whose fee the customer agreed,
 * a factory repair at each stage of its round trip, replacements, returns, completed jobs with
 * their callbacks.
 *
 * Every step is a real change (kefu_store_change_shipment (), kefu_store_change_job ()) by the
 * person whose job it is, made with the store's clock (kefu-store-clock.h) set to when it
 * happened, so that the records, their timelines and their callbacks agree. The stories end
 * at the last working moment (kefuctl-demo-clock.h); a visit's agreed day is counted from it.
 * Running the demo again adds nothing once the demo's shipments are there.
 *
 * The staff the demo lacks for this (the after-sales desk clerk, a third technician) and the
 * instruments it installs (with their warranty months) are added here. Names, products, notes
 * and reports are sample data in Chinese, not interface text.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-ctl"

#include "config.h"

#include "store/kefu-store-calls-bulk.h"
#include "store/kefu-store-clock.h"
#include "store/kefu-store-jobs.h"
#include "store/kefu-store-shipments.h"
#include "kefuctl-demo-aftersales.h"
#include "kefuctl-demo-clock.h"
#include "kefuctl-private.h"

#define DESK_LOGIN       "songjia"
#define LEAD_LOGIN       "zhaolijuan"
#define GM_LOGIN         "xuwenbin"
#define FINANCE_LOGIN    "gaoyulan"
#define LOGISTICS_LOGIN  "luojun"
#define WAREHOUSE_LOGIN  "zhengjianjun"
#define SALES_LOGIN      "huhaitao"
#define SALES2_LOGIN     "guolei"

typedef struct
{
  const char *name;
  const char *login;
  KefuRole    role;
  const char *department;  /* code */
} ExtraStaff;

/* Who works the after-sales desk (售后服务部), and a third technician so that the calendar has
 * people to fill. */
static const ExtraStaff extra_staff[] = {
  { "宋佳", DESK_LOGIN, KEFU_ROLE_CLERK, "SH" },
  { "韩卫东", "hanweidong", KEFU_ROLE_TECHNICIAN, "JS" },
};
static const char *const technicians[] = { "heming", "linzhiqiang", "hanweidong" };

typedef struct
{
  const char *name;
  const char *spec;
  gint64      unit_price;
  guint       warranty_months;
} ExtraProduct;

/* The instruments the dairy sells to its depots and partner farms, installed and repaired by
 * its technicians. */
static const ExtraProduct extra_products[] = {
  { "乳成分分析仪", "MA-60", 3680000, 24 },
  { "体细胞计数仪", "SCC-200", 5200000, 12 },
  { "冷藏展示柜", "LC-1200", 860000, 24 },
};

typedef struct
{
  KefuStore            *store;
  GHashTable           *staff_ids;
  GDateTime            *now;       /* the last working moment */
  KefuWorkCalendar     *calendar;  /* the settings' working time, which every step falls in */
  GDate                 today;
  GPtrArray            *products;  /* KefuProduct: the instruments, then the equipment */
  GPtrArray            *carriers;  /* KefuCarrier */
  KefuCustomerContacts *customers;
  guint                 next_customer;
  GPtrArray            *received;  /* KefuShipment received, for the jobs */
  guint                 n_waybills;
  guint                 n_reports;  /* the progress reports of the job being told so far */
} Demo;

static gint64
staff_id (Demo       *demo,
          const char *login)
{
  gint64 *id = g_hash_table_lookup (demo->staff_ids, login);

  return id != NULL ? *id : kefu_store_get_actor (demo->store);
}

/* When a step `hours_ago` before the last working moment happened: within working hours, the
 * plans' hours told in working time (kefuctl_demo_working_time_before ()). */
static GDateTime *
demo_time (Demo   *demo,
           double  hours_ago)
{
  return kefuctl_demo_working_time_before (demo->calendar, demo->now, hours_ago);
}

/* The store writes as `login` at `hours_ago` before the last working moment. */
static void
act_as (Demo       *demo,
        const char *login,
        double      hours_ago)
{
  g_autoptr(GDateTime) at = demo_time (demo, hours_ago);

  kefu_store_set_actor (demo->store, staff_id (demo, login));
  kefu_store_set_clock (demo->store, at);
}

/* Setting up */

static gboolean
add_staff (Demo    *demo,
           guint   *added,
           GError **error)
{
  g_autoptr(GListModel) departments = kefu_store_list_departments (demo->store, NULL, error);

  if (departments == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (extra_staff); i++)
    {
      g_autoptr(KefuStaff) member = NULL;
      gint64 id;

      if (g_hash_table_contains (demo->staff_ids, extra_staff[i].login))
        continue;
      member = kefu_staff_new ();
      kefu_staff_set_name (member, extra_staff[i].name);
      kefu_staff_set_login (member, extra_staff[i].login);
      kefu_staff_set_role (member, extra_staff[i].role);
      kefu_staff_set_active (member, TRUE);
      for (guint d = 0; d < g_list_model_get_n_items (departments); d++)
        {
          g_autoptr(KefuDepartment) department = g_list_model_get_item (departments, d);

          if (g_strcmp0 (kefu_department_get_code (department), extra_staff[i].department) == 0)
            kefu_staff_set_department_id (member, kefu_record_get_id (KEFU_RECORD (department)));
        }
      kefu_store_set_system_actor (demo->store);
      if (!kefu_store_create_staff (demo->store, member, NULL, error))
        return FALSE;
      id = kefu_record_get_id (KEFU_RECORD (member));
      g_hash_table_insert (demo->staff_ids, g_strdup (extra_staff[i].login),
                           g_memdup2 (&id, sizeof id));
      (*added)++;
    }
  return TRUE;
}

/* The instruments first, then the equipment of the dairy's own list. */
static gboolean
load_products (Demo    *demo,
               guint   *added,
               GError **error)
{
  g_autoptr(GListModel) products = kefu_store_list_products (demo->store, TRUE, NULL, error);

  if (products == NULL)
    return FALSE;
  demo->products = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < G_N_ELEMENTS (extra_products); i++)
    {
      KefuProduct *found = NULL;

      for (guint p = 0; p < g_list_model_get_n_items (products) && found == NULL; p++)
        {
          g_autoptr(KefuProduct) product = g_list_model_get_item (products, p);

          if (g_strcmp0 (kefu_product_get_name (product), extra_products[i].name) == 0 &&
              g_strcmp0 (kefu_product_get_spec (product), extra_products[i].spec) == 0)
            found = g_object_ref (product);
        }
      if (found == NULL)
        {
          found = kefu_product_new ();
          kefu_product_set_name (found, extra_products[i].name);
          kefu_product_set_spec (found, extra_products[i].spec);
          kefu_product_set_unit_price (found, extra_products[i].unit_price);
          kefu_product_set_warranty_months (found, extra_products[i].warranty_months);
          kefu_product_set_active (found, TRUE);
          kefu_store_set_system_actor (demo->store);
          if (!kefu_store_create_product (demo->store, found, NULL, error))
            {
              g_object_unref (found);
              return FALSE;
            }
          (*added)++;
        }
      g_ptr_array_add (demo->products, found);
    }
  for (guint p = 0; p < g_list_model_get_n_items (products); p++)
    {
      KefuProduct *product = g_list_model_get_item (products, p);

      if (kefu_product_get_warranty_months (product) >= 12)
        g_ptr_array_add (demo->products, product);
      else
        g_object_unref (product);
    }
  return TRUE;
}

static gboolean
set_up (Demo    *demo,
        guint   *added,
        GError **error)
{
  guint n_read = 0;
  g_autoptr(GDateTime) real_now = kefuctl_demo_now ();

  demo->now = kefuctl_demo_last_working_moment (demo->store, real_now, error);
  if (demo->now == NULL)
    return FALSE;
  demo->calendar = kefuctl_demo_work_calendar (demo->store, error);
  if (demo->calendar == NULL)
    return FALSE;
  kefuctl_demo_local_date (demo->now, &demo->today);
  demo->carriers = kefu_store_list_carriers (demo->store, FALSE, NULL, error);
  if (demo->carriers == NULL || !add_staff (demo, added, error) ||
      !load_products (demo, added, error))
    return FALSE;
  demo->customers = kefu_customer_contacts_new ();
  if (!kefu_store_read_customer_contacts (demo->store, demo->customers, 0, 300, &n_read, NULL,
                                          error))
    return FALSE;
  if (n_read == 0 || demo->carriers->len == 0)
    {
      g_set_error (error, KEFUCTL_ERROR, KEFUCTL_ERROR_REFUSED,
                   _("The demo’s customers or carriers are missing from %s: the after-sales "
                     "sample data needs them."), kefu_store_get_description (demo->store));
      return FALSE;
    }
  demo->received = g_ptr_array_new_with_free_func (g_object_unref);
  return TRUE;
}

/* The next customer, every seventh of the demo's so that they are spread over the list. */
static const KefuCustomerContact *
next_customer (Demo *demo)
{
  guint n = kefu_customer_contacts_get_len (demo->customers);

  return kefu_customer_contacts_get (demo->customers, (demo->next_customer++ * 7 + 3) % n);
}

/* Shipments */

typedef struct
{
  KefuShipmentStep goal;
  double           age_hours;      /* requested this long before the last working moment */
  double           last_hours;     /* its last step this long before */
  guint            expected_days;  /* shipped: the expected arrival, days after shipping */
  guint            n_lines;
} ShipmentPlan;

/* Every step, the young ones in the early steps; two parcels past their expected arrival and a
 * delivery not confirmed for four days need attention, one parcel arrived damaged. */
static const ShipmentPlan shipment_plans[] = {
  { KEFU_SHIPMENT_STEP_RECEIVED, 60 * 24, 44 * 24, 2, 1 },
  { KEFU_SHIPMENT_STEP_RECEIVED, 52 * 24, 40 * 24, 2, 2 },
  { KEFU_SHIPMENT_STEP_RECEIVED, 45 * 24, 33 * 24, 3, 1 },
  { KEFU_SHIPMENT_STEP_RECEIVED, 40 * 24, 30 * 24, 1, 1 },
  { KEFU_SHIPMENT_STEP_RECEIVED, 36 * 24, 26 * 24, 2, 1 },
  { KEFU_SHIPMENT_STEP_RECEIVED, 30 * 24, 22 * 24, 2, 2 },
  { KEFU_SHIPMENT_STEP_RECEIVED, 14 * 24, 3 * 24, 2, 1 },
  { KEFU_SHIPMENT_STEP_CANCELLED, 9 * 24, 7 * 24, 0, 1 },
  { KEFU_SHIPMENT_STEP_DELIVERED, 10 * 24, 4 * 24, 2, 1 },   /* not confirmed: overdue */
  { KEFU_SHIPMENT_STEP_DELIVERED, 6 * 24, 20, 2, 1 },
  { KEFU_SHIPMENT_STEP_DELIVERED, 5 * 24, 6, 1, 2 },
  { KEFU_SHIPMENT_STEP_EXCEPTION, 7 * 24, 5, 2, 1 },
  { KEFU_SHIPMENT_STEP_SHIPPED, 9 * 24, 5 * 24, 1, 1 },      /* overdue */
  { KEFU_SHIPMENT_STEP_SHIPPED, 8 * 24, 4 * 24, 2, 1 },      /* overdue */
  { KEFU_SHIPMENT_STEP_SHIPPED, 4 * 24, 26, 3, 1 },
  { KEFU_SHIPMENT_STEP_SHIPPED, 3 * 24, 4, 3, 2 },
  { KEFU_SHIPMENT_STEP_HANDED_OVER, 3 * 24, 20, 0, 1 },
  { KEFU_SHIPMENT_STEP_HANDED_OVER, 50, 3, 0, 1 },
  { KEFU_SHIPMENT_STEP_HANDED_OVER, 30, 2, 0, 2 },
  { KEFU_SHIPMENT_STEP_DISPATCH_ISSUED, 50, 22, 0, 1 },
  { KEFU_SHIPMENT_STEP_DISPATCH_ISSUED, 30, 4, 0, 1 },
  { KEFU_SHIPMENT_STEP_DISPATCH_ISSUED, 26, 2, 0, 1 },
  { KEFU_SHIPMENT_STEP_PAYMENT_CONFIRMED, 28, 24, 0, 1 },
  { KEFU_SHIPMENT_STEP_PAYMENT_CONFIRMED, 24, 5, 0, 2 },
  { KEFU_SHIPMENT_STEP_PAYMENT_CONFIRMED, 8, 1, 0, 1 },
  { KEFU_SHIPMENT_STEP_REQUESTED, 26, 26, 0, 1 },
  { KEFU_SHIPMENT_STEP_REQUESTED, 5, 5, 0, 1 },
  { KEFU_SHIPMENT_STEP_REQUESTED, 2, 2, 0, 2 },
};

static const char *const shipment_notes[] = {
  "请在工作日送货,收货前电话联系化验室负责人",
  "随货附发票和合格证",
  NULL,
  "货到后需安排技术人员上门安装调试",
};

/* The actions that take a shipment to `goal`. */
static guint
shipment_path (KefuShipmentStep    goal,
               KefuShipmentAction  path[7])
{
  static const KefuShipmentAction way[] = {
    KEFU_SHIPMENT_ACTION_CONFIRM_PAYMENT, KEFU_SHIPMENT_ACTION_ISSUE_DISPATCH,
    KEFU_SHIPMENT_ACTION_HAND_OVER, KEFU_SHIPMENT_ACTION_SHIP, KEFU_SHIPMENT_ACTION_DELIVER,
    KEFU_SHIPMENT_ACTION_CONFIRM_RECEIPT,
  };
  guint n;

  switch (goal)
    {
    case KEFU_SHIPMENT_STEP_EXCEPTION:
      n = 4;
      memcpy (path, way, n * sizeof *path);
      path[n++] = KEFU_SHIPMENT_ACTION_REPORT_EXCEPTION;
      return n;
    case KEFU_SHIPMENT_STEP_CANCELLED:
      path[0] = KEFU_SHIPMENT_ACTION_CONFIRM_PAYMENT;
      path[1] = KEFU_SHIPMENT_ACTION_CANCEL;
      return 2;
    default:
      n = (guint) goal;   /* the steps Requested … Received are in the order of the way */
      memcpy (path, way, n * sizeof *path);
      return n;
    }
}

static const char *
shipment_actor (KefuShipmentAction action)
{
  switch (action)
    {
    case KEFU_SHIPMENT_ACTION_CONFIRM_PAYMENT:
    case KEFU_SHIPMENT_ACTION_ISSUE_DISPATCH:
      return FINANCE_LOGIN;
    case KEFU_SHIPMENT_ACTION_SHIP:
    case KEFU_SHIPMENT_ACTION_DELIVER:
      return LOGISTICS_LOGIN;
    case KEFU_SHIPMENT_ACTION_CANCEL:
      return LEAD_LOGIN;
    default:
      return DESK_LOGIN;
    }
}

/* A waybill of the carrier's form. */
static char *
waybill_for (KefuCarrier *carrier,
             guint        number)
{
  switch (carrier->kind)
    {
    case KEFU_CARRIER_SF:
      return g_strdup_printf ("SF14%011u", 20261100 + number);
    case KEFU_CARRIER_JD:
      return g_strdup_printf ("JDVA%011u", 30261100 + number);
    case KEFU_CARRIER_DEPPON:
      return g_strdup_printf ("DPK%012u", 40261100 + number);
    case KEFU_CARRIER_YTO:
      return g_strdup_printf ("YT8%012u", 50261100 + number);
    case KEFU_CARRIER_EMS:
    case KEFU_CARRIER_YUNDA:
      return g_strdup_printf ("98%011u", 60261100 + number);
    default:
      return g_strdup_printf ("7531%010u", 70261100 + number);
    }
}

static KefuShipment *
request_shipment (Demo               *demo,
                  const ShipmentPlan *plan,
                  guint               index,
                  GError            **error)
{
  g_autoptr(KefuShipment) shipment = kefu_shipment_new ();
  const char *sales = index % 3 == 2 ? SALES2_LOGIN : SALES_LOGIN;
  const KefuCustomerContact *customer = next_customer (demo);

  shipment->customer_id = customer->id;
  shipment->account_manager_id = staff_id (demo, sales);
  shipment->notes = g_strdup (shipment_notes[index % G_N_ELEMENTS (shipment_notes)]);
  shipment->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) kefu_shipment_line_free);
  for (guint i = 0; i < plan->n_lines; i++)
    {
      KefuShipmentLine *line = kefu_shipment_line_new ();
      KefuProduct *product = g_ptr_array_index (demo->products,
                                                (index + i * 2) % demo->products->len);
      g_autofree char *code = g_ascii_strup (kefu_product_get_spec (product) ?: "KF", -1);
      GDate made = demo->today;

      g_date_subtract_days (&made, (guint) (plan->age_hours / 24) + 20 + index % 30);
      line->product_id = kefu_record_get_id (KEFU_RECORD (product));
      line->quantity = 1;
      line->production_date = made;
      /* 产品编号: the model, the production month and a number. */
      line->serial = g_strdup_printf ("%s-%02u%02u-%04u", code, g_date_get_year (&made) % 100,
                                      g_date_get_month (&made), 101 + index * 3 + i);
      g_ptr_array_add (shipment->lines, line);
    }
  act_as (demo, sales, plan->age_hours);
  return kefu_store_create_shipment (demo->store, shipment, NULL, error);
}

static gboolean
demo_shipment (Demo               *demo,
               const ShipmentPlan *plan,
               guint               index,
               GError            **error)
{
  g_autoptr(KefuShipment) shipment = request_shipment (demo, plan, index, error);
  KefuShipmentAction path[7];
  guint n = shipment_path (plan->goal, path);
  KefuCarrier *carrier = g_ptr_array_index (demo->carriers, index % demo->carriers->len);

  if (shipment == NULL)
    return FALSE;
  for (guint k = 0; k < n; k++)
    {
      double ago = plan->age_hours - (plan->age_hours - plan->last_hours) * (k + 1) / n;
      g_autoptr(KefuShipmentChange) change = kefu_shipment_change_new (path[k], shipment->id,
                                                                       shipment->version);
      KefuShipment *next;

      act_as (demo, shipment_actor (path[k]), ago);
      switch (path[k])
        {
        case KEFU_SHIPMENT_ACTION_CONFIRM_PAYMENT:
          change->amount_fen = 0;
          for (guint i = 0; i < shipment->lines->len; i++)
            {
              KefuShipmentLine *line = g_ptr_array_index (shipment->lines, i);

              for (guint p = 0; p < demo->products->len; p++)
                {
                  KefuProduct *product = g_ptr_array_index (demo->products, p);

                  if (kefu_record_get_id (KEFU_RECORD (product)) == line->product_id)
                    change->amount_fen += line->quantity * kefu_product_get_unit_price (product);
                }
            }
          break;
        case KEFU_SHIPMENT_ACTION_ISSUE_DISPATCH:
          change->dispatch_number = g_strdup_printf ("FD-2611-%03u", 41 + index);
          break;
        case KEFU_SHIPMENT_ACTION_SHIP:
          {
            g_autoptr(GDateTime) at = demo_time (demo, ago);

            change->carrier_id = carrier->id;
            change->waybill = waybill_for (carrier, demo->n_waybills++);
            kefuctl_demo_local_date (at, &change->ship_date);
            change->expected_arrival = change->ship_date;
            g_date_add_days (&change->expected_arrival, plan->expected_days);
          }
          break;
        case KEFU_SHIPMENT_ACTION_CONFIRM_RECEIPT:
          change->receipt_method = index % 3 == 0 ? KEFU_RECEIPT_METHOD_SIGNED_SLIP
                                                  : KEFU_RECEIPT_METHOD_PHONE;
          break;
        case KEFU_SHIPMENT_ACTION_REPORT_EXCEPTION:
          change->exception = KEFU_SHIPMENT_EXCEPTION_DAMAGED;
          change->text = g_strdup ("客户签收时发现外包装破损,仪器显示屏碎裂,已拍照留证");
          break;
        case KEFU_SHIPMENT_ACTION_CANCEL:
          change->text = g_strdup ("客户项目延期,业务经理申请取消本次发货");
          break;
        default:
          break;
        }
      next = kefu_store_change_shipment (demo->store, change, NULL, error);
      if (next == NULL)
        return FALSE;
      g_object_unref (shipment);
      shipment = next;
    }
  if (shipment->step == KEFU_SHIPMENT_STEP_RECEIVED)
    g_ptr_array_add (demo->received, g_object_ref (shipment));
  return TRUE;
}

/* Service jobs */

typedef struct
{
  KefuJobKind kind;          /* as reported */
  KefuJobKind decided;       /* a fault report's diagnosis (REPAIR: solved on the phone) */
  gint        n_actions;     /* how far along its way (-1: all the way) */
  double      age_hours;
  double      last_hours;
  gint        agreed_in;     /* a visit dispatched ahead: its day, from today; 0: the day it
                              * departs */
  guint       travel_days;
  gboolean    paid;          /* a product of unknown warranty, repaired for a fee */
  gboolean    cancel;
} JobPlan;

static const JobPlan job_plans[] = {
  { KEFU_JOB_KIND_INSTALLATION, 0, 0, 3, 3, 0, 1, FALSE, FALSE },
  { KEFU_JOB_KIND_INSTALLATION, 0, 1, 22, 18, 0, 1, FALSE, FALSE },
  { KEFU_JOB_KIND_INSTALLATION, 0, 2, 40, 6, 0, 1, FALSE, FALSE },
  { KEFU_JOB_KIND_INSTALLATION, 0, 3, 72, 20, 2, 1, FALSE, FALSE },    /* this week */
  { KEFU_JOB_KIND_INSTALLATION, 0, 3, 50, 4, 8, 2, FALSE, FALSE },     /* next week */
  { KEFU_JOB_KIND_INSTALLATION, 0, 6, 5 * 24, 3, 0, 3, FALSE, FALSE }, /* on trip */
  { KEFU_JOB_KIND_INSTALLATION, 0, -1, 16 * 24, 9 * 24, 0, 1, FALSE, FALSE },
  { KEFU_JOB_KIND_INSTALLATION, 0, -1, 6 * 24, 5 * 24, 0, 1, FALSE, TRUE },
  { KEFU_JOB_KIND_REPAIR, KEFU_JOB_KIND_REPAIR, 0, 2, 2, 0, 1, FALSE, FALSE },
  { KEFU_JOB_KIND_REPAIR, KEFU_JOB_KIND_REPAIR, -1, 6 * 24, 6 * 24 - 3, 0, 1, FALSE, FALSE },
  { KEFU_JOB_KIND_REPAIR, KEFU_JOB_KIND_ONSITE_REPAIR, 2, 2 * 24, 26, 0, 1, FALSE, FALSE },
  { KEFU_JOB_KIND_REPAIR, KEFU_JOB_KIND_ONSITE_REPAIR, 6, 4 * 24, 5, 3, 1, TRUE, FALSE },
  { KEFU_JOB_KIND_REPAIR, KEFU_JOB_KIND_ONSITE_REPAIR, -1, 12 * 24, 7 * 24, 0, 2, FALSE, FALSE },
  { KEFU_JOB_KIND_REPAIR, KEFU_JOB_KIND_FACTORY_REPAIR, 2, 3 * 24, 2 * 24, 0, 1, FALSE, FALSE },
  { KEFU_JOB_KIND_REPAIR, KEFU_JOB_KIND_FACTORY_REPAIR, 3, 6 * 24, 2 * 24, 0, 1, FALSE, FALSE },
  { KEFU_JOB_KIND_REPAIR, KEFU_JOB_KIND_FACTORY_REPAIR, 4, 9 * 24, 26, 0, 1, FALSE, FALSE },
  { KEFU_JOB_KIND_REPAIR, KEFU_JOB_KIND_FACTORY_REPAIR, 5, 12 * 24, 2 * 24, 0, 1, FALSE, FALSE },
  { KEFU_JOB_KIND_REPAIR, KEFU_JOB_KIND_FACTORY_REPAIR, -1, 18 * 24, 8 * 24, 0, 1, FALSE, FALSE },
  { KEFU_JOB_KIND_REPLACEMENT, 0, 0, 5, 5, 0, 1, FALSE, FALSE },
  { KEFU_JOB_KIND_REPLACEMENT, 0, -1, 10 * 24, 4 * 24, 0, 1, FALSE, FALSE },
  { KEFU_JOB_KIND_RETURN, 0, 1, 4 * 24, 3 * 24, 0, 1, FALSE, FALSE },
  { KEFU_JOB_KIND_RETURN, 0, -1, 9 * 24, 5 * 24, 0, 1, FALSE, FALSE },
};

static const char *const fault_symptoms[] = {
  "开机自检报错E03,无法进入测量界面",
  "测量结果重复性差,同一样品偏差超过5%",
  "压缩机不启动,柜内温度升到12度",
  "显示屏花屏,按键无反应",
};
/* A technician's reports from the trip, for the kind of visit: an installation's are not a
 * repair's. */
static const char *const installation_reports[] = {
  "已到达客户现场,设备开箱验货完好,开始安装",
  "安装完成,正在调试并培训化验员",
};
static const char *const repair_reports[] = {
  "已到达客户现场,拆机检查确认主板故障",
  "主板已更换,正在校准并观察运行情况",
};

/* The actions that take a job of `plan` along its way, and how many. */
static guint
job_path (const JobPlan  *plan,
          KefuJobAction   path[16])
{
  KefuJobKind kind = plan->kind == KEFU_JOB_KIND_REPAIR ? plan->decided : plan->kind;
  guint n = 0;

  if (plan->cancel)
    {
      path[n++] = KEFU_JOB_ACTION_CANCEL;
      return n;
    }
  if (plan->kind == KEFU_JOB_KIND_REPAIR)
    path[n++] = KEFU_JOB_ACTION_DIAGNOSE;
  if (plan->paid)
    {
      path[n++] = KEFU_JOB_ACTION_SET_WARRANTY;
      path[n++] = KEFU_JOB_ACTION_RECORD_FEE;
    }
  if (kefu_job_kind_has_visit (kind))
    {
      path[n++] = KEFU_JOB_ACTION_REQUEST_SUPPORT;
      path[n++] = KEFU_JOB_ACTION_APPROVE_SUPPORT;
      path[n++] = KEFU_JOB_ACTION_DISPATCH;
      path[n++] = KEFU_JOB_ACTION_DEPART;
      for (guint day = 1; day < plan->travel_days; day++)
        path[n++] = KEFU_JOB_ACTION_REPORT_PROGRESS;
      path[n++] = KEFU_JOB_ACTION_FILE_FEEDBACK;
    }
  else if (kind == KEFU_JOB_KIND_FACTORY_REPAIR || kind == KEFU_JOB_KIND_RETURN)
    {
      path[n++] = KEFU_JOB_ACTION_SEND_TO_FACTORY;
      path[n++] = KEFU_JOB_ACTION_RECEIVE_AT_FACTORY;
      if (kind == KEFU_JOB_KIND_FACTORY_REPAIR)
        {
          path[n++] = KEFU_JOB_ACTION_RECORD_REPAIR;
          path[n++] = KEFU_JOB_ACTION_SEND_BACK;
          path[n++] = KEFU_JOB_ACTION_CONFIRM_RECEIPT;
        }
    }
  else if (kind == KEFU_JOB_KIND_REPLACEMENT)
    {
      path[n++] = KEFU_JOB_ACTION_SEND_BACK;
      path[n++] = KEFU_JOB_ACTION_CONFIRM_RECEIPT;
    }
  return n;
}

static const char *
job_actor (KefuServiceJob *job,
           KefuJobAction   action,
           Demo           *demo,
           const char     *technician)
{
  switch (action)
    {
    case KEFU_JOB_ACTION_DIAGNOSE:
    case KEFU_JOB_ACTION_DEPART:
    case KEFU_JOB_ACTION_REPORT_PROGRESS:
    case KEFU_JOB_ACTION_FILE_FEEDBACK:
    case KEFU_JOB_ACTION_RECORD_REPAIR:
      return technician;
    case KEFU_JOB_ACTION_REQUEST_SUPPORT:
      return job->account_manager_id == staff_id (demo, SALES_LOGIN) ? SALES_LOGIN : DESK_LOGIN;
    case KEFU_JOB_ACTION_APPROVE_SUPPORT:
      return GM_LOGIN;
    case KEFU_JOB_ACTION_SEND_TO_FACTORY:
    case KEFU_JOB_ACTION_SEND_BACK:
      return LOGISTICS_LOGIN;
    case KEFU_JOB_ACTION_RECEIVE_AT_FACTORY:
      return WAREHOUSE_LOGIN;
    case KEFU_JOB_ACTION_CANCEL:
      return LEAD_LOGIN;
    default:
      return DESK_LOGIN;
    }
}

/* The fault report or request, about a product a shipment of the demo delivered (a paid repair
 * is of an older instrument the demo never shipped, whose warranty is unknown). */
static KefuServiceJob *
report_job (Demo          *demo,
            const JobPlan *plan,
            guint          index,
            GError       **error)
{
  g_autoptr(KefuServiceJob) job = kefu_service_job_new ();
  KefuShipment *shipment = g_ptr_array_index (demo->received, index % demo->received->len);
  KefuShipmentLine *line = g_ptr_array_index (shipment->lines, 0);

  job->kind = plan->kind;
  job->source = index % 3 == 0 ? KEFU_JOB_SOURCE_ACCOUNT_MANAGER : KEFU_JOB_SOURCE_CUSTOMER_CALL;
  if (job->source == KEFU_JOB_SOURCE_ACCOUNT_MANAGER || plan->kind == KEFU_JOB_KIND_INSTALLATION)
    job->account_manager_id = staff_id (demo, SALES_LOGIN);
  if (plan->paid)
    {
      KefuProduct *product = g_ptr_array_index (demo->products, 0);

      job->customer_id = next_customer (demo)->id;
      job->product_id = kefu_record_get_id (KEFU_RECORD (product));
      job->serial = g_strdup ("MA-60-1903-0017");
    }
  else
    {
      job->customer_id = shipment->customer_id;
      job->shipment_id = shipment->id;
      job->shipment_line_id = line->id;
      job->product_id = line->product_id;
      job->serial = g_strdup (line->serial);
    }
  switch (plan->kind)
    {
    case KEFU_JOB_KIND_INSTALLATION:
      job->symptoms = g_strdup ("新购仪器已到货,请安排技术人员上门安装调试并培训操作人员");
      break;
    case KEFU_JOB_KIND_REPLACEMENT:
      job->symptoms = g_strdup ("到货后开机即报错,客户要求更换新机");
      break;
    case KEFU_JOB_KIND_RETURN:
      job->symptoms = g_strdup ("客户订错型号,退回工厂");
      break;
    default:
      job->symptoms = g_strdup (fault_symptoms[index % G_N_ELEMENTS (fault_symptoms)]);
      job->phone_answer = g_strdup ("已指导客户断电重启并检查电源,问题仍在,转技术部诊断");
      break;
    }
  act_as (demo, job->source == KEFU_JOB_SOURCE_ACCOUNT_MANAGER ? SALES_LOGIN : DESK_LOGIN,
          plan->age_hours);
  return kefu_store_create_job (demo->store, job, NULL, error);
}

/* What action `k` of `n` carries for a job of `plan`; `ago` holds the hours before the last
 * working moment of every action. */
static void
fill_job_change (Demo          *demo,
                 const JobPlan *plan,
                 guint          index,
                 KefuJobChange *change,
                 const double  *ago,
                 guint          k,
                 guint          n,
                 gint64         technician)
{
  switch (change->action)
    {
    case KEFU_JOB_ACTION_DIAGNOSE:
      change->decided_kind = plan->decided;
      change->solved = plan->decided == KEFU_JOB_KIND_REPAIR;
      change->text = g_strdup (change->solved ? "电话指导客户重新校准后恢复正常" :
                               plan->decided == KEFU_JOB_KIND_ONSITE_REPAIR ?
                               "判断为主板故障,需上门更换" : "判断为光路系统故障,需返厂维修");
      break;
    case KEFU_JOB_ACTION_SET_WARRANTY:
      change->warranty = KEFU_WARRANTY_OUT;
      change->text = g_strdup ("仪器为2019年购入,客户无法提供保修凭证,按保修期外处理");
      break;
    case KEFU_JOB_ACTION_RECORD_FEE:
      change->fee_fen = 120000;
      change->fee_agreed = TRUE;
      change->text = g_strdup ("上门费及主板更换共1200元,客户电话同意");
      break;
    case KEFU_JOB_ACTION_REQUEST_SUPPORT:
      change->text = g_strdup ("申请技术人员出差上门,预计差旅费800元");
      break;
    case KEFU_JOB_ACTION_DISPATCH:
      change->technician_id = technician;
      change->travel_days = plan->travel_days;
      if (plan->agreed_in != 0)
        {
          /* A working day: a visit due on Saturday goes to Monday. */
          change->agreed_date = demo->today;
          g_date_add_days (&change->agreed_date, plan->agreed_in);
          while (g_date_get_weekday (&change->agreed_date) > G_DATE_FRIDAY)
            g_date_add_days (&change->agreed_date, 1);
        }
      else
        {
          /* The day it departs, or the day after the dispatch when that is not taken yet. */
          g_autoptr(GDateTime) at = demo_time (demo, k + 1 < n ? ago[k + 1] : ago[k] - 24);

          kefuctl_demo_local_date (at, &change->agreed_date);
        }
      break;
    case KEFU_JOB_ACTION_REPORT_PROGRESS:
      /* In the order of the trip: arrived first, then the work. */
      if (plan->kind == KEFU_JOB_KIND_INSTALLATION)
        change->text = g_strdup (installation_reports[MIN (demo->n_reports,
                                                           G_N_ELEMENTS (installation_reports) - 1)]);
      else
        change->text = g_strdup (repair_reports[MIN (demo->n_reports,
                                                     G_N_ELEMENTS (repair_reports) - 1)]);
      demo->n_reports++;
      break;
    case KEFU_JOB_ACTION_FILE_FEEDBACK:
      change->work_done = g_strdup (plan->kind == KEFU_JOB_KIND_INSTALLATION ?
                                    "完成安装调试,培训化验员三名" : "更换主板,校准后测试正常");
      change->parts_used = g_strdup (plan->kind == KEFU_JOB_KIND_INSTALLATION ? "" : "主板一块");
      change->fixed = TRUE;
      change->text = g_strdup ("仪器运行正常,客户签字确认");
      change->customer_comment = g_strdup ("工程师很专业,讲解耐心");
      break;
    case KEFU_JOB_ACTION_SEND_TO_FACTORY:
    case KEFU_JOB_ACTION_SEND_BACK:
      {
        KefuCarrier *carrier = g_ptr_array_index (demo->carriers,
                                                  (index + k) % demo->carriers->len);

        change->carrier_id = carrier->id;
        change->waybill = waybill_for (carrier, demo->n_waybills++);
      }
      break;
    case KEFU_JOB_ACTION_RECORD_REPAIR:
      change->replaced = index % 4 == 0;
      change->text = g_strdup (change->replaced ? "光路系统无法修复,更换整机" :
                               "光源老化,更换光源模块并校准");
      break;
    case KEFU_JOB_ACTION_CONFIRM_RECEIPT:
      change->receipt_method = KEFU_RECEIPT_METHOD_PHONE;
      break;
    case KEFU_JOB_ACTION_CANCEL:
      change->text = g_strdup ("客户单位搬迁,安装推迟到明年,本次取消");
      break;
    default:
      break;
    }
}

static gboolean
demo_job (Demo          *demo,
          const JobPlan *plan,
          guint          index,
          GError       **error)
{
  g_autoptr(KefuServiceJob) job = report_job (demo, plan, index, error);
  const char *technician = technicians[index % G_N_ELEMENTS (technicians)];
  KefuJobAction path[16];
  double ago[16];
  guint n_path = job_path (plan, path);
  guint n = plan->n_actions < 0 ? n_path : MIN ((guint) plan->n_actions, n_path);

  if (job == NULL)
    return FALSE;
  demo->n_reports = 0;
  for (guint k = 0; k < n; k++)
    ago[k] = plan->age_hours - (plan->age_hours - plan->last_hours) * (k + 1) / n;
  for (guint k = 0; k < n; k++)
    {
      g_autoptr(KefuJobChange) change = kefu_job_change_new (path[k], job->id, job->version);
      KefuServiceJob *next;

      fill_job_change (demo, plan, index, change, ago, k, n, staff_id (demo, technician));
      act_as (demo, job_actor (job, path[k], demo, technician), ago[k]);
      next = kefu_store_change_job (demo->store, change, NULL, error);
      if (next == NULL)
        return FALSE;
      g_object_unref (job);
      job = next;
    }
  return TRUE;
}

/* The step */

gboolean
kefuctl_demo_aftersales (KefuStore   *store,
                         GHashTable  *staff_ids,
                         guint       *added,
                         guint       *present,
                         GError     **error)
{
  Demo demo = { .store = store, .staff_ids = staff_ids };
  g_autoptr(KefuShipmentFilter) all = kefu_shipment_filter_new ();
  g_autoptr(GArray) existing = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (KEFU_IS_STORE (store), FALSE);

  /* The demo's shipments are there: the desk was filled by an earlier run. */
  existing = kefu_store_list_shipment_ids (store, all, KEFU_SHIPMENT_SORT_REQUESTED, FALSE, NULL,
                                           error);
  if (existing == NULL)
    return FALSE;
  if (existing->len > 0)
    {
      *present += existing->len;
      return TRUE;
    }

  ok = set_up (&demo, added, error);
  for (guint i = 0; ok && i < G_N_ELEMENTS (shipment_plans); i++)
    {
      ok = demo_shipment (&demo, &shipment_plans[i], i, error);
      if (ok)
        (*added)++;
    }
  for (guint i = 0; ok && i < G_N_ELEMENTS (job_plans); i++)
    {
      ok = demo_job (&demo, &job_plans[i], i, error);
      if (ok)
        (*added)++;
    }

  kefuctl_demo_reset_clock (store);
  kefu_store_set_system_actor (store);
  g_clear_pointer (&demo.now, g_date_time_unref);
  g_clear_pointer (&demo.calendar, kefu_work_calendar_unref);
  g_clear_pointer (&demo.products, g_ptr_array_unref);
  g_clear_pointer (&demo.carriers, g_ptr_array_unref);
  g_clear_pointer (&demo.customers, kefu_customer_contacts_free);
  g_clear_pointer (&demo.received, g_ptr_array_unref);
  return ok;
}
