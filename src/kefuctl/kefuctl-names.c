/* kefuctl-names.c: the name, address and phone-number material of kefuctl's sample data.
 *
 * The strings here are sample data in Chinese by design (a Chinese hotline's customers), not
 * user interface, so they are not translatable.
 */
#define G_LOG_DOMAIN "kefu-ctl"

#include "config.h"

#include <stdio.h>

#include "kefuctl-names.h"

typedef struct
{
  const char *text;
  guint       weight;
} Weighted;

/* Surnames with their approximate share per ten thousand people (national statistics of the
 * most common surnames), so that a million generated customers have the familiar mix: about one
 * in fourteen is a 王, and compound surnames are rare. */
static const Weighted surnames[] = {
  { "王", 747 }, { "李", 720 }, { "张", 680 }, { "刘", 538 }, { "陈", 461 }, { "杨", 320 },
  { "黄", 226 }, { "赵", 219 }, { "吴", 208 }, { "周", 195 }, { "徐", 165 }, { "孙", 154 },
  { "马", 150 }, { "朱", 133 }, { "胡", 130 }, { "郭", 120 }, { "何", 110 }, { "林", 107 },
  { "高", 100 }, { "罗", 97 }, { "郑", 88 }, { "梁", 85 }, { "谢", 70 }, { "宋", 65 },
  { "唐", 63 }, { "许", 58 }, { "韩", 56 }, { "冯", 55 }, { "邓", 54 }, { "曹", 53 },
  { "彭", 51 }, { "曾", 51 }, { "肖", 50 }, { "田", 49 }, { "董", 48 }, { "袁", 47 },
  { "潘", 46 }, { "于", 45 }, { "蒋", 44 }, { "蔡", 43 }, { "余", 42 }, { "杜", 41 },
  { "叶", 40 }, { "程", 39 }, { "苏", 38 }, { "魏", 37 }, { "吕", 36 }, { "丁", 35 },
  { "任", 34 }, { "沈", 33 }, { "姚", 32 }, { "卢", 31 }, { "姜", 30 }, { "崔", 29 },
  { "钟", 28 }, { "谭", 27 }, { "陆", 26 }, { "汪", 25 }, { "范", 24 }, { "金", 23 },
  { "石", 22 }, { "廖", 21 }, { "贾", 21 }, { "夏", 20 }, { "韦", 20 }, { "付", 19 },
  { "方", 19 }, { "白", 18 }, { "邹", 18 }, { "孟", 17 }, { "熊", 17 }, { "秦", 16 },
  { "邱", 16 }, { "江", 15 }, { "尹", 15 }, { "薛", 14 }, { "闫", 14 }, { "段", 13 },
  { "雷", 13 }, { "侯", 12 }, { "龙", 12 }, { "史", 11 }, { "陶", 11 }, { "黎", 10 },
  { "贺", 10 }, { "顾", 10 }, { "毛", 10 }, { "郝", 9 }, { "龚", 9 }, { "邵", 9 },
  { "万", 9 }, { "钱", 8 }, { "严", 8 }, { "武", 8 }, { "戴", 8 }, { "孔", 7 },
  { "汤", 7 }, { "欧阳", 2 }, { "司马", 1 }, { "诸葛", 1 }, { "上官", 1 },
};

static const char *const male_chars[] = {
  "伟", "强", "磊", "军", "勇", "杰", "涛", "明", "超", "刚", "平", "辉", "鹏", "华", "飞",
  "鑫", "波", "斌", "宇", "浩", "凯", "健", "俊", "帆", "旭", "宁", "龙", "林", "阳", "建",
  "国", "志", "文", "海", "峰", "亮", "成", "东", "兵", "德", "福", "胜", "振", "永", "晨",
  "博", "子", "轩", "泽", "宏", "家", "嘉", "天", "松", "庆", "春", "立", "新", "金", "长",
};

static const char *const female_chars[] = {
  "芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "秀", "燕", "玲", "桂", "英", "婷", "雪",
  "慧", "红", "梅", "琳", "颖", "晶", "倩", "洁", "萍", "兰", "莉", "欣", "怡", "佳", "悦",
  "丹", "璐", "雯", "蕾", "薇", "琪", "萱", "涵", "思", "雨", "彤", "月", "晓", "美", "玉",
  "凤", "春", "华", "淑", "珍",
};

typedef struct
{
  const char        *name;
  guint              weight;   /* resident population, ten thousands */
  const char *const *streets;  /* NULL-terminated */
} District;

static const char *const dongcheng[] = {
  "东华门街道", "景山街道", "交道口街道", "安定门街道", "北新桥街道", "东四街道", "朝阳门街道",
  "建国门街道", "东直门街道", "和平里街道", "前门街道", "崇文门外街道", "天坛街道",
  "永定门外街道", "龙潭街道", "体育馆路街道", NULL,
};
static const char *const xicheng[] = {
  "西长安街街道", "新街口街道", "月坛街道", "展览路街道", "德胜街道", "金融街街道",
  "什刹海街道", "大栅栏街道", "天桥街道", "椿树街道", "陶然亭街道", "广安门内街道", "牛街街道",
  "白纸坊街道", "广安门外街道", NULL,
};
static const char *const chaoyang[] = {
  "建外街道", "朝外街道", "呼家楼街道", "三里屯街道", "左家庄街道", "香河园街道", "和平街街道",
  "安贞街道", "亚运村街道", "小关街道", "酒仙桥街道", "麦子店街道", "团结湖街道", "六里屯街道",
  "八里庄街道", "双井街道", "劲松街道", "潘家园街道", "垡头街道", "望京街道", NULL,
};
static const char *const haidian[] = {
  "万寿路街道", "永定路街道", "羊坊店街道", "甘家口街道", "紫竹院街道", "北下关街道",
  "北太平庄街道", "学院路街道", "中关村街道", "海淀街道", "青龙桥街道", "清华园街道",
  "香山街道", "清河街道", "花园路街道", "西三旗街道", "马连洼街道", "田村路街道", "上地街道",
  NULL,
};
static const char *const fengtai[] = {
  "右安门街道", "太平桥街道", "西罗园街道", "大红门街道", "南苑街道", "东高地街道",
  "东铁匠营街道", "六里桥街道", "丰台街道", "新村街道", "长辛店街道", "云岗街道", "方庄街道",
  "宛平街道", "马家堡街道", "和义街道", "卢沟桥街道", "花乡街道", NULL,
};
static const char *const shijingshan[] = {
  "八宝山街道", "老山街道", "八角街道", "古城街道", "苹果园街道", "金顶街街道", "广宁街道",
  "五里坨街道", "鲁谷街道", NULL,
};
static const char *const tongzhou[] = {
  "中仓街道", "新华街道", "北苑街道", "玉桥街道", "潞源街道", "通运街道", "文景街道",
  "九棵树街道", "临河里街道", "杨庄街道", "潞邑街道", "永顺镇", "梨园镇", "宋庄镇", NULL,
};
static const char *const shunyi[] = {
  "胜利街道", "光明街道", "石园街道", "空港街道", "双丰街道", "旺泉街道", "仁和镇",
  "后沙峪镇", NULL,
};
static const char *const changping[] = {
  "城北街道", "城南街道", "回龙观街道", "龙泽园街道", "史各庄街道", "天通苑北街道",
  "天通苑南街道", "霍营街道", "东小口镇", "北七家镇", "沙河镇", NULL,
};
static const char *const daxing[] = {
  "兴丰街道", "林校路街道", "清源街道", "观音寺街道", "天宫院街道", "高米店街道", "荣华街道",
  "博兴街道", "旧宫镇", "西红门镇", "黄村镇", "亦庄镇", NULL,
};
static const char *const fangshan[] = {
  "城关街道", "新镇街道", "向阳街道", "东风街道", "迎风街道", "星城街道", "拱辰街道",
  "西潞街道", "长阳镇", "良乡镇", "阎村镇", NULL,
};

static const District districts[] = {
  { "朝阳区", 345, chaoyang },
  { "海淀区", 313, haidian },
  { "昌平区", 227, changping },
  { "丰台区", 202, fengtai },
  { "大兴区", 199, daxing },
  { "通州区", 184, tongzhou },
  { "顺义区", 132, shunyi },
  { "房山区", 131, fangshan },
  { "西城区", 110, xicheng },
  { "东城区", 71, dongcheng },
  { "石景山区", 57, shijingshan },
};

static const char *const compound_names[] = {
  "阳光", "金色", "华润", "万科", "幸福", "和平", "富力", "远洋", "锦绣", "翠微", "枫林",
  "碧水", "紫金", "龙湖", "世纪", "华清", "康城", "丽景", "玉泉", "芳园", "望春", "北辰",
  "融泽", "天恒", "首开", "金隅", "珠江", "保利", "中海", "恒大", "西山", "东方", "长城",
  "明珠", "绿景", "香榭", "嘉和", "安华", "育新", "建欣",
};

static const char *const compound_kinds[] = {
  "花园", "家园", "小区", "嘉园", "新城", "公寓", "苑", "里", "雅苑", "名苑", "佳园", "北里",
  "南里", "西区", "东区",
};

/* Mobile operator prefixes, the most common first: an index's top part picks one of the first
 * 43, whose 100,000,000 numbers each cover 2^32 indexes. */
static const char *const mobile_prefixes[] = {
  "138", "139", "137", "136", "135", "134", "159", "158", "157", "150", "151", "152", "188",
  "187", "182", "183", "184", "147", "178", "130", "131", "132", "155", "156", "185", "186",
  "145", "176", "133", "153", "180", "181", "189", "177", "173", "199", "198", "191", "166",
  "175", "195", "196", "193",
};

/* The permutations' keys are fixed, not seeded: a number's index alone decides it, so that
 * callers can give different runs disjoint ranges of indexes. */
#define MOBILE_KEY   G_GUINT64_CONSTANT (0x6b65667563746c31)
#define LANDLINE_KEY G_GUINT64_CONSTANT (0x6b65667563746c32)

static guint surname_total;
static guint district_total;

static void
ensure_totals (void)
{
  if (surname_total != 0)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (surnames); i++)
    surname_total += surnames[i].weight;
  for (guint i = 0; i < G_N_ELEMENTS (districts); i++)
    district_total += districts[i].weight;
}

static guint
pick_weighted (KefuctlRandom  *random,
               const Weighted *items,
               guint           n,
               guint           total)
{
  guint pick = kefuctl_random_below (random, total);

  for (guint i = 0; i < n; i++)
    {
      if (pick < items[i].weight)
        return i;
      pick -= items[i].weight;
    }

  g_assert_not_reached ();
  return 0;
}

static guint
strv_length (const char *const *strv)
{
  guint n = 0;

  while (strv[n] != NULL)
    n++;
  return n;
}

void
kefuctl_names_person (KefuctlRandom *random,
                      GString       *out)
{
  gboolean female;
  const char *const *chars;
  guint n_chars;
  guint first, second;

  g_assert (random != NULL && out != NULL);

  ensure_totals ();

  g_string_append (out, surnames[pick_weighted (random, surnames, G_N_ELEMENTS (surnames),
                                                surname_total)].text);

  female = kefuctl_random_below (random, 2) == 0;
  chars = female ? female_chars : male_chars;
  n_chars = female ? G_N_ELEMENTS (female_chars) : G_N_ELEMENTS (male_chars);

  first = kefuctl_random_below (random, n_chars);
  g_string_append (out, chars[first]);

  /* About three in four given names have two characters. A doubled character (婷婷) is common
   * for women and rare for men, so men's doubles are drawn again. */
  if (kefuctl_random_permille (random, 750))
    {
      second = kefuctl_random_below (random, n_chars);
      if (second == first && !female)
        second = (second + 1 + kefuctl_random_below (random, n_chars - 1)) % n_chars;
      g_string_append (out, chars[second]);
    }
}

const char *
kefuctl_names_address (KefuctlRandom *random,
                       GString       *out)
{
  const District *district;
  guint n_streets;
  guint building, unit, floor, room;

  g_assert (random != NULL && out != NULL);

  ensure_totals ();

  {
    guint pick = kefuctl_random_below (random, district_total);
    guint i = 0;

    while (pick >= districts[i].weight)
      pick -= districts[i++].weight;
    district = &districts[i];
  }

  n_streets = strv_length (district->streets);

  building = 1 + kefuctl_random_below (random, 28);
  unit = 1 + kefuctl_random_below (random, 6);
  floor = 1 + kefuctl_random_below (random, 24);
  room = 1 + kefuctl_random_below (random, 4);

  g_string_append (out, KEFUCTL_NAMES_CITY);
  g_string_append (out, district->name);
  g_string_append (out, district->streets[kefuctl_random_below (random, n_streets)]);
  g_string_append (out, compound_names[kefuctl_random_below (random,
                                                             G_N_ELEMENTS (compound_names))]);
  g_string_append (out, compound_kinds[kefuctl_random_below (random,
                                                             G_N_ELEMENTS (compound_kinds))]);
  g_string_append_printf (out, "%u号楼%u单元%u%02u室", building, unit, floor, room);

  return district->name;
}

void
kefuctl_names_mobile (guint64  index,
                      char    *out)
{
  guint32 value;

  g_assert (index < KEFUCTL_NAMES_N_MOBILES);
  G_STATIC_ASSERT (G_N_ELEMENTS (mobile_prefixes) * G_GUINT64_CONSTANT (100000000) >=
                   (G_GUINT64_CONSTANT (1) << 32));

  value = kefuctl_permute ((guint32) index, 32, MOBILE_KEY);
  snprintf (out, 16, "%s%08u", mobile_prefixes[value / 100000000u], value % 100000000u);
}

void
kefuctl_names_landline (guint64  index,
                        char    *out)
{
  guint32 value;

  g_assert (index < KEFUCTL_NAMES_N_LANDLINES);

  /* Beijing local numbers have eight digits and never start with 0 or 1; 2^26 fits between
   * 20000000 and 99999999. */
  value = kefuctl_permute ((guint32) index, 26, LANDLINE_KEY);
  snprintf (out, 16, "010%08u", 20000000u + value);
}
