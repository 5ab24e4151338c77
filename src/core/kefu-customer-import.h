/* kefu-customer-import.h: turning the rows of a customer CSV into customers, with a reason for
 * every row that cannot be imported. Shared by `kefuctl import customers` and the import dialog,
 * so both accept and refuse the same rows.
 *
 * Header mapping: each column is matched to a customer field by its header, in English or
 * Chinese ("name"/"姓名"/"名称"/"客户名称", "phone"/"电话"/"联系电话"/"手机", "address"/"地址"/
 * "联系地址", "district"/"区县"/"区域", "member"/"会员", "member number"/"会员号"/"会员编号",
 * "channel"/"渠道", "notes"/"备注"); unknown columns are ignored and reported; the mapping can be
 * changed before the rows are read. Phones: several in one cell separated by "/", ";", "、" or
 * spaces; all normalised by core/kefu-phone.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "kefu-customer.h"

G_BEGIN_DECLS

typedef enum
{
  KEFU_IMPORT_FIELD_IGNORE,
  KEFU_IMPORT_FIELD_NAME,
  KEFU_IMPORT_FIELD_PHONE,
  KEFU_IMPORT_FIELD_ADDRESS,
  KEFU_IMPORT_FIELD_DISTRICT,
  KEFU_IMPORT_FIELD_MEMBER,         /* 是/否, yes/no, 1/0, Y/N, 会员/非会员 */
  KEFU_IMPORT_FIELD_MEMBER_NUMBER,
  KEFU_IMPORT_FIELD_CHANNEL,        /* 入户/零售/卖场 or the English names or nicks */
  KEFU_IMPORT_FIELD_NOTES,
  KEFU_IMPORT_N_FIELDS
} KefuImportField;

/* Translated name of a field for the mapping UI. */
const char     *kefu_import_field_get_display_name (KefuImportField field);
/* The field a header names, KEFU_IMPORT_FIELD_IGNORE when none. */
KefuImportField kefu_import_field_for_header       (const char *header);

/* A rejected row: its number in the file (1 = the first data row after the header), the file
 * line, and the translated reasons joined by "; ". */
typedef struct
{
  guint  row;
  guint  line;
  char  *reason;
} KefuImportRejection;

void            kefu_import_rejection_free         (KefuImportRejection *rejection);

/* Reads data rows 1… of `rows` (from kefu_csv_parse()) with `mapping` (one KefuImportField per
 * column; more or fewer columns in a row are tolerated, missing ones empty). Returns the valid
 * customers in file order (element type KefuCustomer) and fills `rejections` (element type
 * KefuImportRejection, with a free function) with the others. A name and at least one valid phone
 * are required; text limits as for the customer form. A phone repeated within the file rejects
 * the later row ("same phone as row 12"). `line_numbers` may be NULL. */
GPtrArray      *kefu_customer_import_read          (GPtrArray        *rows,
                                                    GArray           *line_numbers,
                                                    const KefuImportField *mapping,
                                                    guint             n_columns,
                                                    GPtrArray        *rejections);

G_END_DECLS
