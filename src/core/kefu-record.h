/* kefu-record.h: the base of every stored record (id, version, created-at, updated-at).
 *
 * id and version are 0 until the record is stored: the store sets version 1 on insert and bumps it
 * on every update, which must name the version it read (optimistic concurrency). created-at and
 * updated-at are UTC GDateTimes, NULL until stored.
 *
 * Text convention for every record type: text getters never return NULL. An unset or empty text
 * property reads as "" (so widgets can bind to it directly); setting NULL or "" is the same and
 * notifies only when the value really changes. The store writes SQL NULL for empty optional text
 * and reads NULL back as "".
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define KEFU_TYPE_RECORD (kefu_record_get_type ())
G_DECLARE_DERIVABLE_TYPE (KefuRecord, kefu_record, KEFU, RECORD, GObject)

struct _KefuRecordClass
{
  GObjectClass parent_class;
};

gint64     kefu_record_get_id         (KefuRecord *self);
void       kefu_record_set_id         (KefuRecord *self, gint64 id);
gint64     kefu_record_get_version    (KefuRecord *self);
void       kefu_record_set_version    (KefuRecord *self, gint64 version);
GDateTime *kefu_record_get_created_at (KefuRecord *self);
void       kefu_record_set_created_at (KefuRecord *self, GDateTime *created_at);
GDateTime *kefu_record_get_updated_at (KefuRecord *self);
void       kefu_record_set_updated_at (KefuRecord *self, GDateTime *updated_at);

G_END_DECLS
