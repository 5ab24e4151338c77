/* kefu-sidebar-row.h: one pane in the window's sidebar: icon, title, an optional live count and
 * an optional marker of what needs attention now (urgent and overdue items).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The word of the red marker: "2 urgent" (the complaints) or "4 overdue" (after-sales, whose
 * marker counts shipments late or in exception). */
typedef enum
{
  KEFU_SIDEBAR_MARKER_URGENT,
  KEFU_SIDEBAR_MARKER_OVERDUE,
} KefuSidebarMarker;

#define KEFU_TYPE_SIDEBAR_MARKER (kefu_sidebar_marker_get_type ())
GType kefu_sidebar_marker_get_type (void) G_GNUC_CONST;

#define KEFU_TYPE_SIDEBAR_ROW (kefu_sidebar_row_get_type ())
G_DECLARE_FINAL_TYPE (KefuSidebarRow, kefu_sidebar_row, KEFU, SIDEBAR_ROW, GtkListBoxRow)

const char *kefu_sidebar_row_get_pane_name (KefuSidebarRow *self);
void        kefu_sidebar_row_set_pane_name (KefuSidebarRow *self,
                                            const char     *pane_name);
const char *kefu_sidebar_row_get_title     (KefuSidebarRow *self);
void        kefu_sidebar_row_set_title     (KefuSidebarRow *self,
                                            const char     *title);
const char *kefu_sidebar_row_get_icon_name (KefuSidebarRow *self);
void        kefu_sidebar_row_set_icon_name (KefuSidebarRow *self,
                                            const char     *icon_name);
/* The live count; -1 hides it. */
gint64      kefu_sidebar_row_get_count     (KefuSidebarRow *self);
void        kefu_sidebar_row_set_count     (KefuSidebarRow *self,
                                            gint64          count);

/* How many of the counted items are urgent (a red "N urgent" pill, or "N overdue" with the
 * OVERDUE marker kind) and how many overdue (said in
 * the tooltip and to screen readers); 0 or -1 shows nothing. */
gint64      kefu_sidebar_row_get_urgent    (KefuSidebarRow *self);
void        kefu_sidebar_row_set_urgent    (KefuSidebarRow *self,
                                            gint64          urgent);
gint64      kefu_sidebar_row_get_overdue   (KefuSidebarRow *self);
void        kefu_sidebar_row_set_overdue   (KefuSidebarRow *self,
                                            gint64          overdue);
/* What the "urgent" number is called on the marker ("marker-kind", URGENT by default). */
KefuSidebarMarker kefu_sidebar_row_get_marker_kind (KefuSidebarRow    *self);
void              kefu_sidebar_row_set_marker_kind (KefuSidebarRow    *self,
                                                    KefuSidebarMarker  marker_kind);
/* A sentence that breaks the count down ("12 open shipments, 3 open service jobs"), shown as
 * the tooltip and read after the count; NULL for none. */
const char *kefu_sidebar_row_get_details   (KefuSidebarRow *self);
void        kefu_sidebar_row_set_details   (KefuSidebarRow *self,
                                            const char     *details);

G_END_DECLS
