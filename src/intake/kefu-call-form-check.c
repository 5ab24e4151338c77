/* kefu-call-form-check.c: the call form's problems: shown field by field as the clerk types, all
 * at once before saving; and the received time as typed.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-call-form"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "core/kefu-call-rules.h"
#include "core/kefu-text.h"

#include "kefu-call-form-private.h"
#include "kefu-form-field.h"
#include "kefu-order-form.h"

/* Shows the problems of the call under its fields: those of the fields the clerk has left (all
 * of them when `all`, which marks them left) and every field whose text does not parse.
 * Returns the number of problems shown, with the first field that has one in `first`. */
static guint
show_problems (KefuCallForm  *self,
               GDateTime     *now,
               gboolean       all,
               GtkWidget    **first)
{
  g_autoptr(GPtrArray) fields = kefu_form_field_list (GTK_WIDGET (self));
  g_autoptr(GPtrArray) problems = NULL;
  guint n_shown = 0;

  if (first != NULL)
    *first = NULL;

  if (self->call != NULL)
    problems = kefu_call_validate (self->call, now);
  else
    problems = g_ptr_array_new ();

  for (guint i = 0; i < fields->len; i++)
    {
      GtkWidget *field = fields->pdata[i];
      const char *id = kefu_form_field_get_id (field);
      const char *message = kefu_form_field_get_parse_error (field);

      if (all)
        kefu_form_field_set_touched (field, TRUE);

      /* The reason the text cannot be read comes first: the call holds no value for it, so
       * its own problem ("enter a quantity") would mislead. */
      if (message == NULL && kefu_form_field_get_touched (field))
        for (guint j = 0; j < problems->len; j++)
          {
            KefuFieldProblem *problem = problems->pdata[j];

            if (g_strcmp0 (problem->field, id) == 0)
              {
                message = problem->message;
                break;
              }
          }

      kefu_form_field_show_message (field, message);
      if (message != NULL)
        {
          n_shown++;
          if (first != NULL && *first == NULL)
            *first = field;
        }
    }

  /* A problem without a field on the form would let a call through that the store refuses:
   * it counts, and says which field the form is missing. */
  for (guint j = 0; j < problems->len; j++)
    {
      KefuFieldProblem *problem = problems->pdata[j];

      if (kefu_form_field_find (fields, problem->field) == NULL)
        {
          g_message ("The call form has no field “%s” for the problem “%s”",
                     problem->field, problem->message);
          n_shown++;
        }
    }

  return n_shown;
}

static gboolean
validate_cb (gpointer user_data)
{
  KefuCallForm *self = user_data;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  self->validate_source = 0;
  show_problems (self, now, FALSE, NULL);

  return G_SOURCE_REMOVE;
}

/* The messages are brought up to date once the current change is complete (the kind's form
 * may show other fields in its own handlers of the same change). */
void
_kefu_call_form_schedule_validation (KefuCallForm *self)
{
  if (self->validate_source != 0)
    return;

  self->validate_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, validate_cb, self, NULL);
}

void
_kefu_call_form_validate_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  _kefu_call_form_schedule_validation (KEFU_CALL_FORM (widget));
}

/* "9:41" or "09:41:05". */
static gboolean
parse_time_of_day (const char *text,
                   guint      *hour,
                   guint      *minute,
                   guint      *second)
{
  int consumed = 0;

  *second = 0;
  if (sscanf (text, "%2u:%2u:%2u%n", hour, minute, second, &consumed) == 3
      && text[consumed] == '\0')
    return TRUE;

  consumed = 0;
  *second = 0;
  return sscanf (text, "%2u:%2u%n", hour, minute, &consumed) == 2 && text[consumed] == '\0'
    && g_ascii_isdigit (text[0]);
}

gboolean
kefu_call_form_check (KefuCallForm *self,
                      GDateTime    *now)
{
  GtkWidget *first = NULL;
  guint n_problems;

  g_return_val_if_fail (KEFU_IS_CALL_FORM (self), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  if (self->call == NULL)
    return FALSE;

  if (kefu_call_get_kind (self->call) == KEFU_CALL_KIND_ORDER)
    kefu_order_form_apply_defaults (self->order_form);

  g_clear_handle_id (&self->validate_source, g_source_remove);
  n_problems = show_problems (self, now, TRUE, &first);
  if (first != NULL)
    kefu_form_field_focus (first);

  return n_problems == 0;
}

GtkWidget *
kefu_call_form_get_field (KefuCallForm *self,
                          const char   *field_id)
{
  g_autoptr(GPtrArray) fields = NULL;

  g_return_val_if_fail (KEFU_IS_CALL_FORM (self), NULL);
  g_return_val_if_fail (field_id != NULL, NULL);

  fields = kefu_form_field_list (GTK_WIDGET (self));
  return kefu_form_field_find (fields, field_id);
}

const char *
kefu_call_form_get_field_message (KefuCallForm *self,
                                  const char   *field_id)
{
  GtkWidget *field;

  g_return_val_if_fail (KEFU_IS_CALL_FORM (self), NULL);
  g_return_val_if_fail (field_id != NULL, NULL);

  field = kefu_call_form_get_field (self, field_id);
  return field != NULL ? kefu_form_field_get_message (field) : NULL;
}

GDateTime *
kefu_call_form_parse_received_at (const char  *text,
                                  GError     **error)
{
  g_autofree char *folded = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GError) date_error = NULL;
  const char *time_part;
  char *date_part;
  GDate date;
  guint hour = 0, minute = 0, second = 0;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Full-width digits and colons, as a Chinese input method types them, read as ASCII. */
  folded = kefu_text_fold_width (text != NULL ? text : "");
  if (folded == NULL)
    folded = g_strdup ("");
  g_strstrip (folded);

  /* The date, then the time after the last space ("2026年11月27日 9:41" has no other). */
  time_part = strrchr (folded, ' ');
  if (time_part == NULL)
    time_part = strchr (folded, 'T');
  if (time_part == NULL)
    {
      g_set_error (error, KEFU_CALL_RULES_ERROR, KEFU_CALL_RULES_ERROR_INVALID,
                   /* Translators: %s is what the clerk typed into the received time field. */
                   _("“%s” is not a date and time; enter both, e.g. 2026-11-27 09:41."),
                   folded);
      return NULL;
    }

  date_part = g_strndup (folded, time_part - folded);
  time_part++;
  g_date_clear (&date, 1);
  if (!kefu_date_parse (date_part, &date, &date_error))
    {
      g_free (date_part);
      g_propagate_error (error, g_steal_pointer (&date_error));
      return NULL;
    }
  g_free (date_part);

  if (!parse_time_of_day (time_part, &hour, &minute, &second))
    {
      g_set_error (error, KEFU_CALL_RULES_ERROR, KEFU_CALL_RULES_ERROR_INVALID,
                   /* Translators: %s is what the clerk typed as the time of day. */
                   _("“%s” is not a time of day; enter hours and minutes, e.g. 09:41."),
                   time_part);
      return NULL;
    }

  if (hour > 23 || minute > 59 || second > 59)
    {
      g_set_error (error, KEFU_CALL_RULES_ERROR, KEFU_CALL_RULES_ERROR_OUT_OF_RANGE,
                   _("“%s” is not a time of day; enter hours from 0 to 23 and minutes from 0 to 59."),
                   time_part);
      return NULL;
    }

  local = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                 g_date_get_day (&date), (int) hour, (int) minute, second);
  if (local == NULL)
    {
      g_set_error (error, KEFU_CALL_RULES_ERROR, KEFU_CALL_RULES_ERROR_INVALID,
                   _("“%s” is not a date and time; enter both, e.g. 2026-11-27 09:41."),
                   folded);
      return NULL;
    }

  return g_date_time_to_utc (local);
}
