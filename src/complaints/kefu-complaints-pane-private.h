/* kefu-complaints-pane-private.h: what the complaints pane's files share (the pane in
 * kefu-complaints-pane.c, its board in kefu-complaints-pane-board.c, its actions, drops and moves
 * in kefu-complaints-pane-actions.c), and what the tests look at.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kefu-batch-alert-banner.h"
#include "kefu-board-column.h"
#include "kefu-board-summary.h"
#include "kefu-board-text.h"
#include "kefu-complaint-filter-bar.h"
#include "kefu-complaint-list-view.h"
#include "kefu-complaint-page.h"
#include "kefu-complaints-pane.h"

G_BEGIN_DECLS

/* The board's columns, in board order (kefu_board_stage_at ()). */
#define KEFU_BOARD_N_COLUMNS KEFU_BOARD_N_STAGES

struct _KefuComplaintsPane
{
  AdwBin                  parent_instance;

  KefuStore              *store;
  KefuStaff              *staff;
  KefuLive               *live;              /* what others save; NULL: nothing live */
  GCancellable           *cancellable;       /* the store's calls; renewed per store */
  GCancellable           *load_cancellable;  /* the board read under way */
  GHashTable             *cards;             /* complaint id → KefuComplaintCard on the board */
  KefuBoardColumn        *columns[KEFU_BOARD_N_COLUMNS];
  GDateTime              *clock;             /* a fixed "now" (tests); NULL: the real time */
  KefuComplaintPage      *page;              /* the detail page shown, if any */
  char                   *last_toast;
  char                   *load_error;
  gint64                  load_started;      /* monotonic µs of the board read under way */
  gint64                  load_time;         /* µs from the last read's start to filled columns */
  gint64                  loaded_at;         /* monotonic µs when the board was last filled */
  guint                   tick_source;
  guint                   n_running;         /* actions running (dialogs, writes) */
  guint                   store_pending : 1; /* given a store while hidden */
  guint                   loading_board : 1;
  guint                   loading_departments : 1;
  guint                   loaded : 1;        /* the board has been read once for this store */
  guint                   list_stale : 1;    /* the list has not been given the current filter */
  gboolean                busy;
  gboolean                show_filters;

  GtkBox                 *board_box;
  GtkScrolledWindow      *board_scroller;
  GtkStack               *board_stack;
  KefuBatchAlertBanner   *banner;
  GtkWidget              *empty_clear_button;
  AdwStatusPage          *empty_page;
  AdwStatusPage          *error_page;
  KefuComplaintFilterBar *filter_bar;
  GtkRevealer            *filter_revealer;
  KefuComplaintListView  *list_view;
  AdwNavigationView      *navigation_view;
  GtkSearchBar           *search_bar;
  GtkToggleButton        *search_button;
  GtkSearchEntry         *search_entry;
  KefuBoardSummary       *summary;
  GtkStack               *view_stack;
  AdwToggleGroup         *view_toggles;
};

/* kefu-complaints-pane.c */
void               _kefu_complaints_pane_toast          (KefuComplaintsPane *self,
                                                         const char         *message);
void               _kefu_complaints_pane_update_busy    (KefuComplaintsPane *self);
void               _kefu_complaints_pane_set_view       (KefuComplaintsPane *self,
                                                         const char         *view);

/* kefu-complaints-pane-board.c */
/* Makes the columns, in board order, into the board's box. */
void               _kefu_complaints_pane_init_board     (KefuComplaintsPane *self);
/* Reads the board again (and the banner; the list when it is shown). */
void               _kefu_complaints_pane_reload         (KefuComplaintsPane *self);
/* Someone saved complaints: the board, the banner and the list shown read again, changing only
 * where the store did (the list keeps its selection and scroll position). */
void               _kefu_complaints_pane_live_reload    (KefuComplaintsPane *self);
/* Reads everything of a new store: the board, then the departments for the filter bar. */
void               _kefu_complaints_pane_load_store     (KefuComplaintsPane *self);
void               _kefu_complaints_pane_clear_board    (KefuComplaintsPane *self);
/* Shows the cards as at the pane's clock: their deadlines, the late counts, the summary. */
void               _kefu_complaints_pane_refresh_board  (KefuComplaintsPane *self);
/* Takes the board to `stage`'s column (opening it) and the focus to its first card. */
void               _kefu_complaints_pane_show_stage     (KefuComplaintsPane *self,
                                                         KefuComplaintStage  stage);
/* Shows the board, or what stands for it: loading, empty (filtered or not), or the error. */
void               _kefu_complaints_pane_update_board_view (KefuComplaintsPane *self);
/* Gives the list view the store and the filter when it is shown and they are not current. */
void               _kefu_complaints_pane_sync_list_view (KefuComplaintsPane *self);
/* A new filter from the bar, the search text and the clock. */
KefuComplaintFilter *_kefu_complaints_pane_make_filter  (KefuComplaintsPane *self);
KefuComplaintCard *_kefu_complaints_pane_find_card      (KefuComplaintsPane *self,
                                                         gint64              complaint_id);

/* kefu-complaints-pane-actions.c */
void               _kefu_complaints_pane_install_actions (GtkWidgetClass    *widget_class);
void               _kefu_complaints_pane_update_actions (KefuComplaintsPane *self);
/* What a drop of `card` on the column of `to` does: FALSE (and a toast with the reason) when the
 * rules refuse it, so the card snaps back; TRUE when the action is under way. */
gboolean           _kefu_complaints_pane_move           (KefuComplaintsPane *self,
                                                         KefuComplaintCard  *card,
                                                         KefuComplaintStage  to);
/* Takes `action` on `card`: FALSE (and a toast) when the rules refuse it for the person working. */
gboolean           _kefu_complaints_pane_take_action    (KefuComplaintsPane *self,
                                                         KefuComplaintCard  *card,
                                                         KefuComplaintAction action,
                                                         KefuSatisfaction    satisfaction);

/* For tests. */
void               _kefu_complaints_pane_set_clock      (KefuComplaintsPane *self,
                                                         GDateTime          *now);
KefuBoardColumn   *_kefu_complaints_pane_get_column     (KefuComplaintsPane *self,
                                                         KefuComplaintStage  stage);
const char        *_kefu_complaints_pane_get_last_toast (KefuComplaintsPane *self);
/* Microseconds from the start of the last board read to its columns filled. */
gint64             _kefu_complaints_pane_get_load_time  (KefuComplaintsPane *self);
/* The name of the board's shown page: "board", "loading", "empty" or "error". */
const char        *_kefu_complaints_pane_get_board_state (KefuComplaintsPane *self);

G_END_DECLS
