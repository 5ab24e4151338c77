/* kefuctl-calls.c: the words and numbers of sample hotline calls (see kefuctl-calls.h).
 *
 * The strings here are sample data in Chinese by design, what clerks of a Beijing dairy's
 * hotline write on their forms, not user interface, so they are not translatable.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-ctl"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "kefuctl-calls.h"
#include "kefuctl-names.h"
#include "kefuctl-private.h"

#define PICK(random, list) ((list)[kefuctl_random_below ((random), G_N_ELEMENTS (list))])

const char kefuctl_calls_service_areas[] =
  "东城区,西城区,朝阳区,海淀区,丰台区,石景山区,通州区,顺义区,昌平区,大兴区,房山区";

/* Catalog */

gboolean
kefuctl_catalog_load (KefuctlCatalog  *catalog,
                      KefuStore       *store,
                      GError         **error)
{
  g_autoptr(GListModel) products = kefu_store_list_products (store, TRUE, NULL, error);
  guint n;

  if (products == NULL)
    return FALSE;

  n = g_list_model_get_n_items (products);
  if (n == 0)
    {
      g_set_error (error, KEFUCTL_ERROR, KEFUCTL_ERROR_REFUSED,
                   _("There are no active products in %s for the calls to order. Add products "
                     "first, for example with “kefuctl demo”."),
                   kefu_store_get_description (store));
      return FALSE;
    }

  catalog->products = g_ptr_array_new_full (n, g_object_unref);
  catalog->weights = g_new0 (guint, n);
  catalog->food = g_new0 (guint, n);
  catalog->total = 0;
  catalog->n_food = 0;
  for (guint i = 0; i < n; i++)
    {
      KefuProduct *product = g_list_model_get_item (products, i);
      gint64 price = kefu_product_get_unit_price (product);

      g_ptr_array_add (catalog->products, product);
      /* Everyday milk and yoghurt are most of the orders, powder some, equipment few. */
      catalog->weights[i] = price <= 2000 ? 40 : price <= 30000 ? 6 : 1;
      catalog->total += catalog->weights[i];
      /* Quality complaints are about what people eat and drink: the everyday products and the
       * long-life powders, not the machines (which have a warranty of a year or so). */
      if (price <= 2000 || (price <= 30000 && kefu_product_get_warranty_months (product) >= 24))
        catalog->food[catalog->n_food++] = i;
    }
  /* A catalog of equipment only still has something to complain about. */
  if (catalog->n_food == 0)
    for (guint i = 0; i < n; i++)
      catalog->food[catalog->n_food++] = i;
  return TRUE;
}

void
kefuctl_catalog_clear (KefuctlCatalog *catalog)
{
  g_clear_pointer (&catalog->products, g_ptr_array_unref);
  g_clear_pointer (&catalog->weights, g_free);
  g_clear_pointer (&catalog->food, g_free);
}

static KefuProduct *
pick_product (KefuctlRandom  *random,
              KefuctlCatalog *catalog)
{
  guint i = kefuctl_random_weighted (random, catalog->weights, catalog->products->len,
                                     catalog->total);

  return g_ptr_array_index (catalog->products, i);
}

static KefuProduct *
pick_food (KefuctlRandom  *random,
           KefuctlCatalog *catalog)
{
  return g_ptr_array_index (catalog->products,
                            catalog->food[kefuctl_random_below (random, catalog->n_food)]);
}

/* Orders */

static const char *const order_notes[] = {
  "每天早上7点前送到", "放在单元门口的奶箱里", "周末不送", "送到后请敲门", "到了先打电话",
  "小区门禁,请联系物业开门", "家里有老人,请送上楼", "下月起改为隔天送", "发票抬头写公司名",
  "电话联系前请先发短信", "以前订过,这次续订三个月", "送到公司前台",
};

static void
add_line (KefuOrder   *order,
          KefuProduct *product,
          guint        quantity)
{
  KefuOrderLine *line = kefu_order_add_line (order);

  kefu_order_line_set_product_id (line, kefu_record_get_id (KEFU_RECORD (product)));
  kefu_order_line_set_product_name (line, kefu_product_get_name (product));
  kefu_order_line_set_spec (line, kefu_product_get_spec (product));
  kefu_order_line_set_quantity (line, quantity);
  kefu_order_line_set_unit_price (line, kefu_product_get_unit_price (product));
}

/* How many a caller orders: a household's month of daily milk, a shop's cases, one machine. */
static guint
pick_quantity (KefuctlRandom *random,
               KefuProduct   *product,
               KefuChannel    channel)
{
  static const guint household[] = { 30, 30, 30, 15, 7, 14, 60, 90, 2, 6 };
  static const guint shop[] = { 24, 48, 48, 100, 120, 200, 60, 36 };
  gint64 price = kefu_product_get_unit_price (product);

  if (price > 30000)
    return 1 + kefuctl_random_below (random, channel == KEFU_CHANNEL_HOME_DELIVERY ? 1 : 3);
  if (price > 2000)
    return 1 + kefuctl_random_below (random, channel == KEFU_CHANNEL_HOME_DELIVERY ? 3 : 20);
  if (channel == KEFU_CHANNEL_HOME_DELIVERY)
    return PICK (random, household);
  return PICK (random, shop);
}

void
kefuctl_calls_make_order (KefuctlRandom  *random,
                          KefuctlCatalog *catalog,
                          KefuCall       *call,
                          KefuChannel     channel,
                          const char     *address,
                          const char     *district)
{
  static const guint n_lines_weights[] = { 60, 30, 10 };
  g_autoptr(KefuOrder) order = kefu_order_new ();
  KefuProduct *chosen[3] = { NULL, NULL, NULL };
  guint n_lines = 1 + kefuctl_random_weighted (random, n_lines_weights, 3, 100);

  kefu_order_set_channel (order, channel);
  kefu_order_set_delivery_address (order, address);
  kefu_order_set_district (order, district);

  for (guint i = 0; i < n_lines; i++)
    {
      KefuProduct *product = pick_product (random, catalog);
      gboolean repeat = FALSE;

      /* The same product twice in one order is one line with more. */
      for (guint j = 0; j < i; j++)
        repeat = repeat || chosen[j] == product;
      if (repeat)
        continue;
      chosen[i] = product;
      add_line (order, product, pick_quantity (random, product, channel));
    }

  kefu_call_set_kind (call, KEFU_CALL_KIND_ORDER);
  kefu_call_set_order (call, order);
  if (kefuctl_random_permille (random, 150))
    kefu_call_set_notes (call, PICK (random, order_notes));
}

/* Complaints */

typedef struct
{
  KefuProductSymptom  symptom;
  const char         *reason;
} SymptomReason;

static const SymptomReason product_reasons[] = {
  { KEFU_PRODUCT_SYMPTOM_ODD_SMELL, "打开后有一股酸味,还没过保质期" },
  { KEFU_PRODUCT_SYMPTOM_ODD_SMELL, "鲜牛奶有异味,喝起来发苦" },
  { KEFU_PRODUCT_SYMPTOM_ODD_SMELL, "奶有一股塑料味,和平时不一样" },
  { KEFU_PRODUCT_SYMPTOM_ODD_SMELL, "闻着有腥味,孩子不肯喝" },
  { KEFU_PRODUCT_SYMPTOM_SPOILED, "酸奶表面长了霉点" },
  { KEFU_PRODUCT_SYMPTOM_SPOILED, "牛奶倒出来已经结块了,离保质期还有三天" },
  { KEFU_PRODUCT_SYMPTOM_SPOILED, "包装盒鼓胀,打开有气泡" },
  { KEFU_PRODUCT_SYMPTOM_SPOILED, "一整箱里有两盒变质" },
  { KEFU_PRODUCT_SYMPTOM_OUT_OF_SPEC, "标称950ml,量出来只有900ml左右" },
  { KEFU_PRODUCT_SYMPTOM_OUT_OF_SPEC, "包装上的蛋白质含量和宣传的不一样" },
  { KEFU_PRODUCT_SYMPTOM_OUT_OF_SPEC, "奶粉罐里的量明显不足" },
  { KEFU_PRODUCT_SYMPTOM_OTHER, "瓶盖封口破损,奶漏了一地" },
  { KEFU_PRODUCT_SYMPTOM_OTHER, "生产日期印得看不清" },
  { KEFU_PRODUCT_SYMPTOM_OTHER, "包装里有一根头发" },
  { KEFU_PRODUCT_SYMPTOM_OTHER, "吸管缺失" },
};

static const SymptomReason harmed_reasons[] = {
  { KEFU_PRODUCT_SYMPTOM_SPOILED, "孩子喝了以后呕吐腹泻,已去医院就诊" },
  { KEFU_PRODUCT_SYMPTOM_SPOILED, "老人喝完后腹泻住院,家属要求公司派人说明情况" },
  { KEFU_PRODUCT_SYMPTOM_ODD_SMELL, "全家喝了以后肠胃不适,去了社区医院" },
  { KEFU_PRODUCT_SYMPTOM_OTHER, "喝出异物划伤了嘴,在医院处理了伤口" },
};

static const char *const purchase_methods[] = {
  "送奶到户", "送奶到户", "超市购买", "便利店购买", "奶站自提", "网上订购", "单位团购",
};

static const char *const shops[] = {
  "物美超市", "华联超市", "永辉超市", "家乐福", "京客隆", "超市发", "7-11便利店",
  "好邻居便利店", "小区便利店",
};

typedef struct
{
  KefuServiceIssue  issue;
  const char       *subject;
  const char       *reason;
  const char       *manner;
} ServiceReason;

static const ServiceReason service_reasons[] = {
  { KEFU_SERVICE_ISSUE_LATE_DELIVERY, "送奶服务", "送奶晚了,早上8点多还没送到", "入户配送" },
  { KEFU_SERVICE_ISSUE_LATE_DELIVERY, "送奶服务", "连续三天送奶晚了,孩子上学前喝不上", "入户配送" },
  { KEFU_SERVICE_ISSUE_LATE_DELIVERY, "送货服务", "超市下单的货晚到了两天", "门店配送" },
  { KEFU_SERVICE_ISSUE_SHORT_DELIVERY, "送奶服务", "订了两瓶只送了一瓶", "入户配送" },
  { KEFU_SERVICE_ISSUE_SHORT_DELIVERY, "送奶服务", "这周少送了三天的奶", "入户配送" },
  { KEFU_SERVICE_ISSUE_SHORT_DELIVERY, "送货服务", "订的酸奶少送了一箱", "门店配送" },
  { KEFU_SERVICE_ISSUE_STAFF_CONDUCT, "送奶员", "送奶员态度很差,说话不客气", "入户配送" },
  { KEFU_SERVICE_ISSUE_STAFF_CONDUCT, "送奶员", "送奶员把奶随手扔在门口,瓶子摔破了", "入户配送" },
  { KEFU_SERVICE_ISSUE_STAFF_CONDUCT, "客服热线", "上次打电话客服不耐烦,问题也没解决", "电话沟通" },
  { KEFU_SERVICE_ISSUE_STAFF_CONDUCT, "促销员", "超市促销员硬要推销,不买就甩脸色", "超市促销" },
  { KEFU_SERVICE_ISSUE_BILLING_ERROR, "月结账单", "月底结算多收了30元", "上门收款" },
  { KEFU_SERVICE_ISSUE_BILLING_ERROR, "月结账单", "已经退订了还在扣款", "自动扣款" },
  { KEFU_SERVICE_ISSUE_BILLING_ERROR, "月结账单", "月订优惠没有给算上", "上门收款" },
  { KEFU_SERVICE_ISSUE_OTHER, "奶箱", "奶箱坏了一直没人来修", "入户配送" },
  { KEFU_SERVICE_ISSUE_OTHER, "送奶服务", "已经改了地址还往旧地址送", "入户配送" },
};

static const char *const staff_identities[] = {
  "送奶员老张", "送奶员小李", "工号 JZ1023", "工号 JZ2107", "工号 XS0415", "配送员(男,三十多岁)",
  "客服 小王", "收款员 工号 CW0312", "促销员(女)", "司机 刘师傅",
};

typedef struct
{
  const char *subject;
  const char *reason;
  const char *explanation;
} Misunderstanding;

static const Misunderstanding misunderstandings[] = {
  { "酸奶", "酸奶表面有一层水,怀疑变质了",
    "向客户说明这是乳清析出,属正常现象,摇匀即可饮用,客户表示理解" },
  { "鲜牛奶", "鲜奶喝起来没有以前香",
    "说明产品配方没有变化,口感随季节奶源略有差异,客户接受解释" },
  { "鲜牛奶", "奶盒上印的日期是明天,以为印错了",
    "解释盒上是保质期截止日期,不是生产日期,产品在保质期内" },
  { "送奶服务", "早上六点送奶吵醒了家人",
    "说明入户配送在早上6点到7点之间,已记录客户希望晚些送的要求" },
  { "价格", "入户订奶比超市贵",
    "说明入户价格包含每天送奶上门的服务,并介绍了月订优惠" },
  { "纯牛奶", "牛奶加热后表面有一层皮",
    "解释这是蛋白质受热凝结形成的奶皮,说明牛奶营养丰富,不是质量问题" },
  { "奶粉", "冲好的奶粉底部有少量沉淀",
    "说明是水温偏低导致溶解不充分,建议用40至50度温水冲调" },
};

static void
set_production_date (KefuctlRandom *random,
                     KefuComplaint *complaint,
                     KefuProduct   *product,
                     const GDate   *day)
{
  GDate date = *day;
  guint shelf_months = kefu_product_get_warranty_months (product);

  /* Fresh products are days old when they are drunk; long-life ones weeks or months. */
  g_date_subtract_days (&date, 1 + kefuctl_random_below (random, shelf_months == 0 ?
                                                                 7 : 30 * MIN (shelf_months, 6)));
  kefu_complaint_set_production_date (complaint, &date);
}

static void
set_batch_number (KefuctlRandom *random,
                  KefuComplaint *complaint)
{
  const GDate *date = kefu_complaint_get_production_date (complaint);
  char batch[24];

  /* The plant's batch numbers: production date, line letter, shift. */
  g_snprintf (batch, sizeof batch, "%02u%02u%02u-%c%u", g_date_get_year (date) % 100,
              g_date_get_month (date), g_date_get_day (date),
              'A' + kefuctl_random_below (random, 4), 1 + kefuctl_random_below (random, 3));
  kefu_complaint_set_batch_number (complaint, batch);
}

void
kefuctl_calls_make_complaint (KefuctlRandom          *random,
                              KefuctlCatalog         *catalog,
                              KefuCall               *call,
                              KefuctlComplaintShape   shape,
                              const GDate            *day,
                              const char             *district)
{
  g_autoptr(KefuComplaint) complaint = kefu_complaint_new ();
  g_autofree char *text = NULL;

  switch (shape)
    {
    case KEFUCTL_COMPLAINT_PRODUCT:
    case KEFUCTL_COMPLAINT_HARMED:
      {
        KefuProduct *product = pick_food (random, catalog);
        const SymptomReason *reason = shape == KEFUCTL_COMPLAINT_HARMED ?
                                      &PICK (random, harmed_reasons) :
                                      &PICK (random, product_reasons);
        const char *method = PICK (random, purchase_methods);
        const char *spec = kefu_product_get_spec (product);

        text = spec != NULL && spec[0] != '\0' ?
               g_strdup_printf ("%s %s", kefu_product_get_name (product), spec) :
               g_strdup (kefu_product_get_name (product));
        kefu_complaint_set_subject (complaint, text);
        kefu_complaint_set_reason (complaint, reason->reason);
        kefu_complaint_set_category (complaint, KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY);
        kefu_complaint_set_symptom (complaint, reason->symptom);
        kefu_complaint_set_purchase_method (complaint, method);
        g_clear_pointer (&text, g_free);
        if (g_str_equal (method, "送奶到户"))
          text = g_strdup ("家门口奶箱");
        else if (g_str_equal (method, "奶站自提"))
          text = g_strdup_printf ("%s奶站", district != NULL ? district : "");
        else if (g_str_equal (method, "网上订购") || g_str_equal (method, "单位团购"))
          text = g_strdup ("公司官方商城");
        else
          text = g_strdup_printf ("%s%s", district != NULL ? district : "", PICK (random, shops));
        kefu_complaint_set_purchase_place (complaint, text);
        kefu_complaint_set_product_id (complaint, kefu_record_get_id (KEFU_RECORD (product)));
        set_production_date (random, complaint, product, day);
        set_batch_number (random, complaint);
        kefu_complaint_set_harmed (complaint, shape == KEFUCTL_COMPLAINT_HARMED);
        break;
      }
    case KEFUCTL_COMPLAINT_SERVICE:
      {
        const ServiceReason *reason = &PICK (random, service_reasons);

        kefu_complaint_set_subject (complaint, reason->subject);
        kefu_complaint_set_reason (complaint, reason->reason);
        kefu_complaint_set_category (complaint, KEFU_COMPLAINT_CATEGORY_SERVICE_QUALITY);
        kefu_complaint_set_service_issue (complaint, reason->issue);
        kefu_complaint_set_staff_identity (complaint, PICK (random, staff_identities));
        text = g_str_equal (reason->manner, "电话沟通") ? g_strdup ("客服热线") :
               g_str_equal (reason->manner, "超市促销") ?
               g_strdup_printf ("%s%s", district != NULL ? district : "", PICK (random, shops)) :
               g_strdup_printf ("%s奶站", district != NULL ? district : "");
        kefu_complaint_set_work_place (complaint, text);
        kefu_complaint_set_work_manner (complaint, reason->manner);
        break;
      }
    case KEFUCTL_COMPLAINT_NOT_FOUNDED:
      {
        const Misunderstanding *m = &PICK (random, misunderstandings);

        kefu_complaint_set_subject (complaint, m->subject);
        kefu_complaint_set_reason (complaint, m->reason);
        kefu_complaint_set_well_founded (complaint, FALSE);
        kefu_complaint_set_explanation (complaint, m->explanation);
        break;
      }
    default:
      g_assert_not_reached ();
    }

  kefu_call_set_kind (call, KEFU_CALL_KIND_COMPLAINT);
  kefu_call_set_complaint (call, complaint);
}

/* Inquiries */

typedef struct
{
  KefuInquiryTopics  topic;
  const char        *answer;
} TopicAnswer;

static const TopicAnswer answers[] = {
  { KEFU_INQUIRY_TOPIC_PRODUCTS, "介绍了巴氏鲜奶和纯牛奶的区别,鲜奶需冷藏,保质期短" },
  { KEFU_INQUIRY_TOPIC_PRODUCTS, "推荐家中老人喝高钙奶或中老年奶粉" },
  { KEFU_INQUIRY_TOPIC_PRODUCTS, "说明儿童成长奶适合3岁以上儿童" },
  { KEFU_INQUIRY_TOPIC_PRODUCTS, "告知乳糖不耐受可以选择酸奶或低乳糖产品" },
  { KEFU_INQUIRY_TOPIC_PRICES, "问订奶价格:鲜牛奶950ml每瓶12.8元,月订打九折" },
  { KEFU_INQUIRY_TOPIC_PRICES, "告知250ml鲜奶入户价3.5元一瓶,按月结算" },
  { KEFU_INQUIRY_TOPIC_PRICES, "说明卖场和零售渠道按批发价供货,报价由销售代表提供" },
  { KEFU_INQUIRY_TOPIC_DELIVERY, "入户配送每天早上7点前送到,节假日照常" },
  { KEFU_INQUIRY_TOPIC_DELIVERY, "说明可以隔天送或只在工作日送" },
  { KEFU_INQUIRY_TOPIC_DELIVERY, "告知暂停送奶需提前一天来电" },
  { KEFU_INQUIRY_TOPIC_PAYMENT, "支持月结、微信和支付宝,也可以到奶站交现金" },
  { KEFU_INQUIRY_TOPIC_PAYMENT, "说明可以开具发票,单位订奶可以对公转账" },
  { KEFU_INQUIRY_TOPIC_PROMOTIONS, "本月新客户订奶满三个月送酸奶机一台" },
  { KEFU_INQUIRY_TOPIC_PROMOTIONS, "介绍了会员积分和老客户续订优惠" },
  { KEFU_INQUIRY_TOPIC_PROMOTIONS, "告知春节前有礼盒装促销" },
  { KEFU_INQUIRY_TOPIC_ADVANTAGES, "介绍自有牧场奶源,鲜奶挤出后24小时内送到家" },
  { KEFU_INQUIRY_TOPIC_ADVANTAGES, "说明全程冷链配送,每批产品都有检验报告" },
};

static const char *const intents[] = {
  "客户有意订购,约好明天回电确认",
  "客户想给家里老人订奶,请组长尽快联系",
  "客户想先试订一个月,留了电话",
  "单位想订员工早餐奶,请销售代表联系",
  "客户想订鲜奶,等商量好送奶时间再定",
};

void
kefuctl_calls_make_inquiry (KefuctlRandom *random,
                            KefuCall      *call,
                            gboolean       potential)
{
  static const guint n_topics_weights[] = { 55, 35, 10 };
  g_autoptr(KefuInquiry) inquiry = kefu_inquiry_new ();
  g_autoptr(GString) answer = g_string_new (NULL);
  KefuInquiryTopics topics = KEFU_INQUIRY_TOPIC_NONE;
  guint n = 1 + kefuctl_random_weighted (random, n_topics_weights, 3, 100);

  for (guint i = 0; i < n; i++)
    {
      const TopicAnswer *pick = &PICK (random, answers);

      if (topics & pick->topic)
        continue;
      topics |= pick->topic;
      if (answer->len > 0)
        g_string_append (answer, ";");
      g_string_append (answer, pick->answer);
    }
  if (potential)
    {
      g_string_append (answer, "。");
      g_string_append (answer, PICK (random, intents));
    }

  kefu_inquiry_set_topics (inquiry, topics);
  kefu_inquiry_set_answer (inquiry, answer->str);
  kefu_inquiry_set_potential_order (inquiry, potential);
  kefu_call_set_kind (call, KEFU_CALL_KIND_INQUIRY);
  kefu_call_set_inquiry (call, inquiry);
}

/* Leads and areas */

static const char *const drop_notes[] = {
  "客户考虑后暂不订购", "嫌价格高,暂不订", "电话多次未接通", "客户已在别家订奶",
  "家里人不同意,以后再说", "客户搬家了,暂不需要",
};

const char *
kefuctl_calls_drop_note (KefuctlRandom *random)
{
  return PICK (random, drop_notes);
}

static const char *const area_notes[] = {
  "已致电客户说明该地址不在配送范围,并致歉",
  "已电话告知客户暂不能配送,建议到附近超市购买,客户表示理解",
  "已通知客户并道歉,推荐了当地经销商的电话",
};

const char *
kefuctl_calls_area_note (KefuctlRandom *random)
{
  return PICK (random, area_notes);
}

typedef struct
{
  const char *prefix;    /* province and city, may be empty */
  const char *district;
  const char *places[3];
} FarDistrict;

static const FarDistrict far_districts[] = {
  { "北京市", "怀柔区", { "雁栖镇", "龙山街道", "泉河街道" } },
  { "北京市", "密云区", { "鼓楼街道", "果园街道", "溪翁庄镇" } },
  { "北京市", "延庆区", { "儒林街道", "百泉街道", "康庄镇" } },
  { "北京市", "平谷区", { "滨河街道", "兴谷街道", "马坊镇" } },
  { "河北省廊坊市", "三河市", { "燕郊镇", "燕郊镇", "泃阳镇" } },
  { "天津市", "武清区", { "杨村街道", "下朱庄街道", "黄庄街道" } },
};

const char *
kefuctl_calls_far_address (KefuctlRandom *random,
                           GString       *out)
{
  const FarDistrict *far = &PICK (random, far_districts);

  g_string_append_printf (out, "%s%s%s%u号院%u号楼%u单元%u室", far->prefix, far->district,
                          far->places[kefuctl_random_below (random, 3)],
                          1 + kefuctl_random_below (random, 40),
                          1 + kefuctl_random_below (random, 20),
                          1 + kefuctl_random_below (random, 4),
                          100 * (1 + kefuctl_random_below (random, 18)) +
                          1 + kefuctl_random_below (random, 4));
  return far->district;
}
