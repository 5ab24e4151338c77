/* kefu-address.c: the district (区/县/县级市/旗) of a Chinese address, which decides whether an
 * order is in the service area.
 *
 * An address names its units from the largest down: province (省/自治区, or one of the four
 * municipalities 北京/上海/天津/重庆, whose next unit is already the district), prefecture (市,
 * 地区, 自治州, 盟), then district, then town, street and number. People leave out any of the
 * upper units and their suffixes ("上海浦东新区…", "廊坊三河市…"), so the guess strips what it
 * recognises and takes the first unit that ends like a district. It is only a pre-fill: the
 * clerk sees the district and can correct it.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-call-rules"

#include "config.h"

#include <string.h>

#include "kefu-call-rules.h"
#include "kefu-text.h"

/* The province-level divisions by their short names; a name may be followed by one of
 * `province_suffixes`. */
static const char * const provinces[] = {
  "北京", "上海", "天津", "重庆",
  "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建", "江西",
  "山东", "河南", "湖北", "湖南", "广东", "广西", "海南", "四川", "贵州", "云南", "西藏",
  "陕西", "甘肃", "青海", "宁夏", "新疆", "台湾", "香港", "澳门",
};

/* Longest first, so that "壮族自治区" wins over "自治区". */
static const char * const province_suffixes[] = {
  "维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "省", "市",
};

typedef enum
{
  UNIT_NONE,
  UNIT_PREFECTURE,
  UNIT_DISTRICT,
} UnitKind;

/* Longest first within each kind. A county-level city ends in 市 like a prefecture; which one
 * it is depends on its place in the address (see guess_district()). */
static const struct { const char *suffix; UnitKind kind; } unit_suffixes[] = {
  { "自治州", UNIT_PREFECTURE },
  { "地区", UNIT_PREFECTURE },
  { "盟", UNIT_PREFECTURE },
  { "市", UNIT_PREFECTURE },
  { "区", UNIT_DISTRICT },
  { "县", UNIT_DISTRICT },
  { "旗", UNIT_DISTRICT },
};

/* Characters of street names, never inside a district's name. */
static const char street_characters[] = "路街巷弄号";

static gboolean
set_has_char (const char *set,
             gunichar    c)
{
  for (const char *p = set; *p != '\0'; p = g_utf8_next_char (p))
    if (g_utf8_get_char (p) == c)
      return TRUE;
  return FALSE;
}

/* The longest district names have about 15 characters (双江拉祜族佤族布朗族傣族自治县). */
#define UNIT_MAX_CHARS 16

static const char *
skip_prefix (const char *text,
             const char *prefix)
{
  gsize len = strlen (prefix);

  return strncmp (text, prefix, len) == 0 ? text + len : NULL;
}

static const char *
skip_province (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (provinces); i++)
    {
      const char *rest = skip_prefix (text, provinces[i]);

      if (rest == NULL)
        continue;
      for (guint j = 0; j < G_N_ELEMENTS (province_suffixes); j++)
        {
          const char *after_suffix = skip_prefix (rest, province_suffixes[j]);

          if (after_suffix != NULL)
            return after_suffix;
        }
      return rest;
    }
  return text;
}

/* The first administrative unit at the start of `text`: a run of two or more Chinese characters
 * that ends with a unit suffix. Digits, letters and punctuation end the search, since they only
 * come with streets and numbers. Returns its kind and sets `end` after it. */
static UnitKind
first_unit (const char  *text,
            const char **end)
{
  guint n_chars = 0;

  for (const char *p = text; *p != '\0' && n_chars < UNIT_MAX_CHARS; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);

      if (g_unichar_get_script (c) != G_UNICODE_SCRIPT_HAN)
        return UNIT_NONE;
      /* Streets end the search too ("南京东路…"), except as a first character (路桥区). */
      if (n_chars > 0 && set_has_char (street_characters, c))
        return UNIT_NONE;
      n_chars++;
      if (n_chars < 2)
        continue;

      for (guint i = 0; i < G_N_ELEMENTS (unit_suffixes); i++)
        {
          gsize len = strlen (unit_suffixes[i].suffix);

          /* The suffix ends at `next`: compare the bytes just before it. */
          if ((gsize) (next - text) >= len && memcmp (next - len, unit_suffixes[i].suffix, len) == 0)
            {
              *end = next;
              return unit_suffixes[i].kind;
            }
        }
    }
  return UNIT_NONE;
}

/**
 * kefu_address_guess_district:
 *
 * Returns: (transfer full) (nullable): the district, e.g. "朝阳区", or NULL when the address
 *   names none
 */
char *
kefu_address_guess_district (const char *address)
{
  g_autofree char *folded = NULL;
  g_autoptr(GString) compact = NULL;
  const char *p;
  const char *end = NULL;
  const char *prefecture = NULL;
  gsize prefecture_len = 0;
  UnitKind kind;

  if (address == NULL)
    return NULL;
  folded = kefu_text_fold_width (address);
  if (folded == NULL)
    return NULL;

  /* Spaces between the units ("北京市 朝阳区") do not matter. */
  compact = g_string_new (NULL);
  for (p = folded; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (compact, *p);

  p = compact->str;
  if (skip_prefix (p, "中国") != NULL)
    p += strlen ("中国");
  p = skip_province (p);

  kind = first_unit (p, &end);
  if (kind == UNIT_PREFECTURE)
    {
      /* A 市 followed by a district is a prefecture ("廊坊市三河市", "深圳市南山区"); one
       * followed by a street is itself the district, or the nearest thing to it the address
       * gives ("三河市燕郊镇", "深圳市科技园路"). */
      prefecture = p;
      prefecture_len = end - p;
      p = end;
      kind = first_unit (p, &end);
    }

  if (kind != UNIT_NONE)
    return g_strndup (p, end - p);
  if (prefecture != NULL)
    return g_strndup (prefecture, prefecture_len);
  return NULL;
}
