/* kefu-callback-record-form.c: the callback record (《回访记录表》) of the callback page.
 *
 * Which outcomes a method offers, and whether the record is complete, are the core's rules
 * (kefu_callback_check_record ()): the form asks them instead of keeping a second copy, so the
 * form and the store never disagree on what may be saved.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-callback-record-form"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-callback-rules.h"
#include "core/kefu-enums.h"
#include "core/kefu-settings-keys.h"
#include "intake/kefu-text-row.h"
#include "widgets/kefu-date-row.h"

#include "kefu-callback-record-form.h"

struct _KefuCallbackRecordForm
{
  AdwBin              parent_instance;

  KefuRole            role;
  gboolean            escalated;
  gboolean            method_chosen;   /* set up once: later set-ups keep the clerk's pick */
  GDateTime          *clock;
  GArray             *outcomes;        /* KefuCallbackOutcome offered, in the model's order */
  gboolean            filling;         /* the outcome model is rebuilt: not a change */
  gboolean            valid;
  char               *reason;
  KefuSatisfaction    satisfaction;

  KefuDateRow        *day_row;
  GtkStringList      *method_model;
  AdwComboRow        *method_row;
  AdwEntryRow        *note_row;
  GtkStringList      *outcome_model;
  AdwComboRow        *outcome_row;
  GtkLabel           *reason_label;
  GtkButton          *reload_button;
  GtkBox             *refusal_box;
  GtkLabel           *refusal_label;
  AdwActionRow       *satisfaction_row;
  AdwToggleGroup     *satisfaction_toggles;
  GtkButton          *save_button;
  AdwEntryRow        *time_row;
  GtkButton          *unreachable_button;
  KefuTextRow        *words_row;
};

G_DEFINE_FINAL_TYPE (KefuCallbackRecordForm, kefu_callback_record_form, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_VALID,
  PROP_SATISFACTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The toggles' names, in KefuSatisfaction order after UNSPECIFIED. */
static const char * const satisfaction_names[] = { "satisfied", "so-so", "not-satisfied" };

/* Helpers */

static GDateTime *
form_now (KefuCallbackRecordForm *self)
{
  return self->clock != NULL ? g_date_time_ref (self->clock) : g_date_time_new_now_local ();
}

static char *
trimmed_or_null (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));

  return *copy != '\0' ? g_steal_pointer (&copy) : NULL;
}

static KefuSatisfaction
picked_satisfaction (KefuCallbackRecordForm *self)
{
  const char *name = adw_toggle_group_get_active_name (self->satisfaction_toggles);

  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (satisfaction_names); i++)
    if (g_str_equal (name, satisfaction_names[i]))
      return KEFU_SATISFACTION_SATISFIED + i;
  return KEFU_SATISFACTION_UNSPECIFIED;
}

/* Whether `outcome` may be recorded by `method` at all, whatever else the record holds: the
 * rules are asked with a record complete for that outcome. */
static gboolean
outcome_allowed (KefuCallbackRecordForm *self,
                 KefuCallbackOutcome     outcome,
                 KefuCallbackMethod      method)
{
  g_autoptr(GDateTime) now = form_now (self);
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 1);

  /* Closing as unreachable is the lead's own button, never a pick in the list. */
  if (outcome == KEFU_CALLBACK_OUTCOME_UNREACHABLE)
    return FALSE;
  return kefu_callback_check_record (outcome, method,
                                     outcome == KEFU_CALLBACK_OUTCOME_REACHED
                                       ? KEFU_SATISFACTION_SATISFIED
                                       : KEFU_SATISFACTION_UNSPECIFIED,
                                     "-",
                                     outcome == KEFU_CALLBACK_OUTCOME_CALL_LATER ? later : NULL,
                                     now, self->role, self->escalated, NULL);
}

static void
set_reason (KefuCallbackRecordForm *self,
            const char             *reason)
{
  g_free (self->reason);
  self->reason = g_strdup (reason);
  gtk_label_set_label (self->reason_label, reason != NULL ? reason : "");
  gtk_widget_set_visible (GTK_WIDGET (self->reason_label), reason != NULL);
}

/* The agreed time typed, or NULL with the reason of the field that is wrong. */
static GDateTime *
read_agreed (KefuCallbackRecordForm  *self,
             GError                 **error)
{
  g_autoptr(GDateTime) day = NULL;
  guint minutes = 0;

  day = kefu_date_row_get_date_time (self->day_row, error);
  if (day == NULL)
    return NULL;
  if (!kefu_setting_parse_time_of_day (gtk_editable_get_text (GTK_EDITABLE (self->time_row)),
                                       &minutes, error))
    return NULL;
  return g_date_time_add_minutes (day, minutes);
}

static void
set_field_error (GtkWidget *row,
                 gboolean   wrong)
{
  if (wrong)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
}

/* Checks the record as filled: shows the fields its outcome needs, says why it cannot be saved
 * yet, and notifies "valid" and "satisfaction". */
static void
update (KefuCallbackRecordForm *self)
{
  KefuCallbackOutcome outcome = kefu_callback_record_form_get_outcome (self);
  KefuCallbackMethod method = kefu_callback_record_form_get_method (self);
  gboolean reached = outcome == KEFU_CALLBACK_OUTCOME_REACHED;
  gboolean later = outcome == KEFU_CALLBACK_OUTCOME_CALL_LATER;
  KefuSatisfaction satisfaction = reached ? picked_satisfaction (self)
                                          : KEFU_SATISFACTION_UNSPECIFIED;
  g_autofree char *words = kefu_callback_record_form_dup_words (self);
  g_autoptr(GDateTime) agreed = NULL;
  g_autoptr(GDateTime) now = form_now (self);
  g_autoptr(GError) error = NULL;
  gboolean valid;

  gtk_widget_set_visible (GTK_WIDGET (self->satisfaction_row), reached);
  gtk_widget_set_visible (GTK_WIDGET (self->day_row), later);
  gtk_widget_set_visible (GTK_WIDGET (self->time_row), later);

  if (later)
    {
      g_autoptr(GError) agreed_error = NULL;

      agreed = read_agreed (self, &agreed_error);
      if (agreed == NULL)
        g_propagate_error (&error, g_steal_pointer (&agreed_error));
    }
  if (outcome == (KefuCallbackOutcome) -1)
    {
      /* Translators: the callback record cannot be saved before an outcome is picked. */
      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("Pick what the callback came to."));
    }

  valid = error == NULL
          && kefu_callback_check_record (outcome, method, satisfaction, words, agreed, now,
                                         self->role, self->escalated, &error);
  set_field_error (GTK_WIDGET (self->words_row),
                   !valid && reached && satisfaction == KEFU_SATISFACTION_NOT_SATISFIED
                   && words == NULL);
  if (later)
    {
      g_autoptr(GDateTime) day = kefu_date_row_get_date_time (self->day_row, NULL);

      set_field_error (GTK_WIDGET (self->day_row),
                       day == NULL && !kefu_date_row_is_empty (self->day_row));
    }
  set_reason (self, valid ? NULL : error->message);

  if (self->valid != valid)
    {
      self->valid = valid;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
    }
  if (self->satisfaction != satisfaction)
    {
      self->satisfaction = satisfaction;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SATISFACTION]);
    }
}

/* Fills the outcome list with what the method offers, keeping the pick when it still is. */
static void
fill_outcomes (KefuCallbackRecordForm *self)
{
  KefuCallbackMethod method = kefu_callback_record_form_get_method (self);
  KefuCallbackOutcome picked = kefu_callback_record_form_get_outcome (self);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->outcome_model));
  guint position = 0;

  self->filling = TRUE;
  g_array_set_size (self->outcomes, 0);
  gtk_string_list_splice (self->outcome_model, 0, n_items, NULL);
  for (KefuCallbackOutcome outcome = KEFU_CALLBACK_OUTCOME_REACHED;
       outcome <= KEFU_CALLBACK_OUTCOME_UNREACHABLE;
       outcome++)
    {
      if (!outcome_allowed (self, outcome, method))
        continue;
      if (outcome == picked)
        position = self->outcomes->len;
      g_array_append_val (self->outcomes, outcome);
      gtk_string_list_append (self->outcome_model,
                              kefu_callback_outcome_get_display_name (outcome));
    }
  adw_combo_row_set_selected (self->outcome_row,
                              self->outcomes->len > 0 ? position : GTK_INVALID_LIST_POSITION);
  self->filling = FALSE;
  update (self);
}

/* Callbacks */

static void
method_selected_cb (KefuCallbackRecordForm *self)
{
  self->method_chosen = TRUE;
  fill_outcomes (self);
}

static void
changed_cb (KefuCallbackRecordForm *self)
{
  if (!self->filling)
    update (self);
}

/* Overrides */

static void
kefu_callback_record_form_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), KEFU_TYPE_CALLBACK_RECORD_FORM);

  G_OBJECT_CLASS (kefu_callback_record_form_parent_class)->dispose (object);
}

static void
kefu_callback_record_form_finalize (GObject *object)
{
  KefuCallbackRecordForm *self = KEFU_CALLBACK_RECORD_FORM (object);

  g_clear_pointer (&self->clock, g_date_time_unref);
  g_clear_pointer (&self->outcomes, g_array_unref);
  g_free (self->reason);

  G_OBJECT_CLASS (kefu_callback_record_form_parent_class)->finalize (object);
}

static void
kefu_callback_record_form_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  KefuCallbackRecordForm *self = KEFU_CALLBACK_RECORD_FORM (object);

  switch (prop_id)
    {
    case PROP_VALID:
      g_value_set_boolean (value, self->valid);
      break;
    case PROP_SATISFACTION:
      g_value_set_int (value, self->satisfaction);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_callback_record_form_class_init (KefuCallbackRecordFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kefu_callback_record_form_dispose;
  object_class->finalize = kefu_callback_record_form_finalize;
  object_class->get_property = kefu_callback_record_form_get_property;

  properties[PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SATISFACTION] =
    g_param_spec_int ("satisfaction", NULL, NULL, KEFU_SATISFACTION_UNSPECIFIED,
                      KEFU_SATISFACTION_NOT_SATISFIED, KEFU_SATISFACTION_UNSPECIFIED,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KEFU_TYPE_DATE_ROW);
  g_type_ensure (KEFU_TYPE_TEXT_ROW);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/kefu/Kefu/ui/kefu-callback-record-form.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackRecordForm, day_row);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackRecordForm, method_model);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackRecordForm, method_row);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackRecordForm, note_row);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackRecordForm, outcome_model);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackRecordForm, outcome_row);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackRecordForm, reason_label);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackRecordForm, refusal_box);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackRecordForm, refusal_label);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackRecordForm, reload_button);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackRecordForm, satisfaction_row);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackRecordForm, satisfaction_toggles);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackRecordForm, save_button);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackRecordForm, time_row);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackRecordForm, unreachable_button);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackRecordForm, words_row);
}

static void
kefu_callback_record_form_init (KefuCallbackRecordForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Why Save is insensitive, and why the store refused it, are read with the button. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->save_button),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->reason_label,
                                  self->refusal_label, NULL, -1);
  /* No answer is picked until the customer gives one. */
  adw_toggle_group_set_active (self->satisfaction_toggles, GTK_INVALID_LIST_POSITION);
  self->outcomes = g_array_new (FALSE, FALSE, sizeof (KefuCallbackOutcome));
  self->role = KEFU_ROLE_CLERK;
  for (KefuCallbackMethod method = KEFU_CALLBACK_METHOD_PHONE; method <= KEFU_CALLBACK_METHOD_SMS;
       method++)
    gtk_string_list_append (self->method_model, kefu_callback_method_get_display_name (method));

  g_signal_connect_swapped (self->method_row, "notify::selected", G_CALLBACK (method_selected_cb),
                            self);
  g_signal_connect_swapped (self->outcome_row, "notify::selected", G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (self->satisfaction_toggles, "notify::active", G_CALLBACK (changed_cb),
                            self);
  g_signal_connect_swapped (self->words_row, "notify::text", G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (self->day_row, "changed", G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (self->time_row, "changed", G_CALLBACK (changed_cb), self);

  fill_outcomes (self);
  /* The picks so far were the form's own, not the clerk's. */
  self->method_chosen = FALSE;
}

/* Public API */

GtkWidget *
kefu_callback_record_form_new (void)
{
  return g_object_new (KEFU_TYPE_CALLBACK_RECORD_FORM, NULL);
}

void
kefu_callback_record_form_setup (KefuCallbackRecordForm *self,
                                 KefuCallbackMethod      method,
                                 KefuRole                role,
                                 gboolean                escalated)
{
  gboolean chosen;

  g_return_if_fail (KEFU_IS_CALLBACK_RECORD_FORM (self));

  self->role = role;
  self->escalated = !!escalated;
  gtk_widget_set_visible (GTK_WIDGET (self->unreachable_button),
                          escalated && kefu_role_leads_callbacks (role));
  chosen = self->method_chosen;
  if (!chosen && (guint) method <= KEFU_CALLBACK_METHOD_SMS
      && adw_combo_row_get_selected (self->method_row) != (guint) method)
    adw_combo_row_set_selected (self->method_row, method);
  else
    fill_outcomes (self);
  self->method_chosen = chosen;
}

void
kefu_callback_record_form_set_clock (KefuCallbackRecordForm *self,
                                     GDateTime              *now)
{
  g_return_if_fail (KEFU_IS_CALLBACK_RECORD_FORM (self));

  g_clear_pointer (&self->clock, g_date_time_unref);
  if (now != NULL)
    self->clock = g_date_time_ref (now);
  update (self);
}

gboolean
kefu_callback_record_form_get_valid (KefuCallbackRecordForm *self)
{
  g_return_val_if_fail (KEFU_IS_CALLBACK_RECORD_FORM (self), FALSE);

  return self->valid;
}

const char *
kefu_callback_record_form_get_reason (KefuCallbackRecordForm *self)
{
  g_return_val_if_fail (KEFU_IS_CALLBACK_RECORD_FORM (self), NULL);

  return self->reason;
}

KefuCallbackMethod
kefu_callback_record_form_get_method (KefuCallbackRecordForm *self)
{
  guint selected;

  g_return_val_if_fail (KEFU_IS_CALLBACK_RECORD_FORM (self), KEFU_CALLBACK_METHOD_PHONE);

  selected = adw_combo_row_get_selected (self->method_row);
  return selected <= KEFU_CALLBACK_METHOD_SMS ? (KefuCallbackMethod) selected
                                              : KEFU_CALLBACK_METHOD_PHONE;
}

KefuCallbackOutcome
kefu_callback_record_form_get_outcome (KefuCallbackRecordForm *self)
{
  guint selected;

  g_return_val_if_fail (KEFU_IS_CALLBACK_RECORD_FORM (self), (KefuCallbackOutcome) -1);

  selected = adw_combo_row_get_selected (self->outcome_row);
  if (selected >= self->outcomes->len)
    return (KefuCallbackOutcome) -1;
  return g_array_index (self->outcomes, KefuCallbackOutcome, selected);
}

KefuSatisfaction
kefu_callback_record_form_get_satisfaction (KefuCallbackRecordForm *self)
{
  g_return_val_if_fail (KEFU_IS_CALLBACK_RECORD_FORM (self), KEFU_SATISFACTION_UNSPECIFIED);

  return self->satisfaction;
}

char *
kefu_callback_record_form_dup_words (KefuCallbackRecordForm *self)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (KEFU_IS_CALLBACK_RECORD_FORM (self), NULL);

  text = kefu_text_row_get_text (self->words_row);
  return trimmed_or_null (text);
}

char *
kefu_callback_record_form_dup_note (KefuCallbackRecordForm *self)
{
  g_return_val_if_fail (KEFU_IS_CALLBACK_RECORD_FORM (self), NULL);

  return trimmed_or_null (gtk_editable_get_text (GTK_EDITABLE (self->note_row)));
}

GDateTime *
kefu_callback_record_form_dup_agreed_at (KefuCallbackRecordForm *self)
{
  g_return_val_if_fail (KEFU_IS_CALLBACK_RECORD_FORM (self), NULL);

  if (kefu_callback_record_form_get_outcome (self) != KEFU_CALLBACK_OUTCOME_CALL_LATER)
    return NULL;
  return read_agreed (self, NULL);
}

void
kefu_callback_record_form_set_method (KefuCallbackRecordForm *self,
                                      KefuCallbackMethod      method)
{
  g_return_if_fail (KEFU_IS_CALLBACK_RECORD_FORM (self));
  g_return_if_fail ((guint) method <= KEFU_CALLBACK_METHOD_SMS);

  adw_combo_row_set_selected (self->method_row, method);
  self->method_chosen = TRUE;
}

gboolean
kefu_callback_record_form_set_outcome (KefuCallbackRecordForm *self,
                                       KefuCallbackOutcome     outcome)
{
  g_return_val_if_fail (KEFU_IS_CALLBACK_RECORD_FORM (self), FALSE);

  for (guint i = 0; i < self->outcomes->len; i++)
    if (g_array_index (self->outcomes, KefuCallbackOutcome, i) == outcome)
      {
        adw_combo_row_set_selected (self->outcome_row, i);
        return TRUE;
      }
  return FALSE;
}

void
kefu_callback_record_form_set_satisfaction (KefuCallbackRecordForm *self,
                                            KefuSatisfaction        satisfaction)
{
  g_return_if_fail (KEFU_IS_CALLBACK_RECORD_FORM (self));

  if (satisfaction == KEFU_SATISFACTION_UNSPECIFIED)
    adw_toggle_group_set_active (self->satisfaction_toggles, GTK_INVALID_LIST_POSITION);
  else
    adw_toggle_group_set_active_name (
      self->satisfaction_toggles, satisfaction_names[satisfaction - KEFU_SATISFACTION_SATISFIED]);
}

void
kefu_callback_record_form_set_words (KefuCallbackRecordForm *self,
                                     const char             *words)
{
  g_return_if_fail (KEFU_IS_CALLBACK_RECORD_FORM (self));

  kefu_text_row_set_text (self->words_row, words != NULL ? words : "");
}

void
kefu_callback_record_form_set_note (KefuCallbackRecordForm *self,
                                    const char             *note)
{
  g_return_if_fail (KEFU_IS_CALLBACK_RECORD_FORM (self));

  gtk_editable_set_text (GTK_EDITABLE (self->note_row), note != NULL ? note : "");
}

void
kefu_callback_record_form_set_agreed (KefuCallbackRecordForm *self,
                                      const char             *day,
                                      const char             *time)
{
  g_return_if_fail (KEFU_IS_CALLBACK_RECORD_FORM (self));

  gtk_editable_set_text (GTK_EDITABLE (self->day_row), day != NULL ? day : "");
  gtk_editable_set_text (GTK_EDITABLE (self->time_row), time != NULL ? time : "");
}

gboolean
kefu_callback_record_form_offers (KefuCallbackRecordForm *self,
                                  KefuCallbackOutcome     outcome)
{
  g_return_val_if_fail (KEFU_IS_CALLBACK_RECORD_FORM (self), FALSE);

  for (guint i = 0; i < self->outcomes->len; i++)
    if (g_array_index (self->outcomes, KefuCallbackOutcome, i) == outcome)
      return TRUE;
  return FALSE;
}

void
kefu_callback_record_form_show_refusal (KefuCallbackRecordForm *self,
                                        const char             *message,
                                        gboolean                offer_reload)
{
  g_return_if_fail (KEFU_IS_CALLBACK_RECORD_FORM (self));

  gtk_label_set_label (self->refusal_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->refusal_box), message != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->reload_button), message != NULL && offer_reload);
}

const char *
kefu_callback_record_form_get_refusal (KefuCallbackRecordForm *self)
{
  g_return_val_if_fail (KEFU_IS_CALLBACK_RECORD_FORM (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->refusal_box)))
    return NULL;
  return gtk_label_get_label (self->refusal_label);
}
