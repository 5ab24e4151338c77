/* kefuctl-demo.c: `kefuctl demo`, realistic Chinese sample data for a new user to explore.
 *
 * The demo is a list of steps (departments, staff, products, customers, settings …); later
 * issues append their own steps for their records. Every step looks each of its records up by a
 * natural key first (department code, staff login, product name and spec, customer phone,
 * setting key) and adds only the missing ones, so running demo twice adds nothing the second
 * time, and running a newer kefuctl's demo on an older demo database adds only the new records.
 *
 * To keep sample people out of real data, demo refuses a database that holds staff or
 * customers it did not create (none of its staff logins are there), unless --force is given.
 *
 * The names, addresses and products are sample data in Chinese by design, not interface text.
 */
#define G_LOG_DOMAIN "kefu-ctl"

#include "config.h"

#include "kefuctl-private.h"
#include "kefuctl-calls.h"
#include "kefuctl-demo-aftersales.h"
#include "kefuctl-demo-callbacks.h"
#include "kefuctl-demo-calls.h"
#include "kefuctl-demo-complaints.h"
#include "kefuctl-demo-shift-notes.h"
#include "kefuctl-names.h"
#include "kefuctl-random.h"
#include "core/kefu-enums.h"
#include "core/kefu-settings-keys.h"

/* The demo's customers come from this fixed seed, so every demo database has the same people. */
#define DEMO_SEED      G_GUINT64_CONSTANT (20261127)
#define DEMO_CUSTOMERS 300

static gboolean opt_force;

static const GOptionEntry demo_entries[] = {
  { "force", 'f', 0, G_OPTION_ARG_NONE, &opt_force,
    N_("Add the demo data even to a database that already holds other data"), NULL },
  { NULL }
};

typedef struct
{
  KefuStore  *store;
  GHashTable *department_ids;  /* code → gint64 id */
  GHashTable *staff_ids;       /* login → gint64 id */
  GArray     *clerk_ids;       /* gint64: active clerks, who are assigned customers */
} Demo;

typedef gboolean (*DemoStepFunc) (Demo    *demo,
                                  guint   *added,
                                  guint   *present,
                                  GError **error);

typedef struct
{
  const char   *what;  /* N_() */
  DemoStepFunc  run;
} DemoStep;

typedef struct
{
  const char *code;
  const char *name;
  const char *description;
} DemoDepartment;

/* The departments the seed's procedures route work to. */
static const DemoDepartment departments[] = {
  { "KF", "客服中心", "热线接听、投诉受理、回访与客户档案管理" },
  { "PK", "品控部", "产品质量投诉的调查与处理" },
  { "ZJB", "总经办", "产品质量投诉督办、出差与市场支持审批" },
  { "YX", "营销中心", "服务质量投诉的处理与营销活动" },
  { "XS", "销售部", "零售、卖场渠道的订单与销售代表" },
  { "JZ", "基站", "入户送奶渠道的订单与配送" },
  { "JS", "技术部", "电话诊断、设备安装与上门维修" },
  { "SH", "售后服务部", "发货跟踪、安装与维修的安排" },
  { "CW", "财务部", "货款确认与发货单" },
  { "WL", "物流部", "发货与运输单" },
  { "KC", "库房", "出入库与产品编号登记" },
  { "XX", "信息部", "系统管理与账号设置" },
};

typedef struct
{
  const char *name;
  const char *login;
  KefuRole    role;
  const char *department;  /* code */
  gboolean    active;
} DemoStaff;

/* At least one person for every role of core/kefu-types.h (a test checks this), several clerks
 * and two team leads so that assignment and hand-over have someone to choose from, and one
 * clerk who has left, so lists of active staff have something to leave out. */
static const DemoStaff staff[] = {
  { "王芳", "wangfang", KEFU_ROLE_CLERK, "KF", TRUE },
  { "李娜", "lina", KEFU_ROLE_CLERK, "KF", TRUE },
  { "张静", "zhangjing", KEFU_ROLE_CLERK, "KF", TRUE },
  { "刘洋", "liuyang", KEFU_ROLE_CLERK, "KF", TRUE },
  { "陈敏", "chenmin", KEFU_ROLE_CLERK, "KF", TRUE },
  { "杨丽", "yangli", KEFU_ROLE_CLERK, "KF", TRUE },
  { "谢婷", "xieting", KEFU_ROLE_CLERK, "KF", FALSE },
  { "赵丽娟", "zhaolijuan", KEFU_ROLE_TEAM_LEAD, "KF", TRUE },
  { "黄伟", "huangwei", KEFU_ROLE_TEAM_LEAD, "KF", TRUE },
  { "周建华", "zhoujianhua", KEFU_ROLE_CS_MANAGER, "KF", TRUE },
  { "吴国强", "wuguoqiang", KEFU_ROLE_QC_MANAGER, "PK", TRUE },
  { "徐文斌", "xuwenbin", KEFU_ROLE_GM_OFFICE, "ZJB", TRUE },
  { "孙志刚", "sunzhigang", KEFU_ROLE_MARKETING_DIRECTOR, "YX", TRUE },
  { "马秀英", "maxiuying", KEFU_ROLE_SALES_ADMIN, "XS", TRUE },
  { "朱红梅", "zhuhongmei", KEFU_ROLE_DEPOT_ADMIN, "JZ", TRUE },
  { "胡海涛", "huhaitao", KEFU_ROLE_SALES_REP, "XS", TRUE },
  { "郭磊", "guolei", KEFU_ROLE_SALES_REP, "JZ", TRUE },
  { "何明", "heming", KEFU_ROLE_TECHNICIAN, "JS", TRUE },
  { "林志强", "linzhiqiang", KEFU_ROLE_TECHNICIAN, "JS", TRUE },
  { "高玉兰", "gaoyulan", KEFU_ROLE_FINANCE, "CW", TRUE },
  { "罗军", "luojun", KEFU_ROLE_LOGISTICS, "WL", TRUE },
  { "郑建军", "zhengjianjun", KEFU_ROLE_WAREHOUSE, "KC", TRUE },
  { "梁晓东", "liangxiaodong", KEFU_ROLE_ADMINISTRATOR, "XX", TRUE },
};

typedef struct
{
  const char *name;
  const char *spec;
  gint64      unit_price;       /* fen */
  guint       warranty_months;  /* shelf life for food, warranty for equipment */
  gboolean    active;
} DemoProduct;

/* A dairy's range: fresh products keep days (0 months), UHT milk half a year, powder two years;
 * the equipment (yoghurt makers, the cold cabinets lent to shops) has a real warranty and is what
 * after-sales installs and repairs. One discontinued product shows how inactive ones look. */
static const DemoProduct products[] = {
  { "鲜牛奶", "250ml", 350, 0, TRUE },
  { "鲜牛奶", "950ml", 1280, 0, TRUE },
  { "巴氏鲜奶", "950ml", 1590, 0, TRUE },
  { "纯牛奶", "250ml", 300, 6, TRUE },
  { "纯牛奶", "1L", 1050, 6, TRUE },
  { "纯牛奶", "250ml×12盒", 4800, 6, TRUE },
  { "低脂牛奶", "250ml", 380, 6, TRUE },
  { "脱脂牛奶", "1L", 1290, 6, TRUE },
  { "高钙奶", "250ml", 350, 6, TRUE },
  { "早餐奶", "250ml", 330, 6, TRUE },
  { "儿童成长奶", "190ml", 420, 6, TRUE },
  { "酸奶", "200g", 450, 0, TRUE },
  { "老酸奶", "180g", 650, 0, TRUE },
  { "风味酸奶", "100g×8杯", 1680, 0, TRUE },
  { "中老年奶粉", "800g", 12800, 24, TRUE },
  { "婴幼儿配方奶粉", "900g", 29800, 24, TRUE },
  { "家用酸奶机", "1L", 15900, 12, TRUE },
  { "鲜奶保鲜柜", "SC-280", 368000, 24, TRUE },
  { "自助售奶机", "ZS-100", 1280000, 24, TRUE },
  { "果味奶", "250ml", 320, 6, FALSE },
};

static const char *const customer_notes[] = {
  "每天早上七点前送到",
  "家中有老人,送奶请敲门",
  "奶箱在单元门口左侧",
  "乳糖不耐受,推荐低乳糖产品",
  "只在工作日送货",
  "电话联系前请先发短信",
  "小区门禁需提前联系物业",
  "订奶到月底,下月是否续订待回访",
};

/* Steps */

static gboolean
demo_departments (Demo    *demo,
                  guint   *added,
                  guint   *present,
                  GError **error)
{
  g_autoptr(GListModel) existing = NULL;
  g_autoptr(GHashTable) by_name = g_hash_table_new (g_str_hash, g_str_equal);
  guint n;

  existing = kefu_store_list_departments (demo->store, NULL, error);
  if (existing == NULL)
    return FALSE;

  n = g_list_model_get_n_items (existing);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KefuDepartment) department = g_list_model_get_item (existing, i);
      const char *code = kefu_department_get_code (department);
      gint64 id = kefu_record_get_id (KEFU_RECORD (department));

      if (code != NULL)
        g_hash_table_insert (demo->department_ids, g_strdup (code), g_memdup2 (&id, sizeof id));
      g_hash_table_insert (by_name, (gpointer) g_intern_string (kefu_department_get_name (department)),
                           GINT_TO_POINTER (1));
    }

  for (guint i = 0; i < G_N_ELEMENTS (departments); i++)
    {
      g_autoptr(KefuDepartment) department = NULL;
      gint64 id;

      /* A department of that name made by hand counts as present too, so the demo does not
       * create a second 客服中心 beside it. */
      if (g_hash_table_contains (demo->department_ids, departments[i].code) ||
          g_hash_table_contains (by_name, g_intern_string (departments[i].name)))
        {
          (*present)++;
          continue;
        }

      department = kefu_department_new ();
      kefu_department_set_code (department, departments[i].code);
      kefu_department_set_name (department, departments[i].name);
      kefu_department_set_description (department, departments[i].description);
      if (!kefu_store_create_department (demo->store, department, NULL, error))
        return FALSE;

      id = kefu_record_get_id (KEFU_RECORD (department));
      g_hash_table_insert (demo->department_ids, g_strdup (departments[i].code),
                           g_memdup2 (&id, sizeof id));
      (*added)++;
    }

  return TRUE;
}

static gint64
department_id (Demo       *demo,
               const char *code)
{
  gint64 *id = g_hash_table_lookup (demo->department_ids, code);

  /* A department renamed or recoded by hand leaves its staff without one, which is allowed. */
  return id != NULL ? *id : 0;
}

static gboolean
demo_staff (Demo    *demo,
            guint   *added,
            guint   *present,
            GError **error)
{
  g_autoptr(GListModel) existing = NULL;
  guint n;

  existing = kefu_store_list_staff (demo->store, FALSE, NULL, error);
  if (existing == NULL)
    return FALSE;

  n = g_list_model_get_n_items (existing);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KefuStaff) member = g_list_model_get_item (existing, i);
      gint64 id = kefu_record_get_id (KEFU_RECORD (member));

      g_hash_table_insert (demo->staff_ids, g_strdup (kefu_staff_get_login (member)),
                           g_memdup2 (&id, sizeof id));
    }

  for (guint i = 0; i < G_N_ELEMENTS (staff); i++)
    {
      gint64 *known = g_hash_table_lookup (demo->staff_ids, staff[i].login);
      gint64 id;

      if (known != NULL)
        {
          id = *known;
          (*present)++;
        }
      else
        {
          g_autoptr(KefuStaff) member = kefu_staff_new ();

          kefu_staff_set_name (member, staff[i].name);
          kefu_staff_set_login (member, staff[i].login);
          kefu_staff_set_role (member, staff[i].role);
          kefu_staff_set_department_id (member, department_id (demo, staff[i].department));
          kefu_staff_set_active (member, staff[i].active);
          if (!kefu_store_create_staff (demo->store, member, NULL, error))
            return FALSE;

          id = kefu_record_get_id (KEFU_RECORD (member));
          g_hash_table_insert (demo->staff_ids, g_strdup (staff[i].login),
                               g_memdup2 (&id, sizeof id));
          (*added)++;
        }

      if (staff[i].role == KEFU_ROLE_CLERK && staff[i].active)
        g_array_append_val (demo->clerk_ids, id);
    }

  return TRUE;
}

static gboolean
demo_products (Demo    *demo,
               guint   *added,
               guint   *present,
               GError **error)
{
  g_autoptr(GListModel) existing = NULL;
  g_autoptr(GHashTable) known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n;

  existing = kefu_store_list_products (demo->store, FALSE, NULL, error);
  if (existing == NULL)
    return FALSE;

  n = g_list_model_get_n_items (existing);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KefuProduct) product = g_list_model_get_item (existing, i);

      g_hash_table_add (known, g_strdup_printf ("%s\n%s", kefu_product_get_name (product),
                                                kefu_product_get_spec (product) ?: ""));
    }

  for (guint i = 0; i < G_N_ELEMENTS (products); i++)
    {
      g_autofree char *key = g_strdup_printf ("%s\n%s", products[i].name, products[i].spec);
      g_autoptr(KefuProduct) product = NULL;

      if (g_hash_table_contains (known, key))
        {
          (*present)++;
          continue;
        }

      product = kefu_product_new ();
      kefu_product_set_name (product, products[i].name);
      kefu_product_set_spec (product, products[i].spec);
      kefu_product_set_unit_price (product, products[i].unit_price);
      kefu_product_set_warranty_months (product, products[i].warranty_months);
      kefu_product_set_active (product, products[i].active);
      if (!kefu_store_create_product (demo->store, product, NULL, error))
        return FALSE;
      (*added)++;
    }

  return TRUE;
}

static gboolean
customer_exists (Demo        *demo,
                 const char  *phone,
                 gboolean    *exists,
                 GError     **error)
{
  g_autoptr(GListModel) found = NULL;

  found = kefu_store_find_customers_by_phone (demo->store, phone, 1, NULL, error);
  if (found == NULL)
    return FALSE;

  *exists = g_list_model_get_n_items (found) > 0;
  return TRUE;
}

static gboolean
demo_customers (Demo    *demo,
                guint   *added,
                guint   *present,
                GError **error)
{
  static const guint channel_weights[] = { 15, 50, 20, 15 };  /* unspecified, 入户, 零售, 卖场 */
  static const KefuChannel channels[] = {
    KEFU_CHANNEL_UNSPECIFIED, KEFU_CHANNEL_HOME_DELIVERY, KEFU_CHANNEL_RETAIL,
    KEFU_CHANNEL_SUPERMARKET,
  };
  KefuctlRandom random;
  g_autoptr(GString) name = g_string_new (NULL);
  g_autoptr(GString) address = g_string_new (NULL);
  guint64 mobile_base = KEFUCTL_NAMES_DEMO_REGION * KEFUCTL_NAMES_MOBILE_REGION_SIZE;
  guint64 landline_base = KEFUCTL_NAMES_DEMO_REGION * KEFUCTL_NAMES_LANDLINE_REGION_SIZE;
  guint n_landlines = 0;
  guint next_clerk = 0;

  kefuctl_random_init (&random, DEMO_SEED);

  for (guint i = 0; i < DEMO_CUSTOMERS; i++)
    {
      g_autoptr(KefuCustomer) customer = NULL;
      char mobile[16], landline[16];
      const char *phones[3] = { mobile, NULL, NULL };
      const char *district;
      gboolean exists = FALSE;
      guint channel;
      gboolean is_member, has_landline, has_note, assigned;
      guint note;

      /* Every random choice is drawn before deciding whether to skip the customer, so that
       * customer i is the same person whether or not the ones before it existed. */
      g_string_truncate (name, 0);
      g_string_truncate (address, 0);
      kefuctl_names_person (&random, name);
      district = kefuctl_names_address (&random, address);
      channel = kefuctl_random_weighted (&random, channel_weights, G_N_ELEMENTS (channel_weights),
                                         100);
      is_member = kefuctl_random_permille (&random, 350);
      has_landline = kefuctl_random_permille (&random, 250);
      has_note = kefuctl_random_permille (&random, 200);
      note = kefuctl_random_below (&random, G_N_ELEMENTS (customer_notes));
      assigned = kefuctl_random_permille (&random, 600);

      kefuctl_names_mobile (mobile_base + i, mobile);
      if (has_landline)
        {
          kefuctl_names_landline (landline_base + n_landlines++, landline);
          phones[1] = landline;
        }

      if (!customer_exists (demo, mobile, &exists, error))
        return FALSE;
      if (exists)
        {
          (*present)++;
          continue;
        }

      customer = kefu_customer_new ();
      kefu_customer_set_name (customer, name->str);
      kefu_customer_set_address (customer, address->str);
      kefu_customer_set_district (customer, district);
      kefu_customer_set_phones (customer, phones);
      kefu_customer_set_channel (customer, channels[channel]);
      kefu_customer_set_is_member (customer, is_member);
      if (is_member)
        {
          /* Member card numbers as a dairy prints them: a fixed prefix and a serial. */
          g_autofree char *number = g_strdup_printf ("8801%06u", 1 + i);

          kefu_customer_set_member_number (customer, number);
        }
      if (has_note)
        kefu_customer_set_notes (customer, customer_notes[note]);
      if (assigned && demo->clerk_ids->len > 0)
        {
          gint64 clerk = g_array_index (demo->clerk_ids, gint64,
                                        next_clerk++ % demo->clerk_ids->len);

          kefu_customer_set_assigned_clerk_id (customer, clerk);
        }

      if (!kefu_store_create_customer (demo->store, customer, NULL, error))
        return FALSE;
      (*added)++;
    }

  return TRUE;
}

/* Writes each shared rule's default value where the database has none, so that the settings
 * table shows administrators (and BI tools) every rule in force. A value set by hand stays. */
/* The demo's own values where the default is not what its dairy would keep: the districts it
 * delivers in (those its customers live in, so that an order from elsewhere shows what an
 * out-of-area order looks like), its name, and its callback script in the words its clerks say
 * (domain.md §4), whatever the language the demo runs in. */
static const char *
demo_setting_value (const char *key)
{
  static const struct
  {
    const char *key;
    const char *value;
  } values[] = {
    { KEFU_SETTING_SITE_COMPANY_NAME, "康乐乳业" },
    { KEFU_SETTING_SCRIPT_OPENING, "您好，我是{company}的客服代表{clerk}，请问您是{customer}吗？打扰您了。" },
    { KEFU_SETTING_SCRIPT_QUESTION, "请问您对我们{date}的{service}满意吗？" },
    { KEFU_SETTING_SCRIPT_SATISFIED, "谢谢您的肯定！您对我们的产品和服务还有什么建议吗？" },
    { KEFU_SETTING_SCRIPT_UNSATISFIED, "非常抱歉给您带来不便。您觉得我们哪些地方需要改进？" },
    { KEFU_SETTING_SCRIPT_CLOSING_SATISFIED, "感谢您的支持，祝您生活愉快，再见！" },
    { KEFU_SETTING_SCRIPT_CLOSING_UNSATISFIED, "感谢您的宝贵意见，我们会尽快改进，再次向您致歉，再见！" },
  };

  if (g_str_equal (key, KEFU_SETTING_SERVICE_AREAS))
    return kefuctl_calls_service_areas;
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    if (g_str_equal (key, values[i].key))
      return values[i].value;
  return kefu_setting_get_default (key);
}

static gboolean
demo_settings (Demo    *demo,
               guint   *added,
               guint   *present,
               GError **error)
{
  const char *const *keys = kefu_setting_get_keys ();

  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *value = kefu_store_get_setting (demo->store, keys[i], NULL, &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (value != NULL)
        {
          (*present)++;
          continue;
        }

      if (!kefu_store_set_setting (demo->store, keys[i], demo_setting_value (keys[i]), NULL,
                                   error))
        return FALSE;
      (*added)++;
    }

  return TRUE;
}

static gboolean
demo_calls (Demo    *demo,
            guint   *added,
            guint   *present,
            GError **error)
{
  return kefuctl_demo_calls (demo->store, demo->staff_ids, added, present, error);
}

static gboolean
demo_complaints (Demo    *demo,
                 guint   *added,
                 guint   *present,
                 GError **error)
{
  return kefuctl_demo_complaints (demo->store, demo->staff_ids, added, present, error);
}

static gboolean
demo_callbacks (Demo    *demo,
                guint   *added,
                guint   *present,
                GError **error)
{
  return kefuctl_demo_callbacks (demo->store, demo->staff_ids, added, present, error);
}

static gboolean
demo_aftersales (Demo    *demo,
                 guint   *added,
                 guint   *present,
                 GError **error)
{
  return kefuctl_demo_aftersales (demo->store, demo->staff_ids, added, present, error);
}

static gboolean
demo_shift_notes (Demo    *demo,
                  guint   *added,
                  guint   *present,
                  GError **error)
{
  return kefuctl_demo_shift_notes (demo->store, demo->staff_ids, added, present, error);
}

/* Calls come last: they need the staff, products, customers and the service areas; then their
 * complaints are worked, and the after-sales desk's shipments and jobs; the hand-over notes at
 * the end point to a complaint and a callback. */
static const DemoStep steps[] = {
  { N_("Departments"), demo_departments },
  { N_("Staff"), demo_staff },
  { N_("Products"), demo_products },
  { N_("Customers"), demo_customers },
  { N_("Settings"), demo_settings },
  { N_("Calls"), demo_calls },
  { N_("Complaints"), demo_complaints },
  { N_("After-sales"), demo_aftersales },
  { N_("Callbacks"), demo_callbacks },
  { N_("Hand-over notes"), demo_shift_notes },
};

/* TRUE when the database holds staff or customers and none of the demo's staff logins: then
 * it is someone's real data, not an earlier demo. */
static gboolean
holds_other_data (KefuStore  *store,
                  gboolean   *other,
                  GError    **error)
{
  g_autoptr(GListModel) members = NULL;
  gint64 n_customers;
  guint n_staff, n_other_staff = 0;

  members = kefu_store_list_staff (store, FALSE, NULL, error);
  if (members == NULL)
    return FALSE;
  n_customers = kefu_store_count_customers (store, NULL, error);
  if (n_customers < 0)
    return FALSE;

  n_staff = g_list_model_get_n_items (members);
  for (guint i = 0; i < n_staff; i++)
    {
      g_autoptr(KefuStaff) member = g_list_model_get_item (members, i);
      const char *login = kefu_staff_get_login (member);
      gboolean from_demo = FALSE;

      for (guint j = 0; j < G_N_ELEMENTS (staff) && !from_demo; j++)
        from_demo = g_strcmp0 (login, staff[j].login) == 0;
      if (from_demo)
        {
          *other = FALSE;
          return TRUE;
        }
      /* The built-in system actor that kefuctl writes as is not somebody's data. */
      if (kefu_record_get_id (KEFU_RECORD (member)) != kefu_store_get_actor (store))
        n_other_staff++;
    }

  *other = n_customers > 0 || n_other_staff > 0;
  return TRUE;
}

static gboolean
demo_run (KefuStore  *store,
          GError    **error)
{
  Demo demo = { 0 };
  gboolean other = FALSE;
  gboolean ok = TRUE;
  guint total_added = 0;

  if (!holds_other_data (store, &other, error))
    return FALSE;
  if (other && !opt_force)
    {
      g_set_error (error, KEFUCTL_ERROR, KEFUCTL_ERROR_REFUSED,
                   _("The database %s already holds staff or customers that the demo did not "
                     "create. The demo is meant for a new, empty database: choose another one "
                     "with --database or --server, or add --force to add the sample data "
                     "anyway."),
                   kefu_store_get_description (store));
      return FALSE;
    }

  demo.store = store;
  demo.department_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  demo.staff_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  demo.clerk_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < G_N_ELEMENTS (steps) && ok; i++)
    {
      guint added = 0, present = 0;

      ok = steps[i].run (&demo, &added, &present, error);
      if (ok)
        {
          /* Translators: one line per kind of sample data, e.g. "Staff: 23 added, 0 already
           * there". */
          g_print (_("%s: %u added, %u already there\n"), _(steps[i].what), added, present);
          total_added += added;
        }
    }

  g_hash_table_unref (demo.department_ids);
  g_hash_table_unref (demo.staff_ids);
  g_array_unref (demo.clerk_ids);

  if (!ok)
    return FALSE;

  if (total_added == 0)
    g_print (_("The demo data is already in %s; nothing was added.\n"),
             kefu_store_get_description (store));
  else
    g_print (_("Added the demo data to %s.\n"), kefu_store_get_description (store));

  return TRUE;
}

const KefuctlCommand kefuctl_demo_command = {
  .name = "demo",
  .summary = N_("Fill the database with realistic Chinese sample data"),
  .description = N_("Adds departments, staff for every role (logins in pinyin), the dairy’s "
                    "products, a few hundred customers in Beijing with addresses, mobile and "
                    "landline numbers, members and assigned clerks, the shared settings, and "
                    "a busy day of hotline calls today with the week before it (orders, urgent "
                    "complaints, inquiries and leads), taken by the demo clerks, with the "
                    "complaints worked through every stage of the board (some late and "
                    "escalated, a harmed customer visited, a bad batch flagged), and the "
                    "after-sales desk (shipments in every step of their way, some overdue; "
                    "installations and repairs of every kind in every step, with the "
                    "technicians’ visits, a paid repair and the callbacks), and the hand-over "
                    "notes the clerks left at the end of the last shifts, so that a new user "
                    "sees a living application.\n"
                    "Running demo again adds only what is missing and exits with status 0. "
                    "A database that holds other staff or customers is refused unless --force "
                    "is given."),
  .entries = demo_entries,
  .run = demo_run,
};
