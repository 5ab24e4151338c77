/* kefu-import-dialog-private.h: what the import dialog's files share (the dialog itself in
 * kefu-import-dialog.c, reading, mapping and previewing the file in
 * kefu-import-dialog-preview.c).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/kefu-csv.h"
#include "core/kefu-customer-import.h"

#include "kefu-import-dialog.h"

G_BEGIN_DECLS

struct _KefuImportDialog
{
  AdwDialog         parent_instance;

  KefuStore        *store;
  GFile            *file;
  GPtrArray        *rows;             /* GStrv per row, the header first */
  GArray           *line_numbers;
  KefuCsvEncoding   encoding;
  guint             n_columns;
  KefuImportField  *mapping;          /* n_columns */
  GPtrArray        *column_rows;      /* AdwComboRow per column */
  GPtrArray        *customers;        /* KefuCustomer, the valid rows */
  guint             n_new;
  guint             n_duplicates;
  guint             n_rejected;
  GtkStringList    *rejection_lines;

  GCancellable     *cancellable;      /* the dialog's life */
  GCancellable     *file_cancellable; /* the current file's reading and preview */
  guint             preview_source;
  guint             generation;       /* bumped per file and per mapping change */
  guint             reading : 1;
  guint             previewing : 1;
  guint             importing : 1;
  gboolean          busy;

  AdwBanner        *banner;
  AdwStatusPage    *choose_page;
  AdwPreferencesGroup *columns_group;
  GtkLabel         *duplicates_label;
  AdwPreferencesGroup *duplicates_group;
  AdwActionRow     *file_row;
  GtkCheckButton   *merge_check;
  GtkLabel         *new_label;
  GtkLabel         *rejected_label;
  AdwPreferencesGroup *rejections_group;
  GtkListView      *rejections_view;
  GtkCheckButton   *skip_check;
  GtkStack         *stack;
  AdwStatusPage    *working_page;
};

void      _kefu_import_dialog_update_state      (KefuImportDialog *self);
/* A count with the locale's digit grouping ("12,345"). */
char     *_kefu_import_dialog_format_count      (guint             count);
void      _kefu_import_dialog_show_working      (KefuImportDialog *self,
                                                 const char       *title);
void      _kefu_import_dialog_show_file_problem (KefuImportDialog *self,
                                                 const GError     *error);
/* Finishes g_file_load_bytes_async() on the dialog's file (a reference to the dialog as
 * user_data), then parses, maps and previews it off the main thread. */
void      _kefu_import_dialog_load_cb           (GObject          *object,
                                                 GAsyncResult     *result,
                                                 gpointer          user_data);

G_END_DECLS
