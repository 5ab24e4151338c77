/* kefu-callback-script.c: the callback script's placeholders ({customer}, {company}, {clerk},
 * {service}, {date}): filling them in for the clerk, and naming the ones a manager typed that
 * Kefu does not know.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-callback-rules"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kefu-callback-rules.h"

typedef enum
{
  PLACEHOLDER_CUSTOMER,
  PLACEHOLDER_COMPANY,
  PLACEHOLDER_CLERK,
  PLACEHOLDER_SERVICE,
  PLACEHOLDER_DATE,
  N_PLACEHOLDERS,
} Placeholder;

static const char * const placeholder_names[N_PLACEHOLDERS] = {
  "customer", "company", "clerk", "service", "date",
};

/* The placeholder that starts at `text` ("{name}"): its name's length in `name_len` and the
 * whole's in `len`; FALSE when `text` starts no placeholder (a lone brace is plain text). */
static gboolean
scan_placeholder (const char *text,
                  gsize      *name_len,
                  gsize      *len)
{
  const char *end;

  if (text[0] != '{')
    return FALSE;
  end = strpbrk (text + 1, "{}\n");
  if (end == NULL || *end != '}' || end == text + 1)
    return FALSE;
  *name_len = (gsize) (end - text - 1);
  *len = *name_len + 2;
  return TRUE;
}

static int
find_placeholder (const char *name,
                  gsize       name_len)
{
  for (int i = 0; i < N_PLACEHOLDERS; i++)
    if (strlen (placeholder_names[i]) == name_len &&
        strncmp (placeholder_names[i], name, name_len) == 0)
      return i;
  return -1;
}

/* "11月24日" / "Nov 24": the service's day as a clerk says it. */
static char *
format_date (const GDate *date)
{
  g_autoptr(GDateTime) time = NULL;

  if (date == NULL || !g_date_valid (date))
    return g_strdup ("");
  time = g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date),
                              g_date_get_day (date), 0, 0, 0);
  /* TRANSLATORS: a day in the callback script, for g_date_time_format (): month and day
   * without the year ("Nov 24"; in Chinese "%-m月%-d日"). */
  /* xgettext:no-c-format */
  return g_date_time_format (time, C_("script date", "%b %-d"));
}

/**
 * kefu_callback_script_fill:
 *
 * Returns: (transfer full): the filled text
 */
char *
kefu_callback_script_fill (const char  *template_text,
                           const char  *customer,
                           const char  *company,
                           const char  *clerk,
                           const char  *service,
                           const GDate *date)
{
  g_autofree char *date_text = format_date (date);
  const char *values[N_PLACEHOLDERS] = { customer, company, clerk, service, date_text };
  GString *text;

  g_return_val_if_fail (template_text != NULL, NULL);

  text = g_string_sized_new (strlen (template_text) + 64);
  for (const char *p = template_text; *p != '\0'; )
    {
      gsize name_len;
      gsize len;
      int which;

      if (!scan_placeholder (p, &name_len, &len) ||
          (which = find_placeholder (p + 1, name_len)) < 0)
        {
          /* Plain text and unknown placeholders are kept as they are. */
          g_string_append_c (text, *p);
          p++;
          continue;
        }
      if (values[which] != NULL)
        g_string_append (text, values[which]);
      p += len;
    }

  return g_string_free (text, FALSE);
}

/**
 * kefu_callback_script_unknown_placeholders:
 *
 * Returns: (transfer full) (nullable): the unknown names, each once, in order of appearance
 */
GStrv
kefu_callback_script_unknown_placeholders (const char *template_text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = 0;

  for (const char *p = template_text; p != NULL && *p != '\0'; p++)
    {
      gsize name_len;
      gsize len;
      char *name;

      if (!scan_placeholder (p, &name_len, &len) || find_placeholder (p + 1, name_len) >= 0)
        continue;
      name = g_strndup (p + 1, name_len);
      if (g_hash_table_add (seen, name))
        {
          g_strv_builder_add (builder, name);
          n++;
        }
      p += len - 1;
    }

  return n > 0 ? g_strv_builder_end (builder) : NULL;
}
