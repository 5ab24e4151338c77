/* kefu-test-writer.c: one workstation writing customers, for the multi-process tests.
 *
 *   kefu-test-writer LOCATION WRITER STAFF_ID COUNT
 *
 * Opens LOCATION (a SQLite file or a PostgreSQL URI) through the real store, acts as the staff
 * member STAFF_ID and creates COUNT customers through kefu_store_create_customer () (the customer,
 * their phone, the name index and the event, in one transaction). After each save returned
 * success it prints "WRITER SEQ ID" on stdout and flushes, so that whatever is on stdout when
 * the process is killed was acknowledged by the store. Any error is printed on stderr with its
 * domain and code, and the program exits with status 1: the test then knows that an error such
 * as "database is locked" reached the caller.
 */
#define G_LOG_DOMAIN "kefu-test"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "store/kefu-store.h"

/* Every customer carries a note of this many characters, about what a clerk writes about a
 * customer, so that a transaction writes a realistic amount (and more than one page now and
 * then). */
#define NOTE_CHARS 120

int
main (int    argc,
      char **argv)
{
  g_autoptr(KefuStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) note = g_string_new (NULL);
  guint64 writer, count;
  gint64 staff_id;

  setlocale (LC_ALL, "");
  if (argc != 5 ||
      !g_ascii_string_to_unsigned (argv[2], 10, 0, 99, &writer, NULL) ||
      !g_ascii_string_to_signed (argv[3], 10, 1, G_MAXINT64, &staff_id, NULL) ||
      !g_ascii_string_to_unsigned (argv[4], 10, 0, 9999999, &count, NULL))
    {
      fprintf (stderr, "Usage: %s LOCATION WRITER(0-99) STAFF_ID COUNT\n", argv[0]);
      return 2;
    }

  store = kefu_store_open (argv[1], NULL, &error);
  if (store == NULL)
    {
      fprintf (stderr, "open: %s %d: %s\n", g_quark_to_string (error->domain), error->code,
               error->message);
      return 1;
    }
  kefu_store_set_actor (store, staff_id);

  while (note->len < NOTE_CHARS * 3)
    g_string_append (note, "老客户，喜欢下午来电，");

  for (guint64 seq = 0; seq < count; seq++)
    {
      g_autoptr(KefuCustomer) customer = kefu_customer_new ();
      g_autofree char *name = g_strdup_printf ("写入进程%02u号客户%06u", (guint) writer,
                                               (guint) seq);
      g_autofree char *phone = g_strdup_printf ("13%02u%07u", (guint) writer, (guint) seq);
      const char *phones[] = { phone, NULL };

      kefu_customer_set_name (customer, name);
      kefu_customer_set_phones (customer, phones);
      kefu_customer_set_address (customer, "上海市浦东新区世纪大道100号");
      kefu_customer_set_notes (customer, note->str);
      if (!kefu_store_create_customer (store, customer, NULL, &error))
        {
          fprintf (stderr, "write %u: %s %d: %s\n", (guint) seq,
                   g_quark_to_string (error->domain), error->code, error->message);
          return 1;
        }
      printf ("%u %u %" G_GINT64_FORMAT "\n", (guint) writer, (guint) seq,
              kefu_record_get_id (KEFU_RECORD (customer)));
      fflush (stdout);
    }
  return 0;
}
