/* kefu-form-field.h: the fields of the call forms as the validation sees them.
 *
 * Any widget of a call form can be a field: it carries the stable field id that
 * kefu_call_validate() uses ("caller-name", "line-2-quantity" …), whether the clerk has left it
 * once (after which its problems show as they type), the reason its text does not parse (shown
 * at once), and the message it shows. The message goes into a label under the field: by default
 * a row inserted right below the field in its list box; several fields may share one label (the
 * entries of an order line), which then lists their messages in order.
 *
 * These are plain functions over any GtkWidget rather than a class, because the fields are
 * libadwaita's own rows (AdwEntryRow, AdwComboRow …) and plain entries.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The widget action a field activates when its state changes, so that the call form around it
 * shows the messages again. */
#define KEFU_FORM_FIELD_VALIDATE_ACTION "call-form.validate"

/* Makes `widget` the field `field_id`: it becomes touched when the keyboard focus leaves it. */
void        kefu_form_field_setup            (GtkWidget   *widget,
                                              const char  *field_id);
gboolean    kefu_form_field_is_field         (GtkWidget   *widget);
const char *kefu_form_field_get_id           (GtkWidget   *widget);
void        kefu_form_field_set_id           (GtkWidget   *widget,
                                              const char  *field_id);
gboolean    kefu_form_field_get_touched      (GtkWidget   *widget);
void        kefu_form_field_set_touched      (GtkWidget   *widget,
                                              gboolean     touched);
/* The reason the field's text cannot be read (NULL when it can, or is empty); setting it asks
 * the form to validate again. */
const char *kefu_form_field_get_parse_error  (GtkWidget   *widget);
void        kefu_form_field_set_parse_error  (GtkWidget   *widget,
                                              const char  *message);
/* The message shown under the field (NULL for none): the `error` style class and the
 * accessible invalid state follow it. */
const char *kefu_form_field_get_message      (GtkWidget   *widget);
void        kefu_form_field_show_message     (GtkWidget   *widget,
                                              const char  *message);
/* Shows the field's message by calling `func` (e.g. an order line lists the messages of its
 * entries in one label under them) instead of in a row of its own. `user_data` must outlive the
 * field. */
typedef void (*KefuFormFieldMessageFunc) (GtkWidget *widget,
                                          gpointer   user_data);
void        kefu_form_field_set_message_func (GtkWidget                *widget,
                                              KefuFormFieldMessageFunc  func,
                                              gpointer                  user_data);
/* Moves the keyboard focus into the field. */
void        kefu_form_field_focus            (GtkWidget   *widget);

/* Every field under `root` that the clerk can see, in the order of the widget tree: hidden
 * widgets and the pages a GtkStack does not show are skipped. (transfer container) */
GPtrArray  *kefu_form_field_list             (GtkWidget   *root);
/* Every field under `root`, shown or not. (transfer container) */
GPtrArray  *kefu_form_field_list_all         (GtkWidget   *root);
/* The field `field_id` among `fields`, or NULL. */
GtkWidget  *kefu_form_field_find             (GPtrArray   *fields,
                                              const char  *field_id);

/* The field `field_id` under `root`, shown or not, or NULL. */
GtkWidget  *kefu_form_field_find_under       (GtkWidget   *root,
                                              const char  *field_id);
/* Puts `text` (NULL: nothing) in the entry field `field_id` under `root`, as typed. */
void        kefu_form_field_set_text_under   (GtkWidget   *root,
                                              const char  *field_id,
                                              const char  *text);
/* The message under the field `field_id` under `root`, or NULL (no message, or no field). */
const char *kefu_form_field_get_message_under (GtkWidget  *root,
                                               const char *field_id);

/* Takes the keyboard focus out of `widget` or what is in it, before it is hidden or disabled: a
 * field that loses its sensitivity while it has the focus never hears it leave and keeps its
 * cursor blinking. */
void        kefu_form_field_release_focus    (GtkWidget   *widget);

/* A form's fields checked one after the other: each field's message shown under it (when
 * `show`, else only cleared once right, so that a field not yet left shows nothing), the
 * problems counted and the first field with one kept, to move the focus there. */
typedef struct
{
  gboolean   show;
  guint      n_problems;
  GtkWidget *first;
} KefuFormCheck;

void        kefu_form_check_init             (KefuFormCheck *check,
                                              gboolean       show);
/* `message` NULL: the field is right. `widget` is a GtkWidget (any row type, uncast). */
void        kefu_form_check_field            (KefuFormCheck *check,
                                              gpointer       widget,
                                              const char    *message);

/* Asks the call form around `widget` to validate again (activates the action above). */
void        kefu_form_field_request_validation (GtkWidget *widget);

G_END_DECLS
