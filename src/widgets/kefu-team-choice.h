/* kefu-team-choice.h: the choice of a team and a clerk that the dashboard and the reports share:
 * two choosers (GtkDropDown or AdwComboRow, anything with a "model" and a "selected"
 * property) filled with "All teams" then the departments, and "All clerks" then the staff of
 * the chosen team, in the store's order. The models are GtkStringLists of the names.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "store/kefu-store.h"

G_BEGIN_DECLS

typedef enum
{
  KEFU_TEAM_CHOICE_DEFAULT     = 0,
  /* Only the staff who still work here (a report of a past month names those who left). */
  KEFU_TEAM_CHOICE_ACTIVE_ONLY = 1 << 0,
  /* Only the staff who take calls or make callbacks: the dashboard's figures are theirs. */
  KEFU_TEAM_CHOICE_FRONT_LINE  = 1 << 1,
} KefuTeamChoiceFlags;

#define KEFU_TYPE_TEAM_CHOICE (kefu_team_choice_get_type ())
G_DECLARE_FINAL_TYPE (KefuTeamChoice, kefu_team_choice, KEFU, TEAM_CHOICE, GObject)

/* Fills `team_chooser` and `clerk_chooser` with the "all" items alone until people are given.
 * A team chosen by the user lists its staff and chooses "All clerks"; either choice made by the
 * user emits "changed" (filling the choosers does not). */
KefuTeamChoice *kefu_team_choice_new          (GObject             *team_chooser,
                                               GObject             *clerk_chooser,
                                               KefuTeamChoiceFlags  flags);
/* The departments (KefuDepartment) and staff (KefuStaff) to choose from; NULL for none. The
 * team and clerk chosen stay chosen while they are listed, else "all" is. */
void            kefu_team_choice_set_people   (KefuTeamChoice      *self,
                                               GListModel          *departments,
                                               GListModel          *staff);
/* Reads the departments and the staff (active only with KEFU_TEAM_CHOICE_ACTIVE_ONLY) on the
 * store's worker and sets them. A cancelled read sets nothing. */
void            kefu_team_choice_read_async   (KefuTeamChoice      *self,
                                               KefuStore           *store,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean        kefu_team_choice_read_finish  (KefuTeamChoice      *self,
                                               GAsyncResult        *result,
                                               GError             **error);
/* Chooses the team `team_id` and, among its staff, `clerk_id` (0: all; "all" too when not
 * listed), without "changed". */
void            kefu_team_choice_select       (KefuTeamChoice      *self,
                                               gint64               team_id,
                                               gint64               clerk_id);
/* The chosen department's and staff member's ids; 0 for all. */
gint64          kefu_team_choice_get_team_id  (KefuTeamChoice      *self);
gint64          kefu_team_choice_get_clerk_id (KefuTeamChoice      *self);
/* The chosen items' names ("All teams" for all). */
const char     *kefu_team_choice_get_team_name  (KefuTeamChoice    *self);
const char     *kefu_team_choice_get_clerk_name (KefuTeamChoice    *self);
/* Whom the figures are about, for a heading: the clerk's name when one is chosen, else the
 * team's; NULL for all. */
const char     *kefu_team_choice_get_subject  (KefuTeamChoice      *self);

G_END_DECLS
