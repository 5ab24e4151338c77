/* kefu-assign-dialog.c: choosing who gets which customers, with the store's plan as preview.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-assign-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "kefu-assign-dialog.h"

typedef struct
{
  KefuStaff      *clerk;
  AdwActionRow   *row;
  GtkCheckButton *check;
  GtkLabel       *added_label;
} ClerkRow;

struct _KefuAssignDialog
{
  AdwDialog       parent_instance;

  KefuStore      *store;
  GArray         *selected;      /* gint64 customer ids */
  GArray         *clerk_rows;    /* ClerkRow */
  GArray         *plan;          /* KefuAssignmentCount, for `plan_clerks` */
  GCancellable   *cancellable;
  GCancellable   *plan_cancellable;
  guint           plan_source;
  guint           loading_clerks : 1;
  guint           planning : 1;
  guint           assigning : 1;
  gboolean        busy;

  GtkListBox     *clerks_list;
  GtkCheckButton *selected_check;
  AdwActionRow   *selected_row;
  GtkLabel       *summary_label;
  GtkCheckButton *unassigned_check;
  AdwActionRow   *unassigned_row;
};

G_DEFINE_FINAL_TYPE (KefuAssignDialog, kefu_assign_dialog, ADW_TYPE_DIALOG)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ASSIGNED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A count with the locale's digit grouping ("12,345"). The number is formatted apart from the
 * translated sentence, because xgettext cannot read a msgid built with G_GINT64_FORMAT. */
static char *
format_count (gint64 count)
{
  return g_strdup_printf ("%'" G_GINT64_FORMAT, count);
}

static void
clerk_row_clear (ClerkRow *row)
{
  g_clear_object (&row->clerk);
}

static void
update_state (KefuAssignDialog *self)
{
  gboolean busy = self->loading_clerks || self->planning || self->assigning ||
                  self->plan_source != 0;
  gint64 total = 0;

  if (self->plan != NULL)
    for (guint i = 0; i < self->plan->len; i++)
      total += g_array_index (self->plan, KefuAssignmentCount, i).added;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assign.confirm",
                                 !busy && self->plan != NULL && total > 0);

  if (self->busy != busy)
    {
      self->busy = busy;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
    }
}

/* The ids of the clerks whose box is ticked, in list order. */
static GArray *
chosen_clerks (KefuAssignDialog *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < self->clerk_rows->len; i++)
    {
      ClerkRow *row = &g_array_index (self->clerk_rows, ClerkRow, i);

      if (gtk_check_button_get_active (row->check))
        {
          gint64 id = kefu_record_get_id (KEFU_RECORD (row->clerk));

          g_array_append_val (ids, id);
        }
    }

  return ids;
}

static ClerkRow *
find_clerk_row (KefuAssignDialog *self,
                gint64            clerk_id)
{
  for (guint i = 0; i < self->clerk_rows->len; i++)
    {
      ClerkRow *row = &g_array_index (self->clerk_rows, ClerkRow, i);

      if (kefu_record_get_id (KEFU_RECORD (row->clerk)) == clerk_id)
        return row;
    }

  return NULL;
}

static void
show_plan (KefuAssignDialog *self)
{
  gint64 total = 0;
  guint n_clerks = 0;

  for (guint i = 0; i < self->clerk_rows->len; i++)
    {
      ClerkRow *row = &g_array_index (self->clerk_rows, ClerkRow, i);

      adw_action_row_set_subtitle (row->row, "");
      gtk_widget_set_visible (GTK_WIDGET (row->added_label), FALSE);
    }

  if (self->plan == NULL)
    return;

  for (guint i = 0; i < self->plan->len; i++)
    {
      KefuAssignmentCount *count = &g_array_index (self->plan, KefuAssignmentCount, i);
      ClerkRow *row = find_clerk_row (self, count->clerk_id);
      g_autofree char *current = NULL;
      g_autofree char *now = NULL;
      g_autofree char *number = NULL;
      g_autofree char *added = NULL;

      total += count->added;
      n_clerks += count->added > 0;
      if (row == NULL)
        continue;

      current = format_count (count->current);
      now = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          /* Translators: how many customers a clerk looks after
                                           * before the assignment; %s is a number. */
                                          "Has %s customer now",
                                          "Has %s customers now",
                                          (gulong) MIN (count->current, (gint64) G_MAXUINT)),
                             current);
      adw_action_row_set_subtitle (row->row, now);
      number = format_count (count->added);
      /* Translators: the customers a clerk gets from the assignment, e.g. "+4". */
      added = g_strdup_printf (_("+%s"), number);
      gtk_label_set_label (row->added_label, added);
      gtk_widget_set_visible (GTK_WIDGET (row->added_label), TRUE);
    }

  if (total == 0)
    gtk_label_set_label (self->summary_label,
                         gtk_check_button_get_active (self->unassigned_check)
                           ? _("Every customer has a clerk already: there is nobody to assign.")
                           : _("There are no customers to assign."));
  else
    {
      g_autofree char *number = format_count (total);
      g_autofree char *customers = NULL;
      g_autofree char *summary = NULL;

      customers = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                /* Translators: %s is a number. */
                                                "%s customer",
                                                "%s customers",
                                                (gulong) MIN (total, (gint64) G_MAXUINT)),
                                   number);
      summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              /* Translators: the first %s is "N customers". */
                                              "%s will be assigned to %u clerk.",
                                              "%s will be assigned to %u clerks.",
                                              n_clerks),
                                 customers, n_clerks);
      gtk_label_set_label (self->summary_label, summary);
    }
}

/* The preview */

typedef struct
{
  KefuAssignDialog *dialog;
  GArray           *customers;   /* NULL: every unassigned customer */
  GArray           *clerks;
  gboolean          carry_out;
  GArray           *plan;        /* set by the worker */
} PlanRequest;

static void
plan_request_free (PlanRequest *request)
{
  g_clear_object (&request->dialog);
  g_clear_pointer (&request->customers, g_array_unref);
  g_clear_pointer (&request->clerks, g_array_unref);
  g_clear_pointer (&request->plan, g_array_unref);
  g_free (request);
}

static gpointer
plan_func (KefuStore     *store,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  PlanRequest *request = data;
  const gint64 *customers = request->customers ? (const gint64 *) (gpointer) request->customers->data : NULL;
  guint n_customers = request->customers ? request->customers->len : 0;

  /* The plan goes back through `request`; kefu_store_run_async() only carries objects. */
  if (request->carry_out)
    request->plan = kefu_store_assign_customers (store, customers, n_customers,
                                                 (const gint64 *) (gpointer) request->clerks->data,
                                                 request->clerks->len, cancellable, error);
  else
    request->plan = kefu_store_plan_assignment (store, customers, n_customers,
                                                (const gint64 *) (gpointer) request->clerks->data,
                                                request->clerks->len, cancellable, error);
  return NULL;
}

static void
plan_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  PlanRequest *request = user_data;
  KefuAssignDialog *self = request->dialog;
  g_autoptr(GError) error = NULL;

  kefu_store_run_finish (KEFU_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      plan_request_free (request);
      return;
    }

  self->planning = FALSE;
  g_clear_object (&self->plan_cancellable);
  g_clear_pointer (&self->plan, g_array_unref);

  if (error != NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: %s says why the preview of an assignment failed. */
      message = g_strdup_printf (_("Could not work out the assignment: %s"), error->message);
      gtk_label_set_label (self->summary_label, message);
    }
  else
    {
      self->plan = g_steal_pointer (&request->plan);
      show_plan (self);
    }

  update_state (self);
  plan_request_free (request);
}

static void
assign_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  PlanRequest *request = user_data;
  KefuAssignDialog *self = request->dialog;
  g_autoptr(GError) error = NULL;
  gint64 total = 0;
  guint n_clerks = 0;

  kefu_store_run_finish (KEFU_STORE (object), result, &error);
  self->assigning = FALSE;

  if (error != NULL)
    {
      g_autofree char *message = NULL;

      /* A cancelled assignment (the dialog went away) needs no word. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          /* Translators: %s says why the store refused the assignment. */
          message = g_strdup_printf (_("The customers were not assigned: %s"), error->message);
          gtk_label_set_label (self->summary_label, message);
        }
      update_state (self);
      plan_request_free (request);
      return;
    }

  for (guint i = 0; i < request->plan->len; i++)
    {
      KefuAssignmentCount *count = &g_array_index (request->plan, KefuAssignmentCount, i);

      total += count->added;
      n_clerks += count->added > 0;
    }

  update_state (self);
  g_signal_emit (self, signals[ASSIGNED], 0, (guint) MIN (total, G_MAXUINT), n_clerks);
  plan_request_free (request);
  adw_dialog_force_close (ADW_DIALOG (self));
}

static PlanRequest *
make_request (KefuAssignDialog *self)
{
  PlanRequest *request = g_new0 (PlanRequest, 1);

  request->dialog = g_object_ref (self);
  request->clerks = chosen_clerks (self);
  if (gtk_check_button_get_active (self->selected_check))
    request->customers = g_array_ref (self->selected);

  return request;
}

static gboolean
plan_timeout_cb (gpointer user_data)
{
  KefuAssignDialog *self = user_data;
  PlanRequest *request;

  self->plan_source = 0;

  /* The clerks' answer asks for the preview itself. */
  if (self->loading_clerks)
    {
      update_state (self);
      return G_SOURCE_REMOVE;
    }

  if (self->plan_cancellable != NULL)
    g_cancellable_cancel (self->plan_cancellable);
  g_clear_object (&self->plan_cancellable);
  g_clear_pointer (&self->plan, g_array_unref);

  request = make_request (self);
  if (request->clerks->len == 0)
    {
      show_plan (self);
      gtk_label_set_label (self->summary_label, _("Choose at least one clerk."));
      plan_request_free (request);
      self->planning = FALSE;
      update_state (self);
      return G_SOURCE_REMOVE;
    }

  self->planning = TRUE;
  self->plan_cancellable = g_cancellable_new ();
  kefu_store_run_async (self->store, plan_func, request, NULL, self->plan_cancellable,
                        plan_cb, request);
  update_state (self);

  return G_SOURCE_REMOVE;
}

static void
inputs_changed_cb (KefuAssignDialog *self)
{
  /* Ticking several boxes in a row asks for one preview. */
  g_clear_handle_id (&self->plan_source, g_source_remove);
  self->plan_source = g_timeout_add (150, plan_timeout_cb, self);
  g_clear_pointer (&self->plan, g_array_unref);
  update_state (self);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  adw_dialog_close (ADW_DIALOG (widget));
}

static void
confirm_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  KefuAssignDialog *self = KEFU_ASSIGN_DIALOG (widget);
  PlanRequest *request;

  if (self->busy || self->plan == NULL)
    return;

  /* The store makes the same plan again in the write's transaction, so customers assigned by
   * someone else meanwhile are not assigned twice. */
  request = make_request (self);
  request->carry_out = TRUE;
  self->assigning = TRUE;
  update_state (self);
  kefu_store_run_async (self->store, plan_func, request, NULL, self->cancellable,
                        assign_cb, request);
}

/* The clerks */

static void
add_clerk_row (KefuAssignDialog *self,
               KefuStaff        *clerk)
{
  ClerkRow row = { 0 };
  g_autofree char *name = NULL;

  row.clerk = g_object_ref (clerk);
  row.row = ADW_ACTION_ROW (adw_action_row_new ());
  row.check = GTK_CHECK_BUTTON (gtk_check_button_new ());
  row.added_label = GTK_LABEL (gtk_label_new (NULL));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row.row), kefu_staff_get_name (clerk));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row.row), FALSE);
  gtk_widget_set_valign (GTK_WIDGET (row.check), GTK_ALIGN_CENTER);
  gtk_check_button_set_active (row.check, TRUE);
  name = g_strdup_printf ("clerk-%" G_GINT64_FORMAT, kefu_record_get_id (KEFU_RECORD (clerk)));
  gtk_widget_set_name (GTK_WIDGET (row.check), name);
  g_signal_connect_swapped (row.check, "toggled", G_CALLBACK (inputs_changed_cb), self);
  adw_action_row_add_prefix (row.row, GTK_WIDGET (row.check));
  adw_action_row_set_activatable_widget (row.row, GTK_WIDGET (row.check));

  gtk_widget_add_css_class (GTK_WIDGET (row.added_label), "accent");
  gtk_widget_add_css_class (GTK_WIDGET (row.added_label), "heading");
  gtk_widget_add_css_class (GTK_WIDGET (row.added_label), "numeric");
  gtk_widget_set_visible (GTK_WIDGET (row.added_label), FALSE);
  adw_action_row_add_suffix (row.row, GTK_WIDGET (row.added_label));

  gtk_list_box_append (self->clerks_list, GTK_WIDGET (row.row));
  g_array_append_val (self->clerk_rows, row);
}

static void
list_staff_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(KefuAssignDialog) self = user_data;
  g_autoptr(GListModel) staff = NULL;
  g_autoptr(GError) error = NULL;

  staff = kefu_store_list_staff_finish (KEFU_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->loading_clerks = FALSE;

  if (staff == NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: %s says why the list of clerks could not be read. */
      message = g_strdup_printf (_("Could not list the clerks: %s"), error->message);
      gtk_label_set_label (self->summary_label, message);
      update_state (self);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (staff); i++)
    {
      g_autoptr(KefuStaff) member = g_list_model_get_item (staff, i);

      /* Only clerks (接线员) are given customers to contact. */
      if (kefu_staff_get_active (member) && kefu_staff_get_role (member) == KEFU_ROLE_CLERK)
        add_clerk_row (self, member);
    }

  if (self->clerk_rows->len == 0)
    {
      gtk_label_set_label (self->summary_label,
                           _("There are no active clerks. Add clerks in kefuctl or ask the administrator."));
      update_state (self);
      return;
    }

  inputs_changed_cb (self);
}

static void
kefu_assign_dialog_dispose (GObject *object)
{
  KefuAssignDialog *self = KEFU_ASSIGN_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  if (self->plan_cancellable != NULL)
    g_cancellable_cancel (self->plan_cancellable);
  g_clear_handle_id (&self->plan_source, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_ASSIGN_DIALOG);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->plan_cancellable);
  g_clear_pointer (&self->clerk_rows, g_array_unref);
  g_clear_pointer (&self->plan, g_array_unref);
  g_clear_pointer (&self->selected, g_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kefu_assign_dialog_parent_class)->dispose (object);
}

static void
kefu_assign_dialog_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  KefuAssignDialog *self = KEFU_ASSIGN_DIALOG (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_assign_dialog_class_init (KefuAssignDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kefu_assign_dialog_dispose;
  object_class->get_property = kefu_assign_dialog_get_property;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KefuAssignDialog::assigned:
   * @customers: how many customers were assigned
   * @clerks: to how many clerks
   */
  signals[ASSIGNED] =
    g_signal_new ("assigned", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kefu/Kefu/ui/kefu-assign-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuAssignDialog, clerks_list);
  gtk_widget_class_bind_template_child (widget_class, KefuAssignDialog, selected_check);
  gtk_widget_class_bind_template_child (widget_class, KefuAssignDialog, selected_row);
  gtk_widget_class_bind_template_child (widget_class, KefuAssignDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, KefuAssignDialog, unassigned_check);
  gtk_widget_class_bind_template_child (widget_class, KefuAssignDialog, unassigned_row);
  gtk_widget_class_bind_template_callback (widget_class, inputs_changed_cb);

  gtk_widget_class_install_action (widget_class, "assign.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "assign.confirm", NULL, confirm_action);
}

static void
kefu_assign_dialog_init (KefuAssignDialog *self)
{
  self->cancellable = g_cancellable_new ();
  self->clerk_rows = g_array_new (FALSE, TRUE, sizeof (ClerkRow));
  g_array_set_clear_func (self->clerk_rows, (GDestroyNotify) clerk_row_clear);

  gtk_widget_init_template (GTK_WIDGET (self));
}

KefuAssignDialog *
kefu_assign_dialog_new (KefuStore *store,
                        GArray    *selected)
{
  KefuAssignDialog *self;
  g_autofree char *number = NULL;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (KEFU_IS_STORE (store), NULL);
  g_return_val_if_fail (selected != NULL, NULL);

  self = g_object_new (KEFU_TYPE_ASSIGN_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->selected = g_array_ref (selected);

  number = format_count (selected->len);
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: %s is a number. */
                                           "%s customer selected in the list",
                                           "%s customers selected in the list",
                                           selected->len),
                              number);
  adw_action_row_set_subtitle (self->selected_row, subtitle);
  adw_action_row_set_subtitle (self->unassigned_row,
                               _("Every customer who has no clerk yet, whatever the list shows"));

  /* With nothing selected only "all unassigned" makes sense. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->selected_row), selected->len > 0);
  if (selected->len > 0)
    gtk_check_button_set_active (self->selected_check, TRUE);
  else
    gtk_check_button_set_active (self->unassigned_check, TRUE);

  self->loading_clerks = TRUE;
  update_state (self);
  kefu_store_list_staff_async (store, TRUE, self->cancellable, list_staff_cb, g_object_ref (self));

  return self;
}

gboolean
kefu_assign_dialog_get_busy (KefuAssignDialog *self)
{
  g_return_val_if_fail (KEFU_IS_ASSIGN_DIALOG (self), FALSE);

  return self->busy;
}

GArray *
kefu_assign_dialog_get_plan (KefuAssignDialog *self)
{
  g_return_val_if_fail (KEFU_IS_ASSIGN_DIALOG (self), NULL);

  return self->plan;
}
