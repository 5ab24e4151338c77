/* kefu-form-field.c: the fields of the call forms as the validation sees them.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-form-field"

#include "config.h"

#include "kefu-form-field.h"

typedef struct
{
  char                     *id;
  gboolean                  touched;
  char                     *parse_error;
  char                     *message;
  KefuFormFieldMessageFunc  message_func;
  gpointer                  message_data;
  /* The row under the field that shows its message, made the first time there is one; owned
   * by the list box. */
  GtkWidget                *message_row;
  GtkLabel                 *message_label;
} FieldState;

static GQuark field_quark;

static void
field_state_free (gpointer data)
{
  FieldState *state = data;

  g_free (state->id);
  g_free (state->parse_error);
  g_free (state->message);
  g_clear_weak_pointer (&state->message_row);
  g_free (state);
}

static FieldState *
get_state (GtkWidget *widget)
{
  if (field_quark == 0)
    return NULL;
  return g_object_get_qdata (G_OBJECT (widget), field_quark);
}

static void
update_message_row (GtkWidget  *widget,
                    FieldState *state)
{
  gboolean shown = state->message != NULL && gtk_widget_get_visible (widget);

  if (state->message_row == NULL)
    return;

  gtk_label_set_label (state->message_label, state->message != NULL ? state->message : "");
  /* A hidden field (a part of the form that does not apply) hides its message too. */
  gtk_widget_set_visible (state->message_row, shown);
  /* The message reads as part of the field: no separator between them. */
  if (shown)
    gtk_widget_add_css_class (widget, "kefu-has-message");
  else
    gtk_widget_remove_css_class (widget, "kefu-has-message");
}

static void
field_visible_cb (GtkWidget  *widget,
                  GParamSpec *pspec,
                  gpointer    user_data)
{
  FieldState *state = get_state (widget);

  if (state != NULL)
    update_message_row (widget, state);
}

/* The row under `widget` in its list box that shows the message, as a sentence in the error
 * colour, the way GNOME forms show a reason under a field. */
static void
ensure_message_row (GtkWidget  *widget,
                    FieldState *state)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);
  GtkWidget *row;
  GtkWidget *label;

  if (state->message_row != NULL || !GTK_IS_LIST_BOX (parent) || !GTK_IS_LIST_BOX_ROW (widget))
    return;

  label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "kefu-field-message");
  gtk_widget_add_css_class (label, "error");

  row = adw_preferences_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  /* A list box hands Tab to the next sensitive row and stops when that row takes no focus:
   * an insensitive message row is passed over, so Tab still goes on to the next field. The
   * style sheet keeps its text from looking disabled. */
  gtk_widget_set_sensitive (row, FALSE);
  gtk_widget_add_css_class (row, "kefu-field-message-row");
  gtk_widget_set_visible (row, FALSE);
  gtk_list_box_insert (GTK_LIST_BOX (parent), row,
                       gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (widget)) + 1);

  g_set_weak_pointer (&state->message_row, row);
  state->message_label = GTK_LABEL (label);
  /* A screen reader reads the reason with the field. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, label, NULL,
                                  -1);
  g_signal_connect (widget, "notify::visible", G_CALLBACK (field_visible_cb), NULL);
}

static void
focus_leave_cb (GtkEventControllerFocus *controller,
                gpointer                 user_data)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  FieldState *state = get_state (widget);

  if (state == NULL || state->touched)
    return;

  state->touched = TRUE;
  kefu_form_field_request_validation (widget);
}

void
kefu_form_field_setup (GtkWidget  *widget,
                       const char *field_id)
{
  FieldState *state;
  GtkEventController *focus;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (field_id != NULL);

  if (field_quark == 0)
    field_quark = g_quark_from_static_string ("kefu-form-field");

  state = get_state (widget);
  if (state != NULL)
    {
      kefu_form_field_set_id (widget, field_id);
      return;
    }

  state = g_new0 (FieldState, 1);
  state->id = g_strdup (field_id);
  g_object_set_qdata_full (G_OBJECT (widget), field_quark, state, field_state_free);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (focus_leave_cb), NULL);
  gtk_widget_add_controller (widget, focus);
}

gboolean
kefu_form_field_is_field (GtkWidget *widget)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  return get_state (widget) != NULL;
}

const char *
kefu_form_field_get_id (GtkWidget *widget)
{
  FieldState *state;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  state = get_state (widget);
  return state != NULL ? state->id : NULL;
}

void
kefu_form_field_set_id (GtkWidget  *widget,
                        const char *field_id)
{
  FieldState *state;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (field_id != NULL);

  state = get_state (widget);
  g_return_if_fail (state != NULL);
  g_free (state->id);
  state->id = g_strdup (field_id);
}

gboolean
kefu_form_field_get_touched (GtkWidget *widget)
{
  FieldState *state;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  state = get_state (widget);
  return state != NULL && state->touched;
}

void
kefu_form_field_set_touched (GtkWidget *widget,
                             gboolean   touched)
{
  FieldState *state;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  state = get_state (widget);
  g_return_if_fail (state != NULL);
  state->touched = !!touched;
}

const char *
kefu_form_field_get_parse_error (GtkWidget *widget)
{
  FieldState *state;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  state = get_state (widget);
  return state != NULL ? state->parse_error : NULL;
}

void
kefu_form_field_set_parse_error (GtkWidget  *widget,
                                 const char *message)
{
  FieldState *state;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  state = get_state (widget);
  g_return_if_fail (state != NULL);

  if (message != NULL && *message == '\0')
    message = NULL;
  if (g_strcmp0 (state->parse_error, message) == 0)
    return;

  g_free (state->parse_error);
  state->parse_error = g_strdup (message);
  kefu_form_field_request_validation (widget);
}

const char *
kefu_form_field_get_message (GtkWidget *widget)
{
  FieldState *state;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  state = get_state (widget);
  return state != NULL ? state->message : NULL;
}

void
kefu_form_field_show_message (GtkWidget  *widget,
                              const char *message)
{
  FieldState *state;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  state = get_state (widget);
  g_return_if_fail (state != NULL);

  if (message != NULL && *message == '\0')
    message = NULL;
  if (g_strcmp0 (state->message, message) == 0)
    return;

  g_free (state->message);
  state->message = g_strdup (message);

  if (message != NULL)
    {
      gtk_widget_add_css_class (widget, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (widget),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
    }
  else
    {
      gtk_widget_remove_css_class (widget, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_INVALID);
    }

  if (state->message_func != NULL)
    {
      state->message_func (widget, state->message_data);
      return;
    }

  if (message != NULL)
    ensure_message_row (widget, state);
  update_message_row (widget, state);
}

void
kefu_form_field_set_message_func (GtkWidget                *widget,
                                  KefuFormFieldMessageFunc  func,
                                  gpointer                  user_data)
{
  FieldState *state;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  state = get_state (widget);
  g_return_if_fail (state != NULL);
  state->message_func = func;
  state->message_data = user_data;
}

static GtkWidget *
first_focusable (GtkWidget *widget)
{
  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_sensitive (widget))
    return NULL;
  if (gtk_widget_get_focusable (widget) && !GTK_IS_LIST_BOX_ROW (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = first_focusable (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

void
kefu_form_field_focus (GtkWidget *widget)
{
  GtkWidget *target = NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  /* An entry row gives the focus to its text, an activatable row (a combo row) takes it
   * itself; a row that only holds controls (the channel's toggles, a text view) passes it to
   * the first of them. */
  if (ADW_IS_ENTRY_ROW (widget) || GTK_IS_EDITABLE (widget)
      || (GTK_IS_LIST_BOX_ROW (widget)
          && gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (widget))))
    target = widget;
  else
    target = first_focusable (widget);

  gtk_widget_grab_focus (target != NULL ? target : widget);
}

static void
collect_fields (GtkWidget *widget,
                gboolean   shown_only,
                GPtrArray *fields)
{
  /* A GtkStack keeps the pages it does not show child-invisible, a GtkRevealer its hidden
   * child: the clerk cannot see them, so their fields do not count. */
  if (shown_only && (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget)))
    return;

  if (get_state (widget) != NULL)
    g_ptr_array_add (fields, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_fields (child, shown_only, fields);
}

GPtrArray *
kefu_form_field_list (GtkWidget *root)
{
  GPtrArray *fields = g_ptr_array_new ();

  g_return_val_if_fail (GTK_IS_WIDGET (root), fields);

  collect_fields (root, TRUE, fields);
  return fields;
}

GPtrArray *
kefu_form_field_list_all (GtkWidget *root)
{
  GPtrArray *fields = g_ptr_array_new ();

  g_return_val_if_fail (GTK_IS_WIDGET (root), fields);

  collect_fields (root, FALSE, fields);
  return fields;
}

GtkWidget *
kefu_form_field_find (GPtrArray  *fields,
                      const char *field_id)
{
  g_return_val_if_fail (fields != NULL, NULL);
  g_return_val_if_fail (field_id != NULL, NULL);

  for (guint i = 0; i < fields->len; i++)
    if (g_strcmp0 (kefu_form_field_get_id (fields->pdata[i]), field_id) == 0)
      return fields->pdata[i];

  return NULL;
}

GtkWidget *
kefu_form_field_find_under (GtkWidget  *root,
                            const char *field_id)
{
  g_autoptr(GPtrArray) fields = NULL;

  g_return_val_if_fail (GTK_IS_WIDGET (root), NULL);

  fields = kefu_form_field_list_all (root);
  return kefu_form_field_find (fields, field_id);
}

void
kefu_form_field_set_text_under (GtkWidget  *root,
                                const char *field_id,
                                const char *text)
{
  GtkWidget *widget = kefu_form_field_find_under (root, field_id);

  g_return_if_fail (GTK_IS_EDITABLE (widget));

  gtk_editable_set_text (GTK_EDITABLE (widget), text != NULL ? text : "");
}

const char *
kefu_form_field_get_message_under (GtkWidget  *root,
                                   const char *field_id)
{
  GtkWidget *widget = kefu_form_field_find_under (root, field_id);

  return widget != NULL ? kefu_form_field_get_message (widget) : NULL;
}

void
kefu_form_field_release_focus (GtkWidget *widget)
{
  GtkRoot *root;
  GtkWidget *focus;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  root = gtk_widget_get_root (widget);
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  if (focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget)))
    gtk_root_set_focus (root, NULL);
}

void
kefu_form_check_init (KefuFormCheck *check,
                      gboolean       show)
{
  g_return_if_fail (check != NULL);

  check->show = show;
  check->n_problems = 0;
  check->first = NULL;
}

void
kefu_form_check_field (KefuFormCheck *check,
                       gpointer       widget,
                       const char    *message)
{
  g_return_if_fail (check != NULL);
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (message != NULL)
    {
      check->n_problems++;
      if (check->first == NULL)
        check->first = widget;
    }
  if (check->show || message == NULL)
    kefu_form_field_show_message (widget, message);
}

void
kefu_form_field_request_validation (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_widget_activate_action (widget, KEFU_FORM_FIELD_VALIDATE_ACTION, NULL);
}
