/* kefu-shipment-merge.c: a shipment request's edited fields for the three-way merge (see
 * kefu-shipment-merge.h).
 *
 * The lines are compared as text, one line per product line: "product\tserial\tday\tquantity",
 * which is what the store compares too (the line ids are not part of what a person changes).
 * Writing them back keeps the id of a line at the same place with the same product, so that the
 * store updates it in place (a service job may point at it).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-shipment-dialog"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "core/kefu-product.h"

#include "kefu-shipment-merge.h"

static gboolean
get_address (GObject *record,
             GValue  *value)
{
  g_value_init (value, G_TYPE_STRING);
  g_value_set_string (value, KEFU_SHIPMENT (record)->address);
  return TRUE;
}

static void
set_address (GObject      *record,
             const GValue *value)
{
  KefuShipment *shipment = KEFU_SHIPMENT (record);

  g_free (shipment->address);
  shipment->address = g_value_dup_string (value);
}

static gboolean
get_notes (GObject *record,
           GValue  *value)
{
  g_value_init (value, G_TYPE_STRING);
  g_value_set_string (value, KEFU_SHIPMENT (record)->notes);
  return TRUE;
}

static void
set_notes (GObject      *record,
           const GValue *value)
{
  KefuShipment *shipment = KEFU_SHIPMENT (record);

  g_free (shipment->notes);
  shipment->notes = g_value_dup_string (value);
}

static gboolean
get_manager (GObject *record,
             GValue  *value)
{
  g_value_init (value, G_TYPE_INT64);
  g_value_set_int64 (value, KEFU_SHIPMENT (record)->account_manager_id);
  return TRUE;
}

static void
set_manager (GObject      *record,
             const GValue *value)
{
  KefuShipment *shipment = KEFU_SHIPMENT (record);

  shipment->account_manager_id = g_value_get_int64 (value);
  g_clear_pointer (&shipment->account_manager_name, g_free);
}

static gboolean
get_lines (GObject *record,
           GValue  *value)
{
  KefuShipment *shipment = KEFU_SHIPMENT (record);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; shipment->lines != NULL && i < shipment->lines->len; i++)
    {
      KefuShipmentLine *line = shipment->lines->pdata[i];
      char day[16] = "";

      if (g_date_valid (&line->production_date))
        g_date_strftime (day, sizeof day, "%Y-%m-%d", &line->production_date);
      g_string_append_printf (text, "%s%" G_GINT64_FORMAT "\t%s\t%s\t%u", i > 0 ? "\n" : "",
                              line->product_id, line->serial != NULL ? line->serial : "", day,
                              line->quantity);
    }
  g_value_init (value, G_TYPE_STRING);
  g_value_set_string (value, text->str);
  return TRUE;
}

static void
set_lines (GObject      *record,
           const GValue *value)
{
  KefuShipment *shipment = KEFU_SHIPMENT (record);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) kefu_shipment_line_free);
  g_auto(GStrv) rows = g_strsplit (g_value_get_string (value) != NULL ? g_value_get_string (value)
                                                                     : "", "\n", -1);

  for (guint i = 0; rows[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (rows[i], "\t", 4);
      KefuShipmentLine *line;

      if (g_strv_length (parts) != 4)
        continue;
      line = kefu_shipment_line_new ();
      line->product_id = g_ascii_strtoll (parts[0], NULL, 10);
      line->serial = parts[1][0] != '\0' ? g_strdup (parts[1]) : NULL;
      g_date_clear (&line->production_date, 1);
      {
        unsigned int year, month, day;

        if (sscanf (parts[2], "%u-%u-%u", &year, &month, &day) == 3
            && g_date_valid_dmy (day, month, year))
          g_date_set_dmy (&line->production_date, day, month, year);
      }
      line->quantity = (guint) g_ascii_strtoull (parts[3], NULL, 10);
      /* The same product at the same place is the same line: it keeps its id. */
      if (shipment->lines != NULL && i < shipment->lines->len)
        {
          KefuShipmentLine *old = shipment->lines->pdata[i];

          if (old->product_id == line->product_id)
            {
              line->id = old->id;
              line->product_name = g_strdup (old->product_name);
            }
        }
      g_ptr_array_add (lines, line);
    }
  g_clear_pointer (&shipment->lines, g_ptr_array_unref);
  shipment->lines = g_steal_pointer (&lines);
}

static const KefuMergeField fields[] = {
  { "address", NULL, "shipment field", NC_("shipment field", "Address"), get_address, set_address },
  { "account_manager", NULL, "shipment field", NC_("shipment field", "Account manager"),
    get_manager, set_manager },
  { "notes", NULL, "shipment field", NC_("shipment field", "Notes"), get_notes, set_notes },
  { "lines", NULL, "shipment field", NC_("shipment field", "Products"), get_lines, set_lines },
};

const KefuMergeField *
kefu_shipment_merge_fields (guint *n_fields)
{
  *n_fields = G_N_ELEMENTS (fields);
  return fields;
}

KefuShipment *
kefu_shipment_merge_copy (KefuShipment *shipment)
{
  KefuShipment *copy;

  g_return_val_if_fail (KEFU_IS_SHIPMENT (shipment), NULL);

  copy = kefu_shipment_new ();
  copy->id = shipment->id;
  copy->version = shipment->version;
  copy->reference = g_strdup (shipment->reference);
  copy->step = shipment->step;
  copy->customer_id = shipment->customer_id;
  copy->customer_name = g_strdup (shipment->customer_name);
  copy->customer_phone = g_strdup (shipment->customer_phone);
  copy->address = g_strdup (shipment->address);
  copy->account_manager_id = shipment->account_manager_id;
  copy->account_manager_name = g_strdup (shipment->account_manager_name);
  copy->notes = g_strdup (shipment->notes);
  copy->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) kefu_shipment_line_free);
  for (guint i = 0; shipment->lines != NULL && i < shipment->lines->len; i++)
    g_ptr_array_add (copy->lines, kefu_shipment_line_copy (shipment->lines->pdata[i]));
  return copy;
}

char *
kefu_shipment_merge_lines_text (const GValue *value,
                                GPtrArray    *products)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) rows = NULL;

  if (g_value_get_string (value) == NULL || g_value_get_string (value)[0] == '\0')
    return NULL;
  rows = g_strsplit (g_value_get_string (value), "\n", -1);
  for (guint i = 0; rows[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (rows[i], "\t", 4);
      gint64 product_id;
      const char *name = NULL;
      g_autofree char *fallback = NULL;

      if (g_strv_length (parts) != 4)
        continue;
      product_id = g_ascii_strtoll (parts[0], NULL, 10);
      for (guint j = 0; products != NULL && j < products->len; j++)
        if (kefu_record_get_id (KEFU_RECORD (products->pdata[j])) == product_id)
          name = kefu_product_get_name (products->pdata[j]);
      if (name == NULL)
        name = fallback = g_strdup_printf ("%" G_GINT64_FORMAT, product_id);
      if (parts[1][0] != '\0')
        /* Translators: a product line: product, quantity, product number (serial). */
        g_ptr_array_add (items, g_strdup_printf (C_("shipment line", "%1$s ×%2$s (%3$s)"), name,
                                                 parts[3], parts[1]));
      else
        /* Translators: a product line: product and quantity. */
        g_ptr_array_add (items, g_strdup_printf (C_("shipment line", "%1$s ×%2$s"), name,
                                                 parts[3]));
    }
  g_ptr_array_add (items, NULL);
  return g_strjoinv (C_("list separator", ", "), (char **) items->pdata);
}
