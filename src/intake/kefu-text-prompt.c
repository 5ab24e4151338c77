/* kefu-text-prompt.c: an alert with one line of text.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-text-prompt"

#include "config.h"

#include <glib/gi18n.h>

#include "kefu-text-prompt.h"

#define ENTRY_KEY "kefu-text-prompt-entry"

static gboolean
text_is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

static void
entry_changed_cb (AdwEntryRow    *entry,
                  AdwAlertDialog *prompt)
{
  adw_alert_dialog_set_response_enabled (prompt, KEFU_TEXT_PROMPT_ACCEPT,
                                         !text_is_blank (gtk_editable_get_text (GTK_EDITABLE (entry))));
}

AdwAlertDialog *
kefu_text_prompt_new (const char *heading,
                      const char *body,
                      const char *entry_title,
                      const char *accept_label,
                      gboolean    destructive)
{
  AdwAlertDialog *prompt;
  GtkWidget *list;
  GtkWidget *entry;

  g_return_val_if_fail (heading != NULL, NULL);
  g_return_val_if_fail (entry_title != NULL, NULL);
  g_return_val_if_fail (accept_label != NULL, NULL);

  prompt = ADW_ALERT_DIALOG (adw_alert_dialog_new (heading, body));
  adw_alert_dialog_add_responses (prompt,
                                  KEFU_TEXT_PROMPT_CANCEL, _("_Cancel"),
                                  KEFU_TEXT_PROMPT_ACCEPT, accept_label,
                                  NULL);
  adw_alert_dialog_set_response_appearance (prompt, KEFU_TEXT_PROMPT_ACCEPT,
                                            destructive ? ADW_RESPONSE_DESTRUCTIVE
                                                        : ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_response_enabled (prompt, KEFU_TEXT_PROMPT_ACCEPT, FALSE);
  adw_alert_dialog_set_default_response (prompt, KEFU_TEXT_PROMPT_ACCEPT);
  adw_alert_dialog_set_close_response (prompt, KEFU_TEXT_PROMPT_CANCEL);

  entry = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), entry_title);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (entry), FALSE);
  /* Enter answers the question, as the default button does once there is an answer. */
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (entry), TRUE);
  g_signal_connect_object (entry, "changed", G_CALLBACK (entry_changed_cb), prompt, 0);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), entry);
  adw_alert_dialog_set_extra_child (prompt, list);
  adw_dialog_set_focus (ADW_DIALOG (prompt), entry);

  g_object_set_data (G_OBJECT (prompt), ENTRY_KEY, entry);

  return prompt;
}

char *
kefu_text_prompt_dup_text (AdwAlertDialog *prompt)
{
  AdwEntryRow *entry;

  g_return_val_if_fail (ADW_IS_ALERT_DIALOG (prompt), NULL);

  entry = kefu_text_prompt_get_entry (prompt);
  g_return_val_if_fail (entry != NULL, NULL);

  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
}

AdwEntryRow *
kefu_text_prompt_get_entry (AdwAlertDialog *prompt)
{
  g_return_val_if_fail (ADW_IS_ALERT_DIALOG (prompt), NULL);

  return g_object_get_data (G_OBJECT (prompt), ENTRY_KEY);
}
