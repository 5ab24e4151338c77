/* kefu-customer-import.c: customer CSV rows to customers, with a reason for every row that
 * cannot be imported.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-customer-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kefu-customer-import.h"
#include "kefu-enums.h"
#include "kefu-phone.h"
#include "kefu-text.h"

/* The store's limit of numbers per customer (KEFU_STORE_MAX_PHONES): a row with more would be
 * refused by the store, so it is refused here, in the preview, with the row number. */
#define IMPORT_MAX_PHONES 10

/* Headers as people write them, after folding (see header_key()): English in lower case without
 * spaces, dashes or underscores, and the usual Chinese column names. */
static const struct { const char *header; KefuImportField field; } header_names[] = {
  { "name", KEFU_IMPORT_FIELD_NAME },
  { "customer", KEFU_IMPORT_FIELD_NAME },
  { "customername", KEFU_IMPORT_FIELD_NAME },
  { "姓名", KEFU_IMPORT_FIELD_NAME },
  { "名称", KEFU_IMPORT_FIELD_NAME },
  { "客户", KEFU_IMPORT_FIELD_NAME },
  { "客户名称", KEFU_IMPORT_FIELD_NAME },
  { "客户姓名", KEFU_IMPORT_FIELD_NAME },
  { "姓名/名称", KEFU_IMPORT_FIELD_NAME },
  { "phone", KEFU_IMPORT_FIELD_PHONE },
  { "phones", KEFU_IMPORT_FIELD_PHONE },
  { "phonenumber", KEFU_IMPORT_FIELD_PHONE },
  { "telephone", KEFU_IMPORT_FIELD_PHONE },
  { "tel", KEFU_IMPORT_FIELD_PHONE },
  { "mobile", KEFU_IMPORT_FIELD_PHONE },
  { "电话", KEFU_IMPORT_FIELD_PHONE },
  { "联系电话", KEFU_IMPORT_FIELD_PHONE },
  { "电话号码", KEFU_IMPORT_FIELD_PHONE },
  { "手机", KEFU_IMPORT_FIELD_PHONE },
  { "手机号", KEFU_IMPORT_FIELD_PHONE },
  { "手机号码", KEFU_IMPORT_FIELD_PHONE },
  { "固定电话", KEFU_IMPORT_FIELD_PHONE },
  { "address", KEFU_IMPORT_FIELD_ADDRESS },
  { "地址", KEFU_IMPORT_FIELD_ADDRESS },
  { "联系地址", KEFU_IMPORT_FIELD_ADDRESS },
  { "送货地址", KEFU_IMPORT_FIELD_ADDRESS },
  { "district", KEFU_IMPORT_FIELD_DISTRICT },
  { "区县", KEFU_IMPORT_FIELD_DISTRICT },
  { "区域", KEFU_IMPORT_FIELD_DISTRICT },
  { "区", KEFU_IMPORT_FIELD_DISTRICT },
  { "member", KEFU_IMPORT_FIELD_MEMBER },
  { "ismember", KEFU_IMPORT_FIELD_MEMBER },
  { "会员", KEFU_IMPORT_FIELD_MEMBER },
  { "是否会员", KEFU_IMPORT_FIELD_MEMBER },
  { "membernumber", KEFU_IMPORT_FIELD_MEMBER_NUMBER },
  { "memberno", KEFU_IMPORT_FIELD_MEMBER_NUMBER },
  { "memberno.", KEFU_IMPORT_FIELD_MEMBER_NUMBER },
  { "会员号", KEFU_IMPORT_FIELD_MEMBER_NUMBER },
  { "会员编号", KEFU_IMPORT_FIELD_MEMBER_NUMBER },
  { "会员卡号", KEFU_IMPORT_FIELD_MEMBER_NUMBER },
  { "channel", KEFU_IMPORT_FIELD_CHANNEL },
  { "saleschannel", KEFU_IMPORT_FIELD_CHANNEL },
  { "渠道", KEFU_IMPORT_FIELD_CHANNEL },
  { "销售渠道", KEFU_IMPORT_FIELD_CHANNEL },
  { "notes", KEFU_IMPORT_FIELD_NOTES },
  { "note", KEFU_IMPORT_FIELD_NOTES },
  { "remarks", KEFU_IMPORT_FIELD_NOTES },
  { "备注", KEFU_IMPORT_FIELD_NOTES },
};

static const char * const yes_words[] = { "是", "yes", "y", "1", "true", "会员", "√", "✓" };
static const char * const no_words[] = { "否", "no", "n", "0", "false", "非会员", "不是", "×" };

/* The channel as written in a file: Chinese, English, the stored nick. */
static const struct { const char *word; KefuChannel channel; } channel_words[] = {
  { "入户", KEFU_CHANNEL_HOME_DELIVERY },
  { "送奶到户", KEFU_CHANNEL_HOME_DELIVERY },
  { "homedelivery", KEFU_CHANNEL_HOME_DELIVERY },
  { "home", KEFU_CHANNEL_HOME_DELIVERY },
  { "零售", KEFU_CHANNEL_RETAIL },
  { "retail", KEFU_CHANNEL_RETAIL },
  { "卖场", KEFU_CHANNEL_SUPERMARKET },
  { "超市", KEFU_CHANNEL_SUPERMARKET },
  { "supermarket", KEFU_CHANNEL_SUPERMARKET },
};

const char *
kefu_import_field_get_display_name (KefuImportField field)
{
  switch (field)
    {
    case KEFU_IMPORT_FIELD_IGNORE:
      /* TRANSLATORS: a CSV column that is not imported. */
      return C_("import field", "Do not import");
    case KEFU_IMPORT_FIELD_NAME:
      return C_("import field", "Name");
    case KEFU_IMPORT_FIELD_PHONE:
      return C_("import field", "Phone");
    case KEFU_IMPORT_FIELD_ADDRESS:
      return C_("import field", "Address");
    case KEFU_IMPORT_FIELD_DISTRICT:
      return C_("import field", "District");
    case KEFU_IMPORT_FIELD_MEMBER:
      return C_("import field", "Member");
    case KEFU_IMPORT_FIELD_MEMBER_NUMBER:
      return C_("import field", "Member number");
    case KEFU_IMPORT_FIELD_CHANNEL:
      return C_("import field", "Channel");
    case KEFU_IMPORT_FIELD_NOTES:
      return C_("import field", "Notes");
    case KEFU_IMPORT_N_FIELDS:
    default:
      g_return_val_if_reached ("");
    }
}

/* Folded (full-width as ASCII), trimmed, ASCII in lower case, without spaces, "_", "-" and a
 * trailing "*" or ":" (templates mark required columns "姓名*" and labels "电话:"). */
static char *
header_key (const char *text)
{
  g_autofree char *folded = kefu_text_fold_width (text != NULL ? text : "");
  GString *key = g_string_new (NULL);

  if (folded == NULL)
    return g_string_free (key, FALSE);
  for (const char *p = folded; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '_' || *p == '-' || *p == '\t')
        continue;
      g_string_append_c (key, g_ascii_tolower (*p));
    }
  while (key->len > 0 && (key->str[key->len - 1] == '*' || key->str[key->len - 1] == ':'))
    g_string_truncate (key, key->len - 1);
  return g_string_free (key, FALSE);
}

KefuImportField
kefu_import_field_for_header (const char *header)
{
  g_autofree char *key = header_key (header);

  for (guint i = 0; i < G_N_ELEMENTS (header_names); i++)
    if (g_str_equal (key, header_names[i].header))
      return header_names[i].field;
  return KEFU_IMPORT_FIELD_IGNORE;
}

void
kefu_import_rejection_free (KefuImportRejection *rejection)
{
  if (rejection == NULL)
    return;

  g_free (rejection->reason);
  g_free (rejection);
}

static gboolean
word_in (const char         *key,
         const char * const *words,
         guint               n_words)
{
  for (guint i = 0; i < n_words; i++)
    if (g_str_equal (key, words[i]))
      return TRUE;
  return FALSE;
}

/* The values of one row, gathered by field; phones from every phone column. */
typedef struct
{
  const char *text[KEFU_IMPORT_N_FIELDS];
  GPtrArray  *phone_cells;
} RowValues;

/* Splits a phone cell into numbers. Separators are "/", ";", "、", "," and line breaks; a piece
 * that is not one number is split at its spaces, so that "138 1234 5678" stays one number while
 * "13812345678 13987654321" becomes two. Adds each normalised number once to `phones`; returns
 * FALSE with the reason of the first bad number. */
static gboolean
read_phones (const char  *cell,
             GPtrArray   *phones,
             char       **reason)
{
  g_autofree char *folded = kefu_text_fold_width (cell);
  g_auto(GStrv) pieces = NULL;

  if (folded == NULL)
    return TRUE;
  pieces = g_regex_split_simple ("[/;,、\\n\\r]+", folded, 0, 0);

  for (guint i = 0; pieces[i] != NULL; i++)
    {
      g_autofree char *piece = g_strstrip (g_strdup (pieces[i]));
      g_autofree char *normalized = NULL;
      g_auto(GStrv) words = NULL;
      g_autoptr(GError) error = NULL;

      if (piece[0] == '\0')
        continue;

      normalized = kefu_phone_normalize (piece, NULL, NULL);
      if (normalized != NULL)
        {
          if (!g_ptr_array_find_with_equal_func (phones, normalized, g_str_equal, NULL))
            g_ptr_array_add (phones, g_steal_pointer (&normalized));
          continue;
        }

      words = g_regex_split_simple ("\\s+", piece, 0, 0);
      for (guint j = 0; words[j] != NULL; j++)
        {
          g_autofree char *word_number = NULL;

          if (words[j][0] == '\0')
            continue;
          word_number = kefu_phone_normalize (words[j], NULL, NULL);
          if (word_number == NULL)
            {
              /* The reason for the whole piece: it names what is wrong with what was typed. */
              g_free (kefu_phone_normalize (piece, NULL, &error));
              *reason = g_strdup_printf (_("Phone “%s”: %s"), piece, error->message);
              return FALSE;
            }
          if (!g_ptr_array_find_with_equal_func (phones, word_number, g_str_equal, NULL))
            g_ptr_array_add (phones, g_steal_pointer (&word_number));
        }
    }
  return TRUE;
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return text == NULL;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* Checks one text value; on success `normalized` receives its stored form. */
static void
read_text (const char  *value,
           guint        max_chars,
           gboolean     required,
           gboolean     multi_line,
           const char  *label,
           GPtrArray   *reasons,
           char       **normalized)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (multi_line)
    ok = kefu_text_validate (value, max_chars, required, label, &error);
  else
    ok = kefu_text_validate_line (value, max_chars, required, label, &error);

  if (ok)
    *normalized = kefu_text_normalize (value != NULL ? value : "");
  else
    g_ptr_array_add (reasons, g_strdup (error->message));
}

static KefuCustomer *
read_row (RowValues  *values,
          guint       row,
          GHashTable *phone_rows,
          GPtrArray  *reasons)
{
  g_autoptr(KefuCustomer) customer = kefu_customer_new ();
  g_autoptr(GPtrArray) phones = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *name = NULL;
  g_autofree char *address = NULL;
  g_autofree char *district = NULL;
  g_autofree char *member_number = NULL;
  g_autofree char *notes = NULL;
  const char *member = values->text[KEFU_IMPORT_FIELD_MEMBER];
  const char *channel = values->text[KEFU_IMPORT_FIELD_CHANNEL];
  gboolean phone_error = FALSE;

  read_text (values->text[KEFU_IMPORT_FIELD_NAME], KEFU_TEXT_MAX_NAME, TRUE, FALSE, _("Name"),
             reasons, &name);

  for (guint i = 0; i < values->phone_cells->len; i++)
    {
      char *reason = NULL;

      if (!read_phones (values->phone_cells->pdata[i], phones, &reason))
        {
          g_ptr_array_add (reasons, reason);
          phone_error = TRUE;
        }
    }
  if (phones->len == 0 && !phone_error)
    g_ptr_array_add (reasons, g_strdup (_("No phone number; every customer needs at least one.")));
  else if (phones->len > IMPORT_MAX_PHONES)
    g_ptr_array_add (reasons, g_strdup_printf (_("%u phone numbers; a customer can have at most %u."),
                                               phones->len, (guint) IMPORT_MAX_PHONES));

  read_text (values->text[KEFU_IMPORT_FIELD_ADDRESS], KEFU_TEXT_MAX_ADDRESS, FALSE, TRUE,
             _("Address"), reasons, &address);
  read_text (values->text[KEFU_IMPORT_FIELD_DISTRICT], KEFU_TEXT_MAX_DISTRICT, FALSE, FALSE,
             _("District"), reasons, &district);
  read_text (values->text[KEFU_IMPORT_FIELD_MEMBER_NUMBER], KEFU_TEXT_MAX_CODE, FALSE, FALSE,
             _("Member number"), reasons, &member_number);
  read_text (values->text[KEFU_IMPORT_FIELD_NOTES], KEFU_TEXT_MAX_NOTES, FALSE, TRUE,
             _("Notes"), reasons, &notes);

  /* A blank cell is "no" and "not specified". */
  if (!is_blank (member))
    {
      g_autofree char *key = header_key (member);

      if (word_in (key, yes_words, G_N_ELEMENTS (yes_words)))
        kefu_customer_set_is_member (customer, TRUE);
      else if (!word_in (key, no_words, G_N_ELEMENTS (no_words)))
        g_ptr_array_add (reasons,
                         g_strdup_printf (_("Member “%s” is neither yes nor no; write 是 or 否 (yes or no)."),
                                          member));
    }

  if (!is_blank (channel))
    {
      g_autofree char *key = header_key (channel);
      gboolean found = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (channel_words) && !found; i++)
        if (g_str_equal (key, channel_words[i].word))
          {
            kefu_customer_set_channel (customer, channel_words[i].channel);
            found = TRUE;
          }
      /* The channel's name in the user's language, as an export from Kefu writes it. */
      for (int c = KEFU_CHANNEL_HOME_DELIVERY; c <= KEFU_CHANNEL_SUPERMARKET && !found; c++)
        {
          g_autofree char *display = header_key (kefu_channel_get_display_name (c));

          if (g_str_equal (key, display))
            {
              kefu_customer_set_channel (customer, c);
              found = TRUE;
            }
        }
      if (!found)
        g_ptr_array_add (reasons,
                         g_strdup_printf (_("Channel “%s” is not one of 入户 (home delivery), 零售 (retail) or 卖场 (supermarket)."),
                                          channel));
    }

  /* A number already taken by an earlier row of the file: the first row wins, as when
   * the duplicates are merged with existing customers. */
  for (guint i = 0; i < phones->len; i++)
    {
      guint earlier = GPOINTER_TO_UINT (g_hash_table_lookup (phone_rows, phones->pdata[i]));

      if (earlier != 0)
        {
          g_ptr_array_add (reasons,
                           g_strdup_printf (_("Same phone %s as row %u."),
                                            (const char *) phones->pdata[i], earlier));
          break;
        }
    }

  if (reasons->len > 0)
    return NULL;

  for (guint i = 0; i < phones->len; i++)
    g_hash_table_insert (phone_rows, g_strdup (phones->pdata[i]), GUINT_TO_POINTER (row));

  kefu_customer_set_name (customer, name);
  g_ptr_array_add (phones, NULL);
  kefu_customer_set_phones (customer, (const char * const *) phones->pdata);
  kefu_customer_set_address (customer, address);
  kefu_customer_set_district (customer, district);
  kefu_customer_set_member_number (customer, member_number);
  kefu_customer_set_notes (customer, notes);

  return g_steal_pointer (&customer);
}

static gboolean
values_are_blank (RowValues *values)
{
  for (guint f = 0; f < KEFU_IMPORT_N_FIELDS; f++)
    if (!is_blank (values->text[f]))
      return FALSE;
  return TRUE;
}

/**
 * kefu_customer_import_read:
 * @line_numbers: (nullable) (element-type guint): the file line of each row
 * @rejections: (element-type KefuImportRejection): receives the rows that cannot be imported
 *
 * Returns: (transfer container) (element-type KefuCustomer): the customers, in file order
 */
GPtrArray *
kefu_customer_import_read (GPtrArray             *rows,
                           GArray                *line_numbers,
                           const KefuImportField *mapping,
                           guint                  n_columns,
                           GPtrArray             *rejections)
{
  g_autoptr(GPtrArray) customers = NULL;
  g_autoptr(GHashTable) phone_rows = NULL;

  g_return_val_if_fail (rows != NULL, NULL);
  g_return_val_if_fail (mapping != NULL || n_columns == 0, NULL);
  g_return_val_if_fail (rejections != NULL, NULL);

  customers = g_ptr_array_new_with_free_func (g_object_unref);
  phone_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint r = 1; r < rows->len; r++)
    {
      const char * const *fields = rows->pdata[r];
      guint n_fields = g_strv_length ((char **) fields);
      RowValues values = { { NULL }, NULL };
      g_autoptr(GPtrArray) phone_cells = g_ptr_array_new ();
      g_autoptr(GPtrArray) reasons = g_ptr_array_new_with_free_func (g_free);
      KefuCustomer *customer;

      values.phone_cells = phone_cells;
      for (guint c = 0; c < n_columns && c < n_fields; c++)
        {
          KefuImportField field = mapping[c];

          if (field == KEFU_IMPORT_FIELD_IGNORE || field >= KEFU_IMPORT_N_FIELDS)
            continue;
          if (field == KEFU_IMPORT_FIELD_PHONE)
            g_ptr_array_add (phone_cells, (gpointer) fields[c]);
          /* With two columns for one field, the first that is filled in counts. */
          if (values.text[field] == NULL || values.text[field][0] == '\0')
            values.text[field] = fields[c];
        }

      /* Spreadsheets export rows of empty cells below the data; they are not customers. */
      if (values_are_blank (&values))
        continue;

      customer = read_row (&values, r, phone_rows, reasons);
      if (customer != NULL)
        g_ptr_array_add (customers, customer);
      else
        {
          KefuImportRejection *rejection = g_new0 (KefuImportRejection, 1);

          g_ptr_array_add (reasons, NULL);
          rejection->row = r;
          rejection->line = line_numbers != NULL && r < line_numbers->len
                              ? g_array_index (line_numbers, guint, r) : 0;
          rejection->reason = g_strjoinv ("; ", (char **) reasons->pdata);
          g_ptr_array_add (rejections, rejection);
        }
    }

  return g_steal_pointer (&customers);
}
