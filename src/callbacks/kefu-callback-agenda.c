/* kefu-callback-agenda.c: a day's callbacks, a row each.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-callback-agenda"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "core/kefu-callback-rules.h"
#include "core/kefu-enums.h"
#include "widgets/kefu-row-pacer.h"

#include "kefu-callback-agenda.h"

struct _KefuCallbackAgenda
{
  GtkWidget      parent_instance;

  GtkLabel      *day_label;
  GtkLabel      *summary_label;
  GtkStack      *stack;
  GtkListView   *list;
  AdwStatusPage *empty_page;

  GListStore    *callbacks;
  KefuRowPacer  *pacer;      /* a screen of rows in the first frame, a screen more each frame */
  GDateTime     *now;
};

/* A screen of agenda rows, and GTK's bound on a list view's rows (see kefu-row-pacer.h). */
#define PACED_ROWS 20
#define LIST_ROWS  200

G_DEFINE_FINAL_TYPE (KefuCallbackAgenda, kefu_callback_agenda, GTK_TYPE_WIDGET)

/* Where a callback stands at `now`, in words, with the style class of its badge. */
static const char *
callback_status (KefuCallback  *callback,
                 GDateTime     *now,
                 const char   **style,
                 char         **owned)
{
  *owned = NULL;
  if (callback->state == KEFU_CALLBACK_STATE_DONE)
    {
      *style = "success";
      return C_("callback status", "Done");
    }
  if (callback->state == KEFU_CALLBACK_STATE_CANCELLED)
    {
      *style = "dim-label";
      return C_("callback status", "Cancelled");
    }
  if (callback->claimed_by != 0 && kefu_callback_claim_is_live (callback->claim_renewed_at, now))
    {
      *style = "accent";
      /* Translators: a callback someone is doing now, in the agenda: "Calling: 王芳". */
      *owned = g_strdup_printf (C_("callback status", "Calling: %s"),
                                callback->claimed_by_name != NULL ? callback->claimed_by_name : "");
      return *owned;
    }
  if (callback->escalated_at != NULL)
    {
      *style = "warning";
      return C_("callback status", "For the Lead");
    }
  if (callback->due_at != NULL && g_date_time_compare (callback->due_at, now) < 0)
    {
      *style = "error";
      return C_("callback status", "Overdue");
    }
  *style = NULL;
  return C_("callback status", "Due");
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *time = gtk_label_new (NULL);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *why = gtk_label_new (NULL);
  GtkWidget *status = gtk_label_new (NULL);

  gtk_widget_add_css_class (time, "numeric");
  gtk_widget_set_valign (time, GTK_ALIGN_START);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (name, "heading");
  gtk_label_set_xalign (GTK_LABEL (why), 0);
  gtk_label_set_ellipsize (GTK_LABEL (why), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (why, "dim-label");
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (texts), name);
  gtk_box_append (GTK_BOX (texts), why);
  gtk_widget_add_css_class (status, "kefu-badge");
  gtk_widget_set_valign (status, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (row), time);
  gtk_box_append (GTK_BOX (row), texts);
  gtk_box_append (GTK_BOX (row), status);
  gtk_widget_set_margin_top (row, 6);
  gtk_widget_set_margin_bottom (row, 6);
  gtk_widget_set_margin_start (row, 6);
  gtk_widget_set_margin_end (row, 6);
  gtk_list_item_set_child (item, row);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         KefuCallbackAgenda       *self)
{
  KefuCallback *callback = gtk_list_item_get_item (item);
  GtkWidget *row = gtk_list_item_get_child (item);
  GtkWidget *time = gtk_widget_get_first_child (row);
  GtkWidget *texts = gtk_widget_get_next_sibling (time);
  GtkWidget *status = gtk_widget_get_next_sibling (texts);
  GtkWidget *name = gtk_widget_get_first_child (texts);
  GtkWidget *why = gtk_widget_get_next_sibling (name);
  const char *reason = kefu_callback_reason_get_display_name (callback->reason);
  const char *shown_style = g_object_get_data (G_OBJECT (status), "kefu-style");
  const char *style = NULL;
  g_autofree char *owned = NULL;
  g_autofree char *when = NULL;
  g_autofree char *about = NULL;
  g_autofree char *accessible = NULL;
  const char *state;

  if (callback->due_at != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (callback->due_at);

      when = g_date_time_format (local, "%H:%M");
    }
  gtk_label_set_label (GTK_LABEL (time), when != NULL ? when : "");
  gtk_label_set_label (GTK_LABEL (name), callback->customer_name != NULL ? callback->customer_name : "");
  if (callback->topic != NULL && callback->source_reference != NULL)
    /* Translators: why a callback is made, in the agenda: "After service · 上门维修 · SH-20261124-0002". */
    about = g_strdup_printf (_("%s · %s · %s"), reason, callback->topic, callback->source_reference);
  else if (callback->topic != NULL || callback->source_reference != NULL)
    about = g_strdup_printf (_("%s · %s"), reason,
                             callback->topic != NULL ? callback->topic : callback->source_reference);
  else
    about = g_strdup (reason);
  if (callback->assigned_to_name != NULL)
    {
      char *with = g_strdup_printf (
        /* Translators: the agenda row's second line and whose callback it is: "… · 王芳". */
        _("%s · %s"), about, callback->assigned_to_name);

      g_free (about);
      about = with;
    }
  gtk_label_set_label (GTK_LABEL (why), about);

  state = callback_status (callback, self->now, &style, &owned);
  gtk_label_set_label (GTK_LABEL (status), state);
  if (shown_style != NULL)
    gtk_widget_remove_css_class (status, shown_style);
  if (style != NULL)
    gtk_widget_add_css_class (status, style);
  g_object_set_data (G_OBJECT (status), "kefu-style", (gpointer) style);

  /* Translators: an agenda row read out: "10:30, 张三, After service, Overdue". */
  accessible = g_strdup_printf (_("%s, %s, %s, %s"), when != NULL ? when : "",
                                callback->customer_name != NULL ? callback->customer_name : "",
                                about, state);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
}

static void
activate_cb (GtkListView        *list,
             guint               position,
             KefuCallbackAgenda *self)
{
  g_autoptr(KefuCallback) callback = g_list_model_get_item (G_LIST_MODEL (self->callbacks),
                                                           position);

  if (callback != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "callbacks.open", "x", callback->id);
}

/* Whether the row at `position` shows `callback` as it is now. */
static gboolean
same_callback (GListModel   *shown,
               guint         position,
               KefuCallback *callback,
               GDateTime    *shown_now,
               GDateTime    *now)
{
  g_autoptr(KefuCallback) old = g_list_model_get_item (shown, position);

  /* The status says "Overdue" by the time of the read. */
  return old->id == callback->id && old->version == callback->version &&
         old->state == callback->state && old->claimed_by == callback->claimed_by &&
         old->n_attempts == callback->n_attempts && shown_now != NULL &&
         (callback->due_at == NULL ||
          (g_date_time_compare (callback->due_at, shown_now) < 0) ==
          (g_date_time_compare (callback->due_at, now) < 0));
}

void
kefu_callback_agenda_set_callbacks (KefuCallbackAgenda *self,
                                    const GDate        *day,
                                    GPtrArray          *callbacks,
                                    GDateTime          *now)
{
  char title[64];
  guint n_done = 0;
  guint n;

  g_return_if_fail (KEFU_IS_CALLBACK_AGENDA (self));
  g_return_if_fail (day != NULL && g_date_valid (day));
  g_return_if_fail (now != NULL);

  g_autoptr(GDateTime) shown_now = g_steal_pointer (&self->now);

  self->now = g_date_time_ref (now);

  /* Translators: the agenda's day, "Tuesday, November 24" (strftime format). */
  /* xgettext:no-c-format */
  g_date_strftime (title, sizeof title, C_("agenda day", "%A, %B %-d"), day);
  gtk_label_set_label (self->day_label, title);

  n = callbacks != NULL ? callbacks->len : 0;
  for (guint i = 0; i < n; i++)
    if (((KefuCallback *) callbacks->pdata[i])->state == KEFU_CALLBACK_STATE_DONE)
      n_done++;
  /* Only what changed is told to the view: a callback done elsewhere changes one row, and the
   * rows around it keep their widgets, the scroll position and the focus. */
  {
    GListModel *shown = G_LIST_MODEL (self->callbacks);
    guint before = g_list_model_get_n_items (shown);
    guint prefix = 0, suffix = 0;

    while (prefix < before && prefix < n &&
           same_callback (shown, prefix, callbacks->pdata[prefix], shown_now, now))
      prefix++;
    while (suffix < before - prefix && suffix < n - prefix &&
           same_callback (shown, before - 1 - suffix, callbacks->pdata[n - 1 - suffix],
                          shown_now, now))
      suffix++;
    if (before - prefix - suffix > 0 || n - prefix - suffix > 0)
      {
        /* A busy day of the team (1,300 callbacks) would bind 200 rows in one frame. */
        if (before == 0)
          kefu_row_pacer_hold (self->pacer);
        g_list_store_splice (self->callbacks, prefix, before - prefix - suffix,
                             n > 0 ? callbacks->pdata + prefix : NULL, n - prefix - suffix);
        if (kefu_row_pacer_get_held (self->pacer))
          kefu_row_pacer_release (self->pacer, GTK_WIDGET (self));
      }
  }
  if (n == 0)
    gtk_label_set_label (self->summary_label, "");
  else
    {
      g_autofree char *summary =
        /* Translators: under the agenda's day: "12 callbacks, 5 done". */
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u callback, %u done",
                                      "%u callbacks, %u done", n), n, n_done);

      gtk_label_set_label (self->summary_label, summary);
    }
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

GListModel *
kefu_callback_agenda_get_model (KefuCallbackAgenda *self)
{
  g_return_val_if_fail (KEFU_IS_CALLBACK_AGENDA (self), NULL);

  return G_LIST_MODEL (self->callbacks);
}

static void
kefu_callback_agenda_dispose (GObject *object)
{
  KefuCallbackAgenda *self = KEFU_CALLBACK_AGENDA (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_CALLBACK_AGENDA);
  /* The template's box is the only child; its children go with it. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->pacer, kefu_row_pacer_free);
  g_clear_object (&self->callbacks);
  g_clear_pointer (&self->now, g_date_time_unref);

  G_OBJECT_CLASS (kefu_callback_agenda_parent_class)->dispose (object);
}

static void
kefu_callback_agenda_class_init (KefuCallbackAgendaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kefu_callback_agenda_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kefu/Kefu/ui/kefu-callback-agenda.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackAgenda, day_label);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackAgenda, summary_label);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackAgenda, stack);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackAgenda, list);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackAgenda, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
kefu_callback_agenda_init (KefuCallbackAgenda *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->callbacks = g_list_store_new (KEFU_TYPE_CALLBACK);
  self->pacer = kefu_row_pacer_new (G_LIST_MODEL (self->callbacks), PACED_ROWS, LIST_ROWS);
  self->now = g_date_time_new_now_utc ();
  selection = gtk_no_selection_new (g_object_ref (kefu_row_pacer_get_model (self->pacer)));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  gtk_list_view_set_factory (self->list, factory);
  gtk_list_view_set_model (self->list, GTK_SELECTION_MODEL (selection));
}

GtkWidget *
kefu_callback_agenda_new (void)
{
  return g_object_new (KEFU_TYPE_CALLBACK_AGENDA, NULL);
}
