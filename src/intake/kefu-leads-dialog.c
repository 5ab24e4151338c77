/* kefu-leads-dialog.c: the open leads, read off the main thread, each with its two actions.
 *
 * The row buttons carry the lead's id as their action target, which a list item factory in C
 * sets when it binds a row; the actions find the lead in the list by that id.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-leads-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-phone.h"

#include "kefu-caller-lookup.h"
#include "kefu-leads-dialog.h"
#include "kefu-text-prompt.h"
#include "widgets/kefu-list-loader.h"

struct _KefuLeadsDialog
{
  AdwDialog        parent_instance;

  KefuStore       *store;
  GCancellable    *cancellable;
  GListStore      *leads;
  gboolean         busy;

  AdwStatusPage   *error_page;
  GtkListView     *list_view;
  GtkStack        *stack;
  AdwToastOverlay *toast_overlay;
};

G_DEFINE_FINAL_TYPE (KefuLeadsDialog, kefu_leads_dialog, ADW_TYPE_DIALOG)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

enum {
  MAKE_ORDER_CALL,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void load (KefuLeadsDialog *self);

static void
set_busy (KefuLeadsDialog *self,
          gboolean         busy)
{
  if (self->busy == busy)
    return;

  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* Transfer none. */
static KefuLead *
find_lead (KefuLeadsDialog *self,
           gint64           id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->leads));

  for (guint i = 0; i < n; i++)
    {
      KefuLead *lead = g_list_model_get_item (G_LIST_MODEL (self->leads), i);

      /* The list holds its own reference. */
      g_object_unref (lead);
      if (kefu_record_get_id (KEFU_RECORD (lead)) == id)
        return lead;
    }

  return NULL;
}

static gpointer
list_leads_func (KefuStore     *store,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  return kefu_store_list_leads (store, KEFU_LEAD_STATE_OPEN, cancellable, error);
}

static void
list_leads_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(KefuLeadsDialog) self = user_data;
  g_autoptr(GListModel) leads = NULL;
  g_autoptr(GError) error = NULL;

  leads = kefu_store_run_finish (KEFU_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);

  if (leads == NULL)
    {
      kefu_list_loader_show_error (self->stack, self->error_page, error->message);
      return;
    }

  kefu_list_store_replace_all (self->leads, leads);
  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (leads) > 0 ? "list" : "empty");
}

static void
load (KefuLeadsDialog *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->store == NULL)
    return;

  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->leads)) == 0)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  kefu_store_run_async (self->store, list_leads_func, NULL, NULL, self->cancellable,
                        list_leads_cb, g_object_ref (self));
}

/* Dropping, on the worker against a copy: the lead in the list stays untouched until the list
 * is read again. */
static gpointer
drop_lead_func (KefuStore     *store,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  KefuLead *lead = data;

  if (!kefu_store_drop_lead (store, lead, cancellable, error))
    return NULL;

  return g_object_ref (lead);
}

static void
drop_lead_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(KefuLeadsDialog) self = user_data;
  g_autoptr(KefuLead) dropped = NULL;
  g_autoptr(GError) error = NULL;

  dropped = kefu_store_run_finish (KEFU_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);

  if (dropped == NULL)
    {
      /* Translators: a lead could not be dropped; %s is the reason. */
      g_autofree char *text = g_strdup_printf (_("The lead was not dropped: %s"), error->message);

      kefu_toast_overlay_add_error (self->toast_overlay, text);
    }
  else
    {
      /* Translators: %s is the caller's name. */
      g_autofree char *text = g_strdup_printf (_("The lead of %s was dropped"),
                                               kefu_lead_get_caller_name (dropped));

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
    }

  load (self);
}

static void
drop_prompt_response_cb (AdwAlertDialog *prompt,
                         const char     *response,
                         gpointer        user_data)
{
  g_autoptr(KefuLeadsDialog) self = KEFU_LEADS_DIALOG (g_object_ref (user_data));
  g_autofree char *reason = NULL;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (prompt), "lead-id"));
  KefuLead *lead;
  KefuLead *copy;

  if (g_strcmp0 (response, KEFU_TEXT_PROMPT_ACCEPT) != 0 || self->store == NULL)
    return;

  lead = find_lead (self, id);
  if (lead == NULL)
    return;

  reason = kefu_text_prompt_dup_text (prompt);
  copy = kefu_lead_new ();
  kefu_record_set_id (KEFU_RECORD (copy), kefu_record_get_id (KEFU_RECORD (lead)));
  kefu_record_set_version (KEFU_RECORD (copy), kefu_record_get_version (KEFU_RECORD (lead)));
  kefu_lead_set_caller_name (copy, kefu_lead_get_caller_name (lead));
  kefu_lead_set_note (copy, reason);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  kefu_store_run_async (self->store, drop_lead_func, copy, g_object_unref, self->cancellable,
                        drop_lead_cb, g_object_ref (self));
}

static void
drop_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  KefuLeadsDialog *self = KEFU_LEADS_DIALOG (widget);
  gint64 id = g_variant_get_int64 (param);
  KefuLead *lead = find_lead (self, id);
  g_autofree char *heading = NULL;
  AdwAlertDialog *prompt;

  if (lead == NULL)
    return;

  /* Translators: %s is the caller's name. */
  heading = g_strdup_printf (_("Drop the Lead of %s?"), kefu_lead_get_caller_name (lead));
  prompt = kefu_text_prompt_new (heading,
                                 _("The lead leaves the list. Say why, so the clerk who took the call can learn from it."),
                                 _("Reason for dropping"), _("_Drop Lead"), TRUE);
  g_object_set_data (G_OBJECT (prompt), "lead-id", GSIZE_TO_POINTER ((gsize) id));
  g_signal_connect_object (prompt, "response", G_CALLBACK (drop_prompt_response_cb), self, 0);
  adw_dialog_present (ADW_DIALOG (prompt), GTK_WIDGET (self));
}

static void
make_order_call_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  KefuLeadsDialog *self = KEFU_LEADS_DIALOG (widget);
  g_autoptr(KefuLead) lead = NULL;
  KefuLead *found = find_lead (self, g_variant_get_int64 (param));

  if (found == NULL)
    return;

  /* The dialog closes first; the reference keeps the lead alive for the handlers. */
  lead = g_object_ref (found);
  adw_dialog_close (ADW_DIALOG (self));
  g_signal_emit (self, signals[MAKE_ORDER_CALL], 0, lead);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  load (KEFU_LEADS_DIALOG (widget));
}

/* The row factory. */

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *asked = gtk_label_new (NULL);
  GtkWidget *meta = gtk_label_new (NULL);
  GtkWidget *order = gtk_button_new_with_mnemonic (_("_Make Order Call"));
  GtkWidget *drop = gtk_button_new_with_mnemonic (_("_Drop…"));

  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);

  gtk_widget_set_hexpand (text, TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (asked), 0);
  gtk_label_set_wrap (GTK_LABEL (asked), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (asked), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (asked), 3);
  gtk_label_set_ellipsize (GTK_LABEL (asked), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (meta), 0);
  gtk_label_set_ellipsize (GTK_LABEL (meta), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (meta, "caption");
  gtk_widget_add_css_class (meta, "dim-label");
  gtk_box_append (GTK_BOX (text), title);
  gtk_box_append (GTK_BOX (text), asked);
  gtk_box_append (GTK_BOX (text), meta);

  gtk_widget_set_valign (buttons, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (order), "leads.make-order-call");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (drop), "leads.drop");
  gtk_widget_add_css_class (order, "suggested-action");
  gtk_widget_add_css_class (drop, "flat");
  gtk_box_append (GTK_BOX (buttons), order);
  gtk_box_append (GTK_BOX (buttons), drop);

  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), buttons);

  g_object_set_data (G_OBJECT (item), "title", title);
  g_object_set_data (G_OBJECT (item), "asked", asked);
  g_object_set_data (G_OBJECT (item), "meta", meta);
  g_object_set_data (G_OBJECT (item), "order", order);
  g_object_set_data (G_OBJECT (item), "drop", drop);

  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_selectable (item, FALSE);
  gtk_list_item_set_child (item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  KefuLead *lead = gtk_list_item_get_item (item);
  gint64 id = kefu_record_get_id (KEFU_RECORD (lead));
  const char *phone = kefu_lead_get_phone (lead);
  const char *summary = kefu_lead_get_summary (lead);
  g_autofree char *formatted_phone = *phone != '\0' ? kefu_phone_format (phone) : g_strdup ("");
  g_autofree char *title = NULL;
  g_autofree char *asked = NULL;
  g_autofree char *when = NULL;
  g_autofree char *meta = NULL;
  g_autofree char *make_label = NULL;
  g_autofree char *drop_label = NULL;
  g_autofree char *accessible = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  if (*formatted_phone != '\0')
    /* Translators: a lead: the caller's name and phone number. */
    title = g_strdup_printf (_("%s · %s"), kefu_lead_get_caller_name (lead), formatted_phone);
  else
    title = g_strdup (kefu_lead_get_caller_name (lead));

  if (*summary != '\0')
    /* Translators: what the caller of a lead asked about; %s is the inquiry's summary. */
    asked = g_strdup_printf (_("Asked: %s"), summary);
  else
    asked = g_strdup (_("Nothing was noted about what was asked."));

  when = kefu_lead_get_received_at (lead) != NULL
         ? kefu_format_relative_time (kefu_lead_get_received_at (lead), now)
         : g_strdup ("");
  /* Translators: a lead's inquiry call: its reference, the clerk who took it, and when, e.g.
   * "ZX-20261127-0004 · taken by 王芳 · 2 days ago". */
  meta = g_strdup_printf (_("%s · taken by %s · %s"), kefu_lead_get_call_reference (lead),
                          kefu_lead_get_clerk_name (lead), when);

  gtk_label_set_label (g_object_get_data (G_OBJECT (item), "title"), title);
  gtk_label_set_label (g_object_get_data (G_OBJECT (item), "asked"), asked);
  gtk_label_set_label (g_object_get_data (G_OBJECT (item), "meta"), meta);
  gtk_actionable_set_action_target (g_object_get_data (G_OBJECT (item), "order"), "x", id);
  gtk_actionable_set_action_target (g_object_get_data (G_OBJECT (item), "drop"), "x", id);

  /* The buttons say whose lead they act on, for a screen reader going through the rows. */
  /* Translators: the accessible name of a lead's button; %s is the caller's name. */
  make_label = g_strdup_printf (_("Make an order call for %s"), kefu_lead_get_caller_name (lead));
  /* Translators: the accessible name of a lead's button; %s is the caller's name. */
  drop_label = g_strdup_printf (_("Drop the lead of %s"), kefu_lead_get_caller_name (lead));
  gtk_accessible_update_property (GTK_ACCESSIBLE (g_object_get_data (G_OBJECT (item), "order")),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, make_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (g_object_get_data (G_OBJECT (item), "drop")),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, drop_label, -1);

  /* Translators: a lead read by a screen reader: who, what was asked, and the call. */
  accessible = g_strdup_printf (_("%s, %s, %s"), title, asked, meta);
  gtk_list_item_set_accessible_label (item, accessible);
}

static void
kefu_leads_dialog_dispose (GObject *object)
{
  KefuLeadsDialog *self = KEFU_LEADS_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_LEADS_DIALOG);

  g_clear_object (&self->leads);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kefu_leads_dialog_parent_class)->dispose (object);
}

static void
kefu_leads_dialog_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  KefuLeadsDialog *self = KEFU_LEADS_DIALOG (object);

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
kefu_leads_dialog_class_init (KefuLeadsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kefu_leads_dialog_dispose;
  object_class->get_property = kefu_leads_dialog_get_property;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KefuLeadsDialog::make-order-call:
   * @lead: the lead whose order the team lead takes now
   */
  signals[MAKE_ORDER_CALL] =
    g_signal_new ("make-order-call", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, KEFU_TYPE_LEAD);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kefu/Kefu/ui/kefu-leads-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuLeadsDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, KefuLeadsDialog, list_view);
  gtk_widget_class_bind_template_child (widget_class, KefuLeadsDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, KefuLeadsDialog, toast_overlay);

  gtk_widget_class_install_action (widget_class, "leads.make-order-call", "x",
                                   make_order_call_action);
  gtk_widget_class_install_action (widget_class, "leads.drop", "x", drop_action);
  gtk_widget_class_install_action (widget_class, "leads.reload", NULL, reload_action);
}

static void
kefu_leads_dialog_init (KefuLeadsDialog *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->leads = g_list_store_new (KEFU_TYPE_LEAD);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->leads)));
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
}

AdwDialog *
kefu_leads_dialog_new (KefuStore *store)
{
  KefuLeadsDialog *self;

  g_return_val_if_fail (KEFU_IS_STORE (store), NULL);

  self = g_object_new (KEFU_TYPE_LEADS_DIALOG, NULL);
  self->store = g_object_ref (store);
  load (self);

  return ADW_DIALOG (self);
}

gboolean
kefu_leads_dialog_get_busy (KefuLeadsDialog *self)
{
  g_return_val_if_fail (KEFU_IS_LEADS_DIALOG (self), FALSE);

  return self->busy;
}

GListModel *
kefu_leads_dialog_get_leads (KefuLeadsDialog *self)
{
  g_return_val_if_fail (KEFU_IS_LEADS_DIALOG (self), NULL);

  return G_LIST_MODEL (self->leads);
}
