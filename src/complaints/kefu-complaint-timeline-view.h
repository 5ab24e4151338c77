/* kefu-complaint-timeline-view.h: the timeline of one complaint on its detail page: every event,
 * oldest first, newest last, as a vertical list: the event's icon, its title, who and when, the
 * text that came with it and each changed field old → new (words from kefu-complaint-timeline.h).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/kefu-event.h"

G_BEGIN_DECLS

/* How the view tells an event: its title, the text that came with it, its field changes
 * (KefuFieldChange) and its icon. The complaint's words (kefu-complaint-timeline.h) by default;
 * the after-sales timeline (kefu-aftersales-timeline-view.h) gives its own. */
typedef struct
{
  char       *(*title)     (KefuEvent *event);
  char       *(*text)      (KefuEvent *event);
  GPtrArray  *(*changes)   (KefuEvent *event);
  const char *(*icon_name) (KefuEvent *event);
} KefuTimelineWords;

#define KEFU_TYPE_COMPLAINT_TIMELINE_VIEW (kefu_complaint_timeline_view_get_type ())
G_DECLARE_FINAL_TYPE (KefuComplaintTimelineView, kefu_complaint_timeline_view,
                      KEFU, COMPLAINT_TIMELINE_VIEW, AdwBin)

GtkWidget  *kefu_complaint_timeline_view_new        (void);
/* The events shown (KefuEvent, oldest first; property "events"); NULL shows none. */
GListModel *kefu_complaint_timeline_view_get_events (KefuComplaintTimelineView *self);
void        kefu_complaint_timeline_view_set_events (KefuComplaintTimelineView *self,
                                                     GListModel                *events);
/* The words the rows are told with (`words` must outlive the view: a static table); set before
 * the events. */
void        kefu_complaint_timeline_view_set_words  (KefuComplaintTimelineView *self,
                                                     const KefuTimelineWords   *words);
/* The row of the event at `position` (for the tests: what a person reads there). */
GtkWidget  *kefu_complaint_timeline_view_get_row    (KefuComplaintTimelineView *self,
                                                     guint                      position);
/* Everything the row at `position` says, in reading order, joined by newlines. */
char       *kefu_complaint_timeline_view_dup_row_text (KefuComplaintTimelineView *self,
                                                       guint                      position);

G_END_DECLS
