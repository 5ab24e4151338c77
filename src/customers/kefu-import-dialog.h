/* kefu-import-dialog.h: importing customers from a CSV file: the file's encoding, which column
 * holds which field, a preview of what will happen (new customers, those already stored by phone,
 * rows refused and why), merge or skip for the stored ones, then one all-or-nothing import.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "store/kefu-store.h"

G_BEGIN_DECLS

#define KEFU_TYPE_IMPORT_DIALOG (kefu_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KefuImportDialog, kefu_import_dialog, KEFU, IMPORT_DIALOG, AdwDialog)

/* Emits "imported" (guint created, guint merged, guint skipped) after the import, then closes. */
KefuImportDialog *kefu_import_dialog_new            (KefuStore        *store);
/* Reads `file` as if the user had chosen it (the file chooser calls this). */
void              kefu_import_dialog_open_file      (KefuImportDialog *self,
                                                     GFile            *file);
/* TRUE while the file is read, the preview worked out or the import written. */
gboolean          kefu_import_dialog_get_busy       (KefuImportDialog *self);
/* The preview's figures (valid once not busy with a file open). */
guint             kefu_import_dialog_get_n_new       (KefuImportDialog *self);
guint             kefu_import_dialog_get_n_duplicates (KefuImportDialog *self);
guint             kefu_import_dialog_get_n_rejected  (KefuImportDialog *self);
/* One line per rejected row, "Line 4: …" (GtkStringObject). */
GListModel       *kefu_import_dialog_get_rejections (KefuImportDialog *self);
/* Merge (TRUE) or skip (FALSE, the default) customers whose phone is stored already. */
gboolean          kefu_import_dialog_get_merge      (KefuImportDialog *self);
void              kefu_import_dialog_set_merge      (KefuImportDialog *self,
                                                     gboolean          merge);

G_END_DECLS
