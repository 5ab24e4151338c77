/* kefu-record-loader.h: the reading of a detail page's record (a complaint, a shipment, a
 * service job), shared by those pages: everything the page shows is read in one go on the
 * store's worker, a newer read cancels the one before, the stack shows "loading" until the page
 * has a record and the error page when the first read fails, while a page that shows its record
 * keeps it and says what went wrong in a toast; the page's read-only "busy" follows the read
 * (and the page's own action, kefu_record_loader_set_acting ()). The page keeps only what it
 * reads and how it shows it.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "store/kefu-store.h"

G_BEGIN_DECLS

/* What a page reads and shows. */
typedef struct
{
  /* Run on the store's worker with a gint64 * (the record's id) as `data`: everything the page
   * shows, as one GObject whose data hold the parts. */
  KefuStoreFunc   load;
  /* TRUE when the page shows a record now. */
  gboolean      (*has_record) (GtkWidget *owner);
  /* Shows what `load` read. The loader shows its stack's record page after. */
  void          (*show)       (GtkWidget *owner,
                               GObject   *loaded);
  /* Optional: a read failed (before the failure is shown). */
  void          (*failed)     (GtkWidget *owner);
} KefuRecordLoaderFuncs;

#define KEFU_TYPE_RECORD_LOADER (kefu_record_loader_get_type ())
G_DECLARE_FINAL_TYPE (KefuRecordLoader, kefu_record_loader, KEFU, RECORD_LOADER, GObject)

/* `stack` has the pages "loading", "error" (whose status page is `error_page`) and
 * `record_page`; `busy` is the owner's read-only "busy" property. The widgets are borrowed: the
 * owner releases the loader in its dispose (kefu_record_loader_release ()). */
KefuRecordLoader *kefu_record_loader_new        (GtkWidget                   *owner,
                                                 const KefuRecordLoaderFuncs *funcs,
                                                 GtkStack                    *stack,
                                                 const char                  *record_page,
                                                 AdwStatusPage               *error_page,
                                                 AdwToastOverlay             *toast_overlay,
                                                 GParamSpec                  *busy);
/* Reads record `id` of `store` again, the read before cancelled; nothing without a store or an
 * id. */
void              kefu_record_loader_load       (KefuRecordLoader            *self,
                                                 KefuStore                   *store,
                                                 gint64                       id);
/* The owner's dispose: stops the read under way, if any (its answer is dropped), and drops the
 * owner's reference. */
void              kefu_record_loader_release    (KefuRecordLoader            *self);
/* TRUE while a read or the page's action is under way (FALSE for a NULL loader, released). */
gboolean          kefu_record_loader_get_busy   (KefuRecordLoader            *self);
void              kefu_record_loader_set_acting (KefuRecordLoader            *self,
                                                 gboolean                     acting);

/* Installs a record page's properties as numbers 1 to 4 of `klass`, in `properties`: "store"
 * (KefuStore) and "staff" (KefuStaff), `id_name` (a construct-only gint64 id; a string
 * literal, kept) and the read-only "busy". */
void              kefu_record_loader_install_properties (GObjectClass *klass,
                                                         GParamSpec   *properties[5],
                                                         const char   *id_name);

G_END_DECLS
