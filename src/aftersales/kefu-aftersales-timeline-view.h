/* kefu-aftersales-timeline-view.h: the timeline of one shipment or service job on its detail
 * page: every event, oldest first, as the complaint timeline shows its own (the event's icon, its
 * title, who and when, the text that came with it and each changed field old → new), told in the
 * words of kefu-aftersales-timeline.h.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KEFU_TYPE_AFTERSALES_TIMELINE_VIEW (kefu_aftersales_timeline_view_get_type ())
G_DECLARE_FINAL_TYPE (KefuAftersalesTimelineView, kefu_aftersales_timeline_view,
                      KEFU, AFTERSALES_TIMELINE_VIEW, AdwBin)

GtkWidget  *kefu_aftersales_timeline_view_new           (void);
/* The events shown (KefuEvent, oldest first; property "events"); NULL shows none. */
GListModel *kefu_aftersales_timeline_view_get_events    (KefuAftersalesTimelineView *self);
void        kefu_aftersales_timeline_view_set_events    (KefuAftersalesTimelineView *self,
                                                         GListModel                 *events);
/* Everything the row at `position` says, in reading order, joined by newlines (for the tests:
 * what a person reads there); NULL past the end. */
char       *kefu_aftersales_timeline_view_dup_row_text  (KefuAftersalesTimelineView *self,
                                                         guint                       position);

G_END_DECLS
