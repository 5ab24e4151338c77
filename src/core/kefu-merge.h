/* kefu-merge.h: the three-way merge of one record edited by two people at once.
 *
 * When a save is refused as stale (someone else saved the record since it was read), three
 * versions of the record are compared field by field: base (the record as read when the edit
 * started), mine (what this person typed) and theirs (the record as stored now). Each field is
 *
 *   UNCHANGED  nobody changed it;
 *   MINE       only this person changed it: what was typed is kept;
 *   THEIRS     only the other person changed it: their value is taken by itself;
 *   SAME       both changed it to the same value: nothing to decide;
 *   CONFLICT   both changed it, differently: the person picks one value or the other.
 *
 * The merged record is theirs (with its version, so the next save goes through) with mine's
 * value on MINE fields and the chosen value on CONFLICT fields: kefu_merge_apply () writes it
 * into a record. Nothing typed is lost: a conflict kept as "theirs" is still readable as mine.
 *
 * Who changed a field and when comes from the record's events (kefu_merge_set_events ()): the
 * newest event after the base that names the field, either as {"changes":{"field":…}} or as
 * {"changed":["field",…]}.
 *
 * Fields are properties of the record, or of an object one of its properties holds, written as
 * a path: "complaint.subject" is the "subject" of the record's "complaint".
 *
 * GLib only.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  KEFU_MERGE_UNCHANGED,
  KEFU_MERGE_MINE,
  KEFU_MERGE_THEIRS,
  KEFU_MERGE_SAME,
  KEFU_MERGE_CONFLICT,
} KefuMergeState;

typedef enum
{
  KEFU_MERGE_CHOICE_NONE,    /* a conflict not decided yet */
  KEFU_MERGE_CHOICE_MINE,
  KEFU_MERGE_CHOICE_THEIRS,
} KefuMergeChoice;

/* For a record whose fields are plain struct members rather than properties: reads the field
 * into `value` (initialised here; FALSE when the record has none), writes it. */
typedef gboolean (*KefuMergeGetFunc) (GObject      *record,
                                      GValue       *value);
typedef void     (*KefuMergeSetFunc) (GObject      *record,
                                      const GValue *value);

typedef struct
{
  const char       *key;       /* the field's name in the events' details */
  const char       *property;  /* a property of the record, or "object.property"; NULL with get */
  const char       *context;   /* msgctxt of `label`, or NULL */
  const char       *label;     /* untranslated (N_ / NC_); kefu_merge_field_get_label () translates */
  KefuMergeGetFunc  get;       /* NULL: the property */
  KefuMergeSetFunc  set;
} KefuMergeField;

#define KEFU_MERGE_ERROR (kefu_merge_error_quark ())

typedef enum
{
  KEFU_MERGE_ERROR_UNDECIDED,   /* a conflict has no choice yet */
} KefuMergeError;

GQuark kefu_merge_error_quark (void);

#define KEFU_TYPE_MERGE (kefu_merge_get_type ())
G_DECLARE_FINAL_TYPE (KefuMerge, kefu_merge, KEFU, MERGE, GObject)

/* Compares the three versions now; `fields` must outlive the merge (a static table). The
 * records are only read here: the merge keeps copies of the values. */
KefuMerge            *kefu_merge_new              (const KefuMergeField *fields,
                                                   guint                 n_fields,
                                                   GObject              *base,
                                                   GObject              *mine,
                                                   GObject              *theirs);

guint                 kefu_merge_get_n_fields     (KefuMerge *self);
const KefuMergeField *kefu_merge_get_field        (KefuMerge *self,
                                                   guint      i);
/* The index of the field with `key`, or -1. */
int                   kefu_merge_find_field       (KefuMerge  *self,
                                                   const char *key);
KefuMergeState        kefu_merge_get_state        (KefuMerge *self,
                                                   guint      i);
const GValue         *kefu_merge_get_base         (KefuMerge *self,
                                                   guint      i);
const GValue         *kefu_merge_get_mine         (KefuMerge *self,
                                                   guint      i);
const GValue         *kefu_merge_get_theirs       (KefuMerge *self,
                                                   guint      i);
/* The value the merged record gets: mine (MINE), theirs (THEIRS, SAME, UNCHANGED), the chosen
 * one (CONFLICT); NULL for an undecided conflict. */
const GValue         *kefu_merge_get_merged       (KefuMerge *self,
                                                   guint      i);

/* Only a CONFLICT field takes a choice; FALSE otherwise. */
gboolean              kefu_merge_set_choice       (KefuMerge       *self,
                                                   guint            i,
                                                   KefuMergeChoice  choice);
KefuMergeChoice       kefu_merge_get_choice       (KefuMerge *self,
                                                   guint      i);

/* How many fields are in `state`. */
guint                 kefu_merge_count            (KefuMerge      *self,
                                                   KefuMergeState  state);
/* Conflicts still without a choice: the merged record cannot be made until it is 0. */
guint                 kefu_merge_get_n_undecided  (KefuMerge *self);
/* Whether the other person changed anything (THEIRS, SAME or CONFLICT fields). */
gboolean              kefu_merge_has_their_changes (KefuMerge *self);

/* Writes the merged values into `target` (a copy of theirs, or mine's form copy), setting only
 * the fields whose value differs from the target's. Refuses with KEFU_MERGE_ERROR_UNDECIDED
 * while a conflict is undecided, writing nothing. */
gboolean              kefu_merge_apply            (KefuMerge  *self,
                                                   GObject    *target,
                                                   GError    **error);

/* Who changed each field: `events` (KefuEvent, any order) of the record; only events with an
 * id above `after_event_id` (the newest event when the edit started) count. A field no event
 * names takes the newest counted event whose action is `fallback_action` (any action when
 * NULL). */
void                  kefu_merge_set_events       (KefuMerge  *self,
                                                   GListModel *events,
                                                   gint64      after_event_id,
                                                   const char *fallback_action);
/* The name of who changed the field on their side, NULL when no event says. */
const char           *kefu_merge_get_changed_by   (KefuMerge *self,
                                                   guint      i);
/* When; NULL when no event says. */
GDateTime            *kefu_merge_get_changed_at   (KefuMerge *self,
                                                   guint      i);

/* Field helpers, shared with pages that merge into a form. */
const char           *kefu_merge_field_get_label  (const KefuMergeField *field);
/* Reads the field of `record` into `value` (initialised here); FALSE when the record (or the
 * object on the path) is missing or has no such property. */
gboolean              kefu_merge_field_get        (const KefuMergeField *field,
                                                   GObject              *record,
                                                   GValue               *value);
/* Writes the field of `record`; FALSE when it has no such property. */
gboolean              kefu_merge_field_set        (const KefuMergeField *field,
                                                   GObject              *record,
                                                   const GValue         *value);
/* Equal as stored: empty text is none, times to the second, dates by day, empty lists none. */
gboolean              kefu_merge_values_equal     (const GValue *a,
                                                   const GValue *b);
/* A value as a person reads it, NULL when empty: text, numbers, yes / no, dates, times in the
 * local zone, lists joined; an enum by its nick (pages name their enums themselves). */
char                 *kefu_merge_value_to_text    (const GValue *value);
/* The newest event id of `events` (KefuEvent), 0 when empty. */
gint64                kefu_merge_newest_event_id  (GListModel *events);

G_END_DECLS
