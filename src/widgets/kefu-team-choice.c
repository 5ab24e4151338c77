/* kefu-team-choice.c: the choice of a team and a clerk (see the header).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-team-choice"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-roles.h"

#include "kefu-team-choice.h"

struct _KefuTeamChoice
{
  GObject parent_instance;

  GObject             *team_chooser;
  GObject             *clerk_chooser;
  KefuTeamChoiceFlags  flags;
  GListModel          *departments;  /* KefuDepartment */
  GListModel          *staff;        /* KefuStaff */
  GtkStringList       *team_names;
  GtkStringList       *clerk_names;
  GArray              *team_ids;     /* gint64 per team_names item; 0: all teams */
  GArray              *clerk_ids;    /* gint64 per clerk_names item; 0: all clerks */
  gint64               team_id;
  gint64               clerk_id;
  gboolean             filling;      /* the choosers are being filled, not chosen */
};

G_DEFINE_FINAL_TYPE (KefuTeamChoice, kefu_team_choice, G_TYPE_OBJECT)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static guint
chooser_get_selected (GObject *chooser)
{
  guint selected = GTK_INVALID_LIST_POSITION;

  g_object_get (chooser, "selected", &selected, NULL);
  return selected;
}

static gint64
id_at (GArray *ids,
       guint   position)
{
  return position < ids->len ? g_array_index (ids, gint64, position) : 0;
}

static guint
position_of (GArray *ids,
             gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return i;
  return 0;
}

/* Gives `chooser` the names and chooses `id`'s item ("all" when it is not listed); the id
 * chosen. */
static gint64
fill (KefuTeamChoice *self,
      GObject        *chooser,
      GtkStringList  *names,
      GArray         *ids,
      gint64          id)
{
  guint position = position_of (ids, id);

  /* Once disposed, the choosers have gone with their window. */
  if (chooser == NULL)
    return id_at (ids, position);
  self->filling = TRUE;
  g_object_set (chooser, "model", names, "selected", position, NULL);
  self->filling = FALSE;
  return id_at (ids, position);
}

static gboolean
is_listed (KefuTeamChoice *self,
           KefuStaff      *person)
{
  KefuRole role = kefu_staff_get_role (person);

  if (self->team_id != 0 && kefu_staff_get_department_id (person) != self->team_id)
    return FALSE;
  if ((self->flags & KEFU_TEAM_CHOICE_ACTIVE_ONLY) && !kefu_staff_get_active (person))
    return FALSE;
  if ((self->flags & KEFU_TEAM_CHOICE_FRONT_LINE) &&
      !kefu_role_can_take_calls (role) && !kefu_role_can_make_callbacks (role))
    return FALSE;
  return TRUE;
}

static void
fill_clerks (KefuTeamChoice *self)
{
  gint64 none = 0;

  g_clear_object (&self->clerk_names);
  self->clerk_names = gtk_string_list_new (NULL);
  g_array_set_size (self->clerk_ids, 0);
  gtk_string_list_append (self->clerk_names, _("All clerks"));
  g_array_append_val (self->clerk_ids, none);
  for (guint i = 0; self->staff != NULL && i < g_list_model_get_n_items (self->staff); i++)
    {
      g_autoptr(KefuStaff) person = g_list_model_get_item (self->staff, i);
      gint64 id = kefu_record_get_id (KEFU_RECORD (person));

      if (!is_listed (self, person))
        continue;
      gtk_string_list_append (self->clerk_names, kefu_staff_get_name (person));
      g_array_append_val (self->clerk_ids, id);
    }
  self->clerk_id = fill (self, self->clerk_chooser, self->clerk_names, self->clerk_ids,
                         self->clerk_id);
}

static void
fill_teams (KefuTeamChoice *self)
{
  gint64 none = 0;

  g_clear_object (&self->team_names);
  self->team_names = gtk_string_list_new (NULL);
  g_array_set_size (self->team_ids, 0);
  gtk_string_list_append (self->team_names, _("All teams"));
  g_array_append_val (self->team_ids, none);
  for (guint i = 0; self->departments != NULL && i < g_list_model_get_n_items (self->departments);
       i++)
    {
      g_autoptr(KefuDepartment) department = g_list_model_get_item (self->departments, i);
      gint64 id = kefu_record_get_id (KEFU_RECORD (department));

      gtk_string_list_append (self->team_names, kefu_department_get_name (department));
      g_array_append_val (self->team_ids, id);
    }
  self->team_id = fill (self, self->team_chooser, self->team_names, self->team_ids,
                        self->team_id);
  fill_clerks (self);
}

static void
team_chosen_cb (KefuTeamChoice *self)
{
  if (self->filling)
    return;
  /* Another team: its staff, all of them until one is chosen. */
  self->team_id = id_at (self->team_ids, chooser_get_selected (self->team_chooser));
  self->clerk_id = 0;
  fill_clerks (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
clerk_chosen_cb (KefuTeamChoice *self)
{
  if (self->filling)
    return;
  self->clerk_id = id_at (self->clerk_ids, chooser_get_selected (self->clerk_chooser));
  g_signal_emit (self, signals[CHANGED], 0);
}

static gboolean
is_chooser (GObject *chooser)
{
  GObjectClass *klass = G_OBJECT_GET_CLASS (chooser);
  GParamSpec *model = g_object_class_find_property (klass, "model");
  GParamSpec *selected = g_object_class_find_property (klass, "selected");

  return model != NULL && g_type_is_a (model->value_type, G_TYPE_LIST_MODEL) &&
         selected != NULL && selected->value_type == G_TYPE_UINT;
}

KefuTeamChoice *
kefu_team_choice_new (GObject             *team_chooser,
                      GObject             *clerk_chooser,
                      KefuTeamChoiceFlags  flags)
{
  KefuTeamChoice *self;

  g_return_val_if_fail (G_IS_OBJECT (team_chooser) && is_chooser (team_chooser), NULL);
  g_return_val_if_fail (G_IS_OBJECT (clerk_chooser) && is_chooser (clerk_chooser), NULL);

  self = g_object_new (KEFU_TYPE_TEAM_CHOICE, NULL);
  self->team_chooser = g_object_ref (team_chooser);
  self->clerk_chooser = g_object_ref (clerk_chooser);
  self->flags = flags;
  g_signal_connect_object (team_chooser, "notify::selected", G_CALLBACK (team_chosen_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (clerk_chooser, "notify::selected", G_CALLBACK (clerk_chosen_cb), self,
                           G_CONNECT_SWAPPED);
  fill_teams (self);
  return self;
}

void
kefu_team_choice_set_people (KefuTeamChoice *self,
                             GListModel     *departments,
                             GListModel     *staff)
{
  g_return_if_fail (KEFU_IS_TEAM_CHOICE (self));
  g_return_if_fail (departments == NULL || G_IS_LIST_MODEL (departments));
  g_return_if_fail (staff == NULL || G_IS_LIST_MODEL (staff));

  g_set_object (&self->departments, departments);
  g_set_object (&self->staff, staff);
  fill_teams (self);
}

/* The departments and the staff, read together on the worker: a list of the two models
 * (kefu_store_run_async () carries an object). */
static gpointer
read_func (KefuStore     *store,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  gboolean active_only = GPOINTER_TO_INT (data);
  g_autoptr(GListModel) departments = NULL;
  g_autoptr(GListModel) staff = NULL;
  GListStore *both;

  departments = kefu_store_list_departments (store, cancellable, error);
  if (departments == NULL)
    return NULL;
  staff = kefu_store_list_staff (store, active_only, cancellable, error);
  if (staff == NULL)
    return NULL;
  both = g_list_store_new (G_TYPE_OBJECT);
  g_list_store_append (both, departments);
  g_list_store_append (both, staff);
  return both;
}

static void
read_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  KefuTeamChoice *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) both = kefu_store_run_finish (KEFU_STORE (source), result, &error);
  g_autoptr(GListModel) departments = NULL;
  g_autoptr(GListModel) staff = NULL;

  if (both == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  departments = g_list_model_get_item (both, 0);
  staff = g_list_model_get_item (both, 1);
  kefu_team_choice_set_people (self, departments, staff);
  g_task_return_boolean (task, TRUE);
}

void
kefu_team_choice_read_async (KefuTeamChoice      *self,
                             KefuStore           *store,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (KEFU_IS_TEAM_CHOICE (self));
  g_return_if_fail (KEFU_IS_STORE (store));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, kefu_team_choice_read_async);
  kefu_store_run_async (store, read_func,
                        GINT_TO_POINTER ((self->flags & KEFU_TEAM_CHOICE_ACTIVE_ONLY) != 0),
                        NULL, cancellable, read_cb, task);
}

gboolean
kefu_team_choice_read_finish (KefuTeamChoice  *self,
                              GAsyncResult    *result,
                              GError         **error)
{
  g_return_val_if_fail (KEFU_IS_TEAM_CHOICE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
kefu_team_choice_select (KefuTeamChoice *self,
                         gint64          team_id,
                         gint64          clerk_id)
{
  g_return_if_fail (KEFU_IS_TEAM_CHOICE (self));

  self->team_id = team_id;
  self->clerk_id = clerk_id;
  fill_teams (self);
}

gint64
kefu_team_choice_get_team_id (KefuTeamChoice *self)
{
  g_return_val_if_fail (KEFU_IS_TEAM_CHOICE (self), 0);

  return self->team_id;
}

gint64
kefu_team_choice_get_clerk_id (KefuTeamChoice *self)
{
  g_return_val_if_fail (KEFU_IS_TEAM_CHOICE (self), 0);

  return self->clerk_id;
}

const char *
kefu_team_choice_get_team_name (KefuTeamChoice *self)
{
  g_return_val_if_fail (KEFU_IS_TEAM_CHOICE (self), NULL);

  return gtk_string_list_get_string (self->team_names, position_of (self->team_ids,
                                                                    self->team_id));
}

const char *
kefu_team_choice_get_clerk_name (KefuTeamChoice *self)
{
  g_return_val_if_fail (KEFU_IS_TEAM_CHOICE (self), NULL);

  return gtk_string_list_get_string (self->clerk_names, position_of (self->clerk_ids,
                                                                     self->clerk_id));
}

const char *
kefu_team_choice_get_subject (KefuTeamChoice *self)
{
  g_return_val_if_fail (KEFU_IS_TEAM_CHOICE (self), NULL);

  if (self->clerk_id != 0)
    return kefu_team_choice_get_clerk_name (self);
  if (self->team_id != 0)
    return kefu_team_choice_get_team_name (self);
  return NULL;
}

static void
kefu_team_choice_dispose (GObject *object)
{
  KefuTeamChoice *self = KEFU_TEAM_CHOICE (object);

  g_clear_object (&self->team_chooser);
  g_clear_object (&self->clerk_chooser);
  g_clear_object (&self->departments);
  g_clear_object (&self->staff);
  G_OBJECT_CLASS (kefu_team_choice_parent_class)->dispose (object);
}

static void
kefu_team_choice_finalize (GObject *object)
{
  KefuTeamChoice *self = KEFU_TEAM_CHOICE (object);

  g_clear_object (&self->team_names);
  g_clear_object (&self->clerk_names);
  g_clear_pointer (&self->team_ids, g_array_unref);
  g_clear_pointer (&self->clerk_ids, g_array_unref);
  G_OBJECT_CLASS (kefu_team_choice_parent_class)->finalize (object);
}

static void
kefu_team_choice_class_init (KefuTeamChoiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kefu_team_choice_dispose;
  object_class->finalize = kefu_team_choice_finalize;

  /* The user chose another team or clerk. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
kefu_team_choice_init (KefuTeamChoice *self)
{
  self->team_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->clerk_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}
