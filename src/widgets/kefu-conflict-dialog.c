/* kefu-conflict-dialog.c: the fields of a refused save, theirs beside yours, and a choice for
 * each field both changed (see kefu-conflict-dialog.h).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-conflict-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "kefu-conflict-dialog.h"

struct _KefuConflictDialog
{
  AdwDialog               parent_instance;

  KefuMerge              *merge;
  KefuConflictFormatFunc  format;
  gpointer                format_data;
  /* key → GtkCheckButton, "mine:key" and "theirs:key". */
  GHashTable             *buttons;
  gboolean                resolved;

  AdwPreferencesPage     *preferences_page;
  GtkButton              *save_button;
  GtkLabel               *status_label;
};

G_DEFINE_FINAL_TYPE (KefuConflictDialog, kefu_conflict_dialog, ADW_TYPE_DIALOG)

enum {
  RESOLVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

char *
kefu_conflict_describe_change (const char *name,
                               GDateTime  *time)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *when = NULL;

  /* Translators: at the start of a sentence or a row, when the events do not say who it was. */
  if (name == NULL || name[0] == '\0')
    name = _("Someone else");
  if (time == NULL)
    return g_strdup (name);

  local = g_date_time_to_local (time);
  now = g_date_time_new_now_local ();
  if (g_date_time_get_year (local) == g_date_time_get_year (now)
      && g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (now))
    when = g_date_time_format (local, "%H:%M");
  else
    when = g_date_time_format (local, "%Y-%m-%d %H:%M");
  /* Translators: who changed a field and when: “王芳 at 10:42”. */
  return g_strdup_printf (_("%1$s at %2$s"), name, when);
}

static char *
value_text (KefuConflictDialog   *self,
            const KefuMergeField *field,
            const GValue         *value)
{
  char *text = NULL;

  if (value == NULL)
    return NULL;
  if (self->format != NULL)
    text = self->format (field, value, self->format_data);
  else
    text = kefu_merge_value_to_text (value);
  return text;
}

/* The value as a row shows it: "(empty)" rather than nothing. */
static char *
shown_value (KefuConflictDialog   *self,
             const KefuMergeField *field,
             const GValue         *value)
{
  g_autofree char *text = value_text (self, field, value);

  if (text == NULL)
    /* Translators: a field that holds nothing, shown as its value. */
    return g_strdup (_("(empty)"));
  return g_markup_escape_text (text, -1);
}

static void
update (KefuConflictDialog *self)
{
  guint undecided = kefu_merge_get_n_undecided (self->merge);
  guint conflicts = kefu_merge_count (self->merge, KEFU_MERGE_CONFLICT);
  g_autofree char *status = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "conflict.save", undecided == 0);
  if (conflicts == 0)
    status = g_strdup (_("Nothing to decide: save again to write the merged record."));
  else if (undecided > 0)
    status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u field still to decide.",
                                           "%u fields still to decide.", undecided),
                              undecided);
  else
    status = g_strdup (_("Every field is decided: save again."));
  gtk_label_set_text (self->status_label, status);
}

static void
choice_toggled_cb (GtkCheckButton     *button,
                   KefuConflictDialog *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "kefu-field"));
  KefuMergeChoice choice = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "kefu-choice"));

  if (!gtk_check_button_get_active (button))
    return;
  kefu_merge_set_choice (self->merge, index, choice);
  update (self);
}

static GtkWidget *
choice_row (KefuConflictDialog *self,
            guint               index,
            KefuMergeChoice     choice,
            const char         *title,
            const char         *value,
            GtkCheckButton     *group)
{
  const KefuMergeField *field = kefu_merge_get_field (self->merge, index);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  adw_action_row_set_subtitle_selectable (ADW_ACTION_ROW (row), TRUE);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  if (group != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  /* The button says which field it decides, to a screen reader as well. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  kefu_merge_field_get_label (field), -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  row, NULL, -1);
  g_object_set_data (G_OBJECT (check), "kefu-field", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (check), "kefu-choice", GINT_TO_POINTER (choice));
  g_signal_connect (check, "toggled", G_CALLBACK (choice_toggled_cb), self);
  g_hash_table_insert (self->buttons,
                       g_strdup_printf ("%s:%s", choice == KEFU_MERGE_CHOICE_MINE ? "mine" : "theirs",
                                        field->key),
                       check);
  return row;
}

static void
add_conflict (KefuConflictDialog *self,
              guint               index)
{
  const KefuMergeField *field = kefu_merge_get_field (self->merge, index);
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  g_autofree char *who = kefu_conflict_describe_change (kefu_merge_get_changed_by (self->merge, index),
                                                        kefu_merge_get_changed_at (self->merge, index));
  g_autofree char *mine = shown_value (self, field, kefu_merge_get_mine (self->merge, index));
  g_autofree char *theirs = shown_value (self, field, kefu_merge_get_theirs (self->merge, index));
  GtkWidget *mine_row;
  GtkWidget *theirs_row;
  GtkCheckButton *first;

  adw_preferences_group_set_title (group, kefu_merge_field_get_label (field));
  adw_preferences_group_set_description (group, _("Changed by you and by someone else"));
  mine_row = choice_row (self, index, KEFU_MERGE_CHOICE_MINE, _("Yours"), mine, NULL);
  first = GTK_CHECK_BUTTON (kefu_conflict_dialog_get_choice_button (self, field->key,
                                                                    KEFU_MERGE_CHOICE_MINE));
  theirs_row = choice_row (self, index, KEFU_MERGE_CHOICE_THEIRS, who, theirs, first);
  adw_preferences_group_add (group, mine_row);
  adw_preferences_group_add (group, theirs_row);
  adw_preferences_page_add (self->preferences_page, group);
}

static void
add_merged (KefuConflictDialog  *self,
            AdwPreferencesGroup *group,
            guint                index)
{
  const KefuMergeField *field = kefu_merge_get_field (self->merge, index);
  KefuMergeState state = kefu_merge_get_state (self->merge, index);
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *value = shown_value (self, field, kefu_merge_get_merged (self->merge, index));
  g_autofree char *who = NULL;
  g_autofree char *subtitle = NULL;

  if (state == KEFU_MERGE_MINE)
    /* Translators: %s is the value this clerk typed, kept in the merged record. */
    subtitle = g_strdup_printf (_("Yours: %s"), value);
  else if (state == KEFU_MERGE_SAME)
    /* Translators: %s is the value both clerks wrote. */
    subtitle = g_strdup_printf (_("Both wrote: %s"), value);
  else
    {
      who = kefu_conflict_describe_change (kefu_merge_get_changed_by (self->merge, index),
                                           kefu_merge_get_changed_at (self->merge, index));
      /* Translators: %1$s is who changed the field when (“王芳 at 10:42”), %2$s their value. */
      subtitle = g_strdup_printf (_("%1$s: %2$s"), who, value);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), kefu_merge_field_get_label (field));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_selectable (ADW_ACTION_ROW (row), TRUE);
  adw_preferences_group_add (group, row);
}

static void
build (KefuConflictDialog *self)
{
  guint n = kefu_merge_get_n_fields (self->merge);
  AdwPreferencesGroup *merged = NULL;

  for (guint i = 0; i < n; i++)
    if (kefu_merge_get_state (self->merge, i) == KEFU_MERGE_CONFLICT)
      add_conflict (self, i);

  for (guint i = 0; i < n; i++)
    {
      KefuMergeState state = kefu_merge_get_state (self->merge, i);

      if (state == KEFU_MERGE_UNCHANGED || state == KEFU_MERGE_CONFLICT)
        continue;
      if (merged == NULL)
        {
          merged = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          adw_preferences_group_set_title (merged, _("Merged by Themselves"));
          adw_preferences_group_set_description (merged,
                                                 _("Changed on one side only, or alike on both"));
        }
      add_merged (self, merged, i);
    }
  if (merged != NULL)
    adw_preferences_page_add (self->preferences_page, merged);
  update (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  KefuConflictDialog *self = KEFU_CONFLICT_DIALOG (widget);

  if (kefu_merge_get_n_undecided (self->merge) > 0 || self->resolved)
    return;
  self->resolved = TRUE;
  g_signal_emit (self, signals[RESOLVED], 0);
  adw_dialog_force_close (ADW_DIALOG (self));
}

static void
keep_editing_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  adw_dialog_force_close (ADW_DIALOG (widget));
}

static void
kefu_conflict_dialog_dispose (GObject *object)
{
  KefuConflictDialog *self = KEFU_CONFLICT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_CONFLICT_DIALOG);
  g_clear_pointer (&self->buttons, g_hash_table_unref);
  g_clear_object (&self->merge);

  G_OBJECT_CLASS (kefu_conflict_dialog_parent_class)->dispose (object);
}

static void
kefu_conflict_dialog_class_init (KefuConflictDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kefu_conflict_dialog_dispose;

  /**
   * KefuConflictDialog::resolved:
   *
   * Every conflict has a choice (in the merge) and the clerk asked to save again.
   */
  signals[RESOLVED] = g_signal_new ("resolved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kefu/Kefu/ui/kefu-conflict-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuConflictDialog, preferences_page);
  gtk_widget_class_bind_template_child (widget_class, KefuConflictDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, KefuConflictDialog, status_label);

  gtk_widget_class_install_action (widget_class, "conflict.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "conflict.keep-editing", NULL,
                                   keep_editing_action);
}

static void
kefu_conflict_dialog_init (KefuConflictDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->buttons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

KefuConflictDialog *
kefu_conflict_dialog_new (KefuMerge              *merge,
                          KefuConflictFormatFunc  format,
                          gpointer                user_data)
{
  KefuConflictDialog *self;

  g_return_val_if_fail (KEFU_IS_MERGE (merge), NULL);

  self = g_object_new (KEFU_TYPE_CONFLICT_DIALOG, NULL);
  self->merge = g_object_ref (merge);
  self->format = format;
  self->format_data = user_data;
  build (self);
  return self;
}

KefuMerge *
kefu_conflict_dialog_get_merge (KefuConflictDialog *self)
{
  g_return_val_if_fail (KEFU_IS_CONFLICT_DIALOG (self), NULL);

  return self->merge;
}

GtkWidget *
kefu_conflict_dialog_get_choice_button (KefuConflictDialog *self,
                                        const char         *key,
                                        KefuMergeChoice     choice)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (KEFU_IS_CONFLICT_DIALOG (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  name = g_strdup_printf ("%s:%s", choice == KEFU_MERGE_CHOICE_MINE ? "mine" : "theirs", key);
  return g_hash_table_lookup (self->buttons, name);
}
