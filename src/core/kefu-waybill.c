/* kefu-waybill.c: waybill number forms of the common carriers (see the header).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-waybill"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kefu-waybill.h"

G_DEFINE_QUARK (kefu-waybill-error-quark, kefu_waybill_error)

/* One form a carrier's numbers take: a prefix of letters, then digits (a count between min and
 * max), or (alnum) letters and digits. */
typedef struct
{
  const char *prefix;
  guint       min;
  guint       max;
  gboolean    alnum;
} Form;

typedef struct
{
  KefuCarrierKind kind;
  const char     *name;        /* the carrier's name as on its slips */
  const char     *described;   /* its forms, for the error message */
  Form            forms[3];
} Carrier;

static const Carrier carriers[] = {
  { KEFU_CARRIER_SF, N_("SF Express (顺丰)"),
    N_("SF followed by 12 or 13 digits, or 12 digits"),
    { { "SF", 12, 13, FALSE }, { "", 12, 12, FALSE } } },
  { KEFU_CARRIER_ZTO, N_("ZTO Express (中通)"), N_("12 to 15 digits"),
    { { "", 12, 15, FALSE } } },
  { KEFU_CARRIER_YTO, N_("YTO Express (圆通)"), N_("YT followed by 12 or 13 digits"),
    { { "YT", 12, 13, FALSE } } },
  { KEFU_CARRIER_YUNDA, N_("Yunda Express (韵达)"), N_("13 or 15 digits"),
    { { "", 13, 13, FALSE }, { "", 15, 15, FALSE } } },
  { KEFU_CARRIER_STO, N_("STO Express (申通)"), N_("12 to 15 digits"),
    { { "", 12, 15, FALSE } } },
  { KEFU_CARRIER_EMS, N_("EMS"),
    N_("two letters, nine digits and CN (e.g. EA123456785CN), or 13 digits"),
    { { "", 13, 13, FALSE } } },
  { KEFU_CARRIER_JD, N_("JD Logistics (京东物流)"), N_("JD followed by 11 to 16 letters and digits"),
    { { "JD", 11, 16, TRUE } } },
  { KEFU_CARRIER_DEPPON, N_("Deppon Express (德邦)"), N_("DPK followed by 12 digits, or 8 to 10 digits"),
    { { "DPK", 12, 12, FALSE }, { "", 8, 10, FALSE } } },
};

char *
kefu_waybill_normalize (const char *text)
{
  GString *normal;

  if (text == NULL)
    return NULL;

  normal = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p++)
    if (*p != ' ' && *p != '-' && *p != '\t')
      g_string_append_c (normal, g_ascii_toupper (*p));
  return g_string_free_and_steal (normal);
}

static gboolean
all_digits (const char *text,
            gboolean    alnum)
{
  for (const char *p = text; *p != '\0'; p++)
    if (!(alnum ? g_ascii_isalnum (*p) : g_ascii_isdigit (*p)))
      return FALSE;
  return TRUE;
}

static gboolean
fits (const Form *form,
      const char *number)
{
  size_t prefix = strlen (form->prefix);
  size_t rest;

  if (strncmp (number, form->prefix, prefix) != 0)
    return FALSE;
  rest = strlen (number) - prefix;
  return rest >= form->min && rest <= form->max && all_digits (number + prefix, form->alnum);
}

/* The UPU S10 form (EA123456785CN): its check digit from the eight before it, weighted
 * 8 6 4 2 3 5 9 7; 11 - sum mod 11, where 10 is 0 and 11 is 5. Returns -1 when `number` is not
 * of the form, else whether the digit matches (0 or 1). */
static int
s10_check (const char *number)
{
  static const int weights[8] = { 8, 6, 4, 2, 3, 5, 9, 7 };
  int sum = 0;
  int check;

  if (strlen (number) != 13 || !g_ascii_isalpha (number[0]) || !g_ascii_isalpha (number[1]) ||
      !g_ascii_isalpha (number[11]) || !g_ascii_isalpha (number[12]))
    return -1;
  for (int i = 2; i < 11; i++)
    if (!g_ascii_isdigit (number[i]))
      return -1;

  for (int i = 0; i < 8; i++)
    sum += (number[2 + i] - '0') * weights[i];
  check = 11 - sum % 11;
  if (check == 10)
    check = 0;
  else if (check == 11)
    check = 5;
  return check == number[10] - '0';
}

gboolean
kefu_waybill_check (KefuCarrierKind   carrier,
                    const char       *text,
                    GError          **error)
{
  g_autofree char *number = kefu_waybill_normalize (text);
  const Carrier *known = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (number == NULL || number[0] == '\0')
    {
      g_set_error_literal (error, KEFU_WAYBILL_ERROR, KEFU_WAYBILL_ERROR_EMPTY,
                           _("Enter the waybill number from the parcel slip."));
      return FALSE;
    }
  if (!all_digits (number, TRUE))
    {
      g_set_error_literal (error, KEFU_WAYBILL_ERROR, KEFU_WAYBILL_ERROR_CHARACTERS,
                           _("A waybill number has only letters and digits (spaces and hyphens "
                             "are left out). Check the number on the parcel slip."));
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (carriers) && known == NULL; i++)
    if (carriers[i].kind == carrier)
      known = &carriers[i];

  if (known == NULL)
    {
      size_t length = strlen (number);

      if (length >= 6 && length <= 32)
        return TRUE;
      g_set_error_literal (error, KEFU_WAYBILL_ERROR, KEFU_WAYBILL_ERROR_FORM,
                           _("A waybill number has 6 to 32 letters and digits. Check the number "
                             "on the parcel slip."));
      return FALSE;
    }

  if (carrier == KEFU_CARRIER_EMS)
    {
      int s10 = s10_check (number);

      if (s10 == 1)
        return TRUE;
      if (s10 == 0)
        {
          g_set_error (error, KEFU_WAYBILL_ERROR, KEFU_WAYBILL_ERROR_CHECK_DIGIT,
                       /* Translators: %s is the waybill number as typed, normalised. */
                       _("The check digit of the EMS number %s does not match: a digit is "
                         "probably mistyped. Check the number on the parcel slip."), number);
          return FALSE;
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (known->forms) && known->forms[i].prefix != NULL; i++)
    if (fits (&known->forms[i], number))
      return TRUE;

  g_set_error (error, KEFU_WAYBILL_ERROR, KEFU_WAYBILL_ERROR_FORM,
               /* Translators: "This is not a waybill number of SF Express (顺丰): their numbers
                * are SF followed by 12 or 13 digits, or 12 digits. …" */
               _("This is not a waybill number of %s: their numbers are %s. Check the number and "
                 "the carrier on the parcel slip."),
               _(known->name), _(known->described));
  return FALSE;
}

char *
kefu_waybill_tracking_uri (const char *uri_template,
                           const char *waybill)
{
  g_autofree char *number = NULL;
  g_autofree char *escaped = NULL;
  const char *at;
  GString *uri;

  g_return_val_if_fail (uri_template != NULL, NULL);
  g_return_val_if_fail (waybill != NULL, NULL);

  at = strstr (uri_template, "{waybill}");
  if (at == NULL)
    return NULL;

  number = kefu_waybill_normalize (waybill);
  escaped = g_uri_escape_string (number, NULL, FALSE);
  uri = g_string_new_len (uri_template, at - uri_template);
  g_string_append (uri, escaped);
  g_string_append (uri, at + strlen ("{waybill}"));
  return g_string_free_and_steal (uri);
}
