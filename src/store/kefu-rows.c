/* kefu-rows.c: result sets as text, and the database form of times.
 *
 * Both backends hand back values as text (libpq does natively, SQLite converts), so one small
 * row container serves both and no statement stays open while the caller reads the results.
 */
#define G_LOG_DOMAIN "kefu-store"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "kefu-store-private.h"

struct _KefuRows
{
  guint      n_columns;
  GPtrArray *values;   /* n_rows × n_columns strings, NULL for SQL NULL */
};

KefuRows *
kefu_rows_new (guint n_columns)
{
  KefuRows *rows = g_new0 (KefuRows, 1);

  rows->n_columns = n_columns;
  rows->values = g_ptr_array_new_with_free_func (g_free);
  return rows;
}

void
kefu_rows_free (KefuRows *rows)
{
  if (rows == NULL)
    return;
  g_ptr_array_unref (rows->values);
  g_free (rows);
}

void
kefu_rows_append (KefuRows           *rows,
                  const char *const *values)
{
  g_return_if_fail (rows != NULL);

  for (guint i = 0; i < rows->n_columns; i++)
    g_ptr_array_add (rows->values, g_strdup (values[i]));
}

guint
kefu_rows_get_n_rows (KefuRows *rows)
{
  g_return_val_if_fail (rows != NULL, 0);

  if (rows->n_columns == 0)
    return 0;
  return rows->values->len / rows->n_columns;
}

guint
kefu_rows_get_n_columns (KefuRows *rows)
{
  g_return_val_if_fail (rows != NULL, 0);

  return rows->n_columns;
}

static const char *
rows_value (KefuRows *rows,
            guint     row,
            guint     column)
{
  g_return_val_if_fail (rows != NULL, NULL);
  g_return_val_if_fail (column < rows->n_columns, NULL);
  g_return_val_if_fail (row < kefu_rows_get_n_rows (rows), NULL);

  return g_ptr_array_index (rows->values, (gsize) row * rows->n_columns + column);
}

gboolean
kefu_rows_is_null (KefuRows *rows,
                   guint     row,
                   guint     column)
{
  return rows_value (rows, row, column) == NULL;
}

const char *
kefu_rows_get_text (KefuRows *rows,
                    guint     row,
                    guint     column)
{
  return rows_value (rows, row, column);
}

gint64
kefu_rows_get_int (KefuRows *rows,
                   guint     row,
                   guint     column)
{
  const char *text = rows_value (rows, row, column);

  if (text == NULL)
    return 0;
  return g_ascii_strtoll (text, NULL, 10);
}

gboolean
kefu_rows_get_bool (KefuRows *rows,
                    guint     row,
                    guint     column)
{
  const char *text = rows_value (rows, row, column);

  if (text == NULL)
    return FALSE;
  /* SQLite gives 1/0, PostgreSQL t/f; accept the long forms too. */
  return text[0] == 't' || text[0] == 'T' || text[0] == 'y' ||
         (text[0] >= '1' && text[0] <= '9');
}

GDateTime *
kefu_rows_get_time (KefuRows *rows,
                    guint     row,
                    guint     column)
{
  const char *text = rows_value (rows, row, column);

  if (text == NULL)
    return NULL;
  return kefu_time_from_db (text);
}

char *
kefu_time_to_db (GDateTime *time)
{
  g_autoptr(GDateTime) utc = NULL;

  g_return_val_if_fail (time != NULL, NULL);

  utc = g_date_time_to_utc (time);
  return g_strdup_printf ("%04d-%02d-%02d %02d:%02d:%02d.%03dZ",
                          g_date_time_get_year (utc),
                          g_date_time_get_month (utc),
                          g_date_time_get_day_of_month (utc),
                          g_date_time_get_hour (utc),
                          g_date_time_get_minute (utc),
                          g_date_time_get_second (utc),
                          g_date_time_get_microsecond (utc) / 1000);
}

static gboolean
read_digits (const char **p,
             guint        count,
             int         *value)
{
  int v = 0;

  for (guint i = 0; i < count; i++)
    {
      if (!g_ascii_isdigit ((*p)[0]))
        return FALSE;
      v = v * 10 + ((*p)[0] - '0');
      (*p)++;
    }
  *value = v;
  return TRUE;
}

/* Parses "YYYY-MM-DD HH:MM:SS[.fff…][Z|±HH[:MM]]" (a 'T' is accepted for the space): our own
 * form and PostgreSQL's timestamptz output under DateStyle ISO ("2026-11-27 03:29:32.12+00").
 * Text without a zone is taken as UTC, as everything we store is UTC. */
GDateTime *
kefu_time_from_db (const char *text)
{
  const char *p = text;
  int year, month, day, hour, minute, second;
  int usec = 0;
  int offset_seconds = 0;
  g_autoptr(GTimeZone) tz = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  if (!read_digits (&p, 4, &year) || *p++ != '-' ||
      !read_digits (&p, 2, &month) || *p++ != '-' ||
      !read_digits (&p, 2, &day))
    return NULL;
  if (*p != ' ' && *p != 'T')
    return NULL;
  p++;
  if (!read_digits (&p, 2, &hour) || *p++ != ':' ||
      !read_digits (&p, 2, &minute) || *p++ != ':' ||
      !read_digits (&p, 2, &second))
    return NULL;

  if (*p == '.')
    {
      int scale = 100000;

      p++;
      if (!g_ascii_isdigit (*p))
        return NULL;
      while (g_ascii_isdigit (*p))
        {
          usec += (*p - '0') * scale;
          scale /= 10;
          p++;
        }
    }

  if (*p == 'Z' || *p == 'z')
    p++;
  else if (*p == '+' || *p == '-')
    {
      int sign = *p == '-' ? -1 : 1;
      int oh = 0, om = 0;

      p++;
      if (!read_digits (&p, 2, &oh))
        return NULL;
      if (*p == ':')
        p++;
      if (g_ascii_isdigit (*p) && !read_digits (&p, 2, &om))
        return NULL;
      offset_seconds = sign * (oh * 3600 + om * 60);
    }
  if (*p != '\0')
    return NULL;

  /* Nearly every time is UTC (SQLite's text, PostgreSQL's session zone): GLib's shared UTC
   * zone and no conversion, since a list page reads thousands of them. */
  tz = offset_seconds == 0 ? g_time_zone_new_utc () : g_time_zone_new_offset (offset_seconds);
  {
    /* Whole seconds first, then the microseconds as an integer: no floating-point rounding. */
    g_autoptr(GDateTime) local = g_date_time_new (tz, year, month, day, hour, minute, second);
    g_autoptr(GDateTime) utc = NULL;

    if (local == NULL)
      return NULL;
    if (offset_seconds == 0)
      return usec == 0 ? g_steal_pointer (&local) : g_date_time_add (local, usec);
    utc = g_date_time_to_utc (local);
    return g_date_time_add (utc, usec);
  }
}
