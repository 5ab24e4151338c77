/* test-waybill.c: the waybill forms of the common carriers.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "kefu-waybill.h"

typedef struct
{
  KefuCarrierKind carrier;
  const char     *number;
  int             error;   /* -1: valid */
} Case;

static const Case cases[] = {
  { KEFU_CARRIER_SF, "SF1234567890123", -1 },
  { KEFU_CARRIER_SF, "sf 1234-5678-9012", -1 },
  { KEFU_CARRIER_SF, "123456789012", -1 },
  { KEFU_CARRIER_SF, "SF12345678901", KEFU_WAYBILL_ERROR_FORM },
  { KEFU_CARRIER_SF, "YT1234567890123", KEFU_WAYBILL_ERROR_FORM },
  { KEFU_CARRIER_ZTO, "773012345678", -1 },
  { KEFU_CARRIER_ZTO, "7730123456789012", KEFU_WAYBILL_ERROR_FORM },
  { KEFU_CARRIER_YTO, "YT1234567890123", -1 },
  { KEFU_CARRIER_YTO, "1234567890123", KEFU_WAYBILL_ERROR_FORM },
  { KEFU_CARRIER_YUNDA, "4312345678901", -1 },
  { KEFU_CARRIER_YUNDA, "431234567890123", -1 },
  { KEFU_CARRIER_YUNDA, "43123456789012", KEFU_WAYBILL_ERROR_FORM },
  { KEFU_CARRIER_STO, "668012345678", -1 },
  { KEFU_CARRIER_EMS, "EA123456785CN", -1 },
  { KEFU_CARRIER_EMS, "ea 123 456 785 cn", -1 },
  { KEFU_CARRIER_EMS, "EA123456786CN", KEFU_WAYBILL_ERROR_CHECK_DIGIT },
  { KEFU_CARRIER_EMS, "1123456789012", -1 },
  { KEFU_CARRIER_EMS, "EA12345678CN", KEFU_WAYBILL_ERROR_FORM },
  { KEFU_CARRIER_JD, "JDVA12345678901", -1 },
  { KEFU_CARRIER_JD, "JD123", KEFU_WAYBILL_ERROR_FORM },
  { KEFU_CARRIER_DEPPON, "DPK123456789012", -1 },
  { KEFU_CARRIER_DEPPON, "123456789", -1 },
  { KEFU_CARRIER_DEPPON, "DPK12345", KEFU_WAYBILL_ERROR_FORM },
  { KEFU_CARRIER_OTHER, "AB12CD34", -1 },
  { KEFU_CARRIER_OTHER, "AB12", KEFU_WAYBILL_ERROR_FORM },
  { KEFU_CARRIER_OTHER, "", KEFU_WAYBILL_ERROR_EMPTY },
  { KEFU_CARRIER_SF, "  - ", KEFU_WAYBILL_ERROR_EMPTY },
  { KEFU_CARRIER_SF, "SF1234567890/23", KEFU_WAYBILL_ERROR_CHARACTERS },
  { KEFU_CARRIER_OTHER, "单号123456", KEFU_WAYBILL_ERROR_CHARACTERS },
};

static void
test_forms (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean valid = kefu_waybill_check (cases[i].carrier, cases[i].number, &error);

      g_test_message ("%u: %s", i, cases[i].number);
      if (cases[i].error < 0)
        {
          g_assert_no_error (error);
          g_assert_true (valid);
        }
      else
        {
          g_assert_false (valid);
          g_assert_error (error, KEFU_WAYBILL_ERROR, cases[i].error);
          g_assert_nonnull (error->message);
        }
    }
}

static void
test_message_names_the_form (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (kefu_waybill_check (KEFU_CARRIER_YTO, "12345", &error));
  g_assert_nonnull (strstr (error->message, "YT followed by 12 or 13 digits"));
}

static void
test_tracking_uri (void)
{
  g_autofree char *uri = kefu_waybill_tracking_uri ("https://www.sf-express.com/track?no={waybill}&l=zh",
                                                    "sf 1234 5678 9012 3");
  g_autofree char *none = kefu_waybill_tracking_uri ("https://example.com/track", "SF1");
  g_autofree char *normal = kefu_waybill_normalize (" ea-123 cn ");

  g_assert_cmpstr (uri, ==, "https://www.sf-express.com/track?no=SF1234567890123&l=zh");
  g_assert_null (none);
  g_assert_cmpstr (normal, ==, "EA123CN");
  g_assert_null (kefu_waybill_normalize (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kefu/waybill/forms", test_forms);
  g_test_add_func ("/kefu/waybill/message-names-the-form", test_message_names_the_form);
  g_test_add_func ("/kefu/waybill/tracking-uri", test_tracking_uri);
  return g_test_run ();
}
