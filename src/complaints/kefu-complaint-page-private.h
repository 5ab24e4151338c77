/* kefu-complaint-page-private.h: what the detail page's files share: the page's struct, its
 * actions (kefu-complaint-page-actions.c), its sections (kefu-complaint-page-sections.c) and the
 * editing of what was captured at intake (kefu-complaint-page-edit.c, -merge.c).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/kefu-merge.h"
#include "intake/kefu-call-form.h"
#include "store/kefu-store-complaints.h"
#include "widgets/kefu-customer-history-view.h"
#include "widgets/kefu-presence-tracker.h"
#include "widgets/kefu-archive-banner.h"
#include "widgets/kefu-record-loader.h"

#include "kefu-complaint-page.h"
#include "kefu-complaint-timeline-view.h"

G_BEGIN_DECLS

/* A field captured at intake that kefu_store_update_complaint_call () saves. */
typedef struct
{
  const char *key;          /* its name in a details-changed event */
  const char *form_id;      /* the call form's field id; NULL: the form has no field for it */
  gboolean    on_complaint; /* a property of the complaint rather than of the call */
  const char *property;
  const char *label;        /* as the timeline names it (context "complaint field") */
} KefuComplaintPageField;

struct _KefuComplaintPage
{
  AdwNavigationPage          parent_instance;

  KefuStore                 *store;
  KefuStaff                 *staff;
  gint64                     complaint_id;
  KefuArchiveBanner          *archive_banner;

  /* What was read, all at once (kefu_complaint_page_reload ()). */
  KefuComplaintCard         *card;
  KefuCall                  *call;
  GListModel                *timeline;
  GPtrArray                 *visits;     /* KefuComplaintVisit */
  GPtrArray                 *linked;     /* KefuComplaintCard: the same product and batch */
  GListModel                *products;

  /* Brings the time left to the deadline up to date every minute. */
  guint                      tick_source;

  KefuRecordLoader          *loader;
  GCancellable              *action_cancellable;
  gboolean                   acting;

  /* The intake edit: a copy of the call the form changes; `modified` once something was
   * typed. */
  KefuCall                  *edit_call;
  gboolean                   editing;
  gboolean                   modified;
  gboolean                   saving;

  /* The merge with what others saved meanwhile (kefu-complaint-page-merge.c): the stored call
   * the form's values started from (or were last merged with), the newest event on the timeline
   * then, and a note under each field changed meanwhile (MergeNote). `resave`: a save refused
   * as stale goes again once merged without conflicts, at most a few times in a row
   * (`n_resaves`); `merged_on_save`: that save carries others' changes too. */
  KefuCall                  *base_call;
  gint64                     base_event_id;
  GPtrArray                 *merge_notes;
  gboolean                   resave;
  guint                      n_resaves;
  gboolean                   merged_on_save;
  /* The complaint can no longer be edited but the form holds changes
   * (kefu-complaint-page-keep.c): the offer to add them as a note was made by itself once;
   * `saving` stands while the note is written. */
  gboolean                   note_offered;

  /* "Being edited by …": marked while the intake edit is open; others' marks in
   * presence_banner. */
  KefuPresenceTracker       *presence;
  AdwBanner                 *presence_banner;

  AdwBanner                 *banner;
  GtkListBox                *batch_list;
  AdwPreferencesGroup       *batch_group;
  KefuCallForm              *call_form;
  GtkListBox                *deadlines_list;
  GtkBox                    *deadline_box;
  GtkImage                  *deadline_icon;
  GtkLabel                  *deadline_label;
  GtkButton                 *discard_button;
  GtkButton                 *edit_button;
  GtkButton                 *history_button;
  AdwStatusPage             *error_page;
  GtkLabel                  *escalation_label;
  GtkLabel                  *heading_label;
  KefuCustomerHistoryView   *history_view;
  AdwPreferencesGroup       *intake_group;
  GtkListBox                *intake_list;
  GtkStack                  *intake_stack;
  GtkButton                 *leave_button;
  GtkListBox                *merge_list;
  AdwWrapBox                *actions_box;
  GtkButton                 *note_button;
  GtkListBox                *outcome_list;
  GtkLabel                  *owner_label;
  GtkButton                 *routes_button;
  GtkListBox                *routes_list;
  GtkButton                 *save_button;
  GtkStack                  *stack;
  GtkLabel                  *stage_label;
  GtkLabel                  *summary_label;
  KefuComplaintTimelineView *timeline_view;
  AdwToastOverlay           *toast_overlay;
  GtkLabel                  *urgent_label;
  GtkButton                 *visit_button;
  AdwPreferencesGroup       *visits_group;
  GtkListBox                *visits_list;
};

/* In kefu-complaint-page.c. */
void     _kefu_complaint_page_reload          (KefuComplaintPage *self);

/* In kefu-complaint-page-actions.c. */
/* Connects the sections' action buttons (routing, visit, note), once. */
void     _kefu_complaint_page_init_actions    (KefuComplaintPage *self);
void     _kefu_complaint_page_update_actions  (KefuComplaintPage *self);
/* Shows a store's refusal or failure: a banner that stays for a stale version (with the
 * complaint read again), a toast otherwise. */
void     _kefu_complaint_page_show_error      (KefuComplaintPage *self,
                                               const GError      *error);
/* The rules' view of the person working now on this complaint. */
void     _kefu_complaint_page_get_actor       (KefuComplaintPage  *self,
                                               KefuComplaintActor *actor);

/* In kefu-complaint-page-sections.c: fill the head and sections from what was read. */
void     _kefu_complaint_page_show_head       (KefuComplaintPage *self);
void     _kefu_complaint_page_show_sections   (KefuComplaintPage *self);
/* The last event of `action` ("acknowledged" …) on the timeline, or NULL. */
KefuEvent *_kefu_complaint_page_find_event    (KefuComplaintPage *self,
                                               const char        *action,
                                               gint64             department_id);

/* In kefu-complaint-page-edit.c: the intake edit. */
gboolean _kefu_complaint_page_can_edit        (KefuComplaintPage *self);
void     _kefu_complaint_page_edit            (KefuComplaintPage *self);
void     _kefu_complaint_page_discard         (KefuComplaintPage *self);
void     _kefu_complaint_page_save            (KefuComplaintPage *self);
void     _kefu_complaint_page_leave           (KefuComplaintPage *self);
/* The edit ends, whatever the form holds. */
void     _kefu_complaint_page_stop_editing    (KefuComplaintPage *self);
/* A write of the edit (its save, or the note kept from it) starts: the form waits for it. */
void     _kefu_complaint_page_edit_writing    (KefuComplaintPage *self);
/* A write of the edit came back: on success the edit ends with `done` said and the board
 * follows; a failure is shown and the text stays. */
void     _kefu_complaint_page_edit_written    (KefuComplaintPage *self,
                                               const GError      *error,
                                               const char        *done);
/* After a read: an edit in progress goes on against the version read; once the complaint can
 * no longer be edited, what was typed is offered as a note (kefu-complaint-page-keep.c), and
 * the edit ends when nothing was. */
void     _kefu_complaint_page_follow_read     (KefuComplaintPage *self);
void     _kefu_complaint_page_set_modified    (KefuComplaintPage *self,
                                               gboolean           modified);
/* A copy of a call and its complaint that shares nothing with it. */
KefuCall *_kefu_complaint_page_copy_call      (KefuCall          *call);

/* In kefu-complaint-page-keep.c: the complaint can no longer be edited by this person but the
 * form holds changes: asks whether to add them as a note or discard them. FALSE (nothing
 * asked) when nothing typed differs from what is stored. */
gboolean _kefu_complaint_page_offer_note      (KefuComplaintPage *self);

/* In kefu-complaint-page-fields.c: the fields captured at intake, in the form's order. */
const KefuComplaintPageField *_kefu_complaint_page_fields (guint *n_fields);
/* The same fields, in the same order, for the core merge (core/kefu-merge.h). */
const KefuMergeField *_kefu_complaint_page_merge_fields (guint *n_fields);
/* The field's name, translated. */
const char *_kefu_complaint_page_field_label  (const KefuComplaintPageField *field);
/* Reads the field of `call` into `value` (initialised here); FALSE when the call has no such
 * record. */
gboolean _kefu_complaint_page_field_get       (KefuCall                     *call,
                                               const KefuComplaintPageField *field,
                                               GValue                       *value);
/* Equal as stored (empty text is none, times to the second, dates by day); TRUE when either
 * call lacks the record. */
gboolean _kefu_complaint_page_field_equal     (KefuCall                     *a,
                                               KefuCall                     *b,
                                               const KefuComplaintPageField *field);
/* Writes `value` into `call` (the form's copy shows it through its bindings). */
void     _kefu_complaint_page_field_set       (KefuCall                     *call,
                                               const KefuComplaintPageField *field,
                                               const GValue                 *value);
/* A value as a person reads it (a product by its name); NULL when empty. */
char    *_kefu_complaint_page_value_text      (KefuComplaintPage *self,
                                               const GValue      *value);

/* In kefu-complaint-page-merge.c: what others saved while the intake edit was open. */
/* The edit starts from the call as read now. */
void     _kefu_complaint_page_merge_start     (KefuComplaintPage *self);
/* Compares, field by field, what the form started from (base), what is typed (mine) and what
 * is stored now (theirs): a field changed only by them takes theirs, with a note saying who;
 * one changed only here keeps what was typed; one changed on both sides is a conflict shown
 * under the field until the person keeps theirs or takes the other. The stored call becomes
 * the new base. TRUE when someone else had changed a field. */
gboolean _kefu_complaint_page_merge           (KefuComplaintPage *self);
/* The conflicts not decided yet: Save waits for them. */
guint    _kefu_complaint_page_merge_n_conflicts (KefuComplaintPage *self);
/* Moves the keyboard focus to the first undecided conflict. */
void     _kefu_complaint_page_merge_focus     (KefuComplaintPage *self);
/* The edit ends: the notes and the base go. */
void     _kefu_complaint_page_merge_clear     (KefuComplaintPage *self);

G_END_DECLS
