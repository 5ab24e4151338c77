/* kefuctl-names.h: Chinese names, addresses and phone numbers for kefuctl's sample data.
 *
 * The material is a dairy's home-delivery area in Beijing: surnames weighted by how common they
 * are in China, given names from the characters parents actually choose, districts weighted by
 * population, real sub-district (街道) names, and made-up residential compounds (小区). Every
 * choice comes from a KefuctlRandom, so the same seed always writes the same people.
 */
#pragma once

#include <glib.h>

#include "kefuctl-random.h"

G_BEGIN_DECLS

/* The city every sample address is in. */
#define KEFUCTL_NAMES_CITY "北京市"

/* Appends a plausible full name ("王建国", "李娜", now and then "欧阳明"). */
void        kefuctl_names_person       (KefuctlRandom *random,
                                        GString       *out);
/* Appends a full address (城市 区 街道 小区 楼号 单元 室) and returns its district ("朝阳区"),
 * a static string. */
const char *kefuctl_names_address      (KefuctlRandom *random,
                                        GString       *out);

/* Phone numbers are a bijection of an index, so distinct indexes give distinct numbers and
 * nobody has to remember which numbers are taken. Mobiles: any index below 2^32 (4.29 billion
 * numbers over 43 operator prefixes); landlines in Beijing (010 + 8 digits): below 2^26. */
#define KEFUCTL_NAMES_N_MOBILES   (G_GUINT64_CONSTANT (1) << 32)
#define KEFUCTL_NAMES_N_LANDLINES (G_GUINT64_CONSTANT (1) << 26)

/* Index regions, so that separate runs never draw the same numbers: `generate --seed S` takes
 * region S mod 511 (a run of more than 2^23 customers spills into the next ones), `demo` takes
 * region 511. */
#define KEFUCTL_NAMES_N_REGIONS          512
#define KEFUCTL_NAMES_DEMO_REGION        511
#define KEFUCTL_NAMES_MOBILE_REGION_SIZE   (KEFUCTL_NAMES_N_MOBILES / KEFUCTL_NAMES_N_REGIONS)
#define KEFUCTL_NAMES_LANDLINE_REGION_SIZE (KEFUCTL_NAMES_N_LANDLINES / KEFUCTL_NAMES_N_REGIONS)

/* Writes the normalised number ("13812345678", "01065432109") into `out` (at least 16 bytes). */
void        kefuctl_names_mobile       (guint64        index,
                                        char          *out);
void        kefuctl_names_landline     (guint64        index,
                                        char          *out);

G_END_DECLS
