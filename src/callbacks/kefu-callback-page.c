/* kefu-callback-page.c: doing one callback: reading it with everything the page shows (the claim
 * taken first), the page's actions, properties and overrides. The claim's renewal and release
 * and the record's save are in kefu-callback-page-claim.c, the sections and the script in
 * kefu-callback-page-sections.c, the record form is kefu-callback-record-form.c.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-callback-page"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-roles.h"
#include "store/kefu-store-archive.h"
#include "widgets/kefu-audit-dialog.h"
#include "core/kefu-settings-keys.h"
#include "store/kefu-store-callbacks.h"
#include "store/kefu-store-complaints.h"
#include "store/kefu-store-jobs.h"
#include "store/kefu-store-shipments.h"

#include "kefu-callback-page-private.h"

G_DEFINE_FINAL_TYPE (KefuCallbackPage, kefu_callback_page, ADW_TYPE_NAVIGATION_PAGE)

enum {
  PROP_0,
  PROP_STORE,
  PROP_STAFF,
  PROP_CALLBACK_ID,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The settings of the script, in KefuScriptPart order. */
static const char * const script_keys[KEFU_SCRIPT_N_PARTS] = {
  KEFU_SETTING_SCRIPT_OPENING,
  KEFU_SETTING_SCRIPT_QUESTION,
  KEFU_SETTING_SCRIPT_SATISFIED,
  KEFU_SETTING_SCRIPT_CLOSING_SATISFIED,
  KEFU_SETTING_SCRIPT_UNSATISFIED,
  KEFU_SETTING_SCRIPT_CLOSING_UNSATISFIED,
};

/* Helpers */

GDateTime *
_kefu_callback_page_now (KefuCallbackPage *self)
{
  return self->clock != NULL ? g_date_time_ref (self->clock) : g_date_time_new_now_local ();
}

static KefuRole
staff_role (KefuCallbackPage *self)
{
  return self->staff != NULL ? kefu_staff_get_role (self->staff) : KEFU_ROLE_CLERK;
}

gboolean
_kefu_callback_page_is_due (KefuCallbackPage *self)
{
  return self->callback != NULL && self->callback->state == KEFU_CALLBACK_STATE_DUE
         && !self->recorded;
}

/* A lead closes an escalated callback as unreachable without holding its claim. */
static gboolean
may_close_unreachable (KefuCallbackPage *self)
{
  return _kefu_callback_page_is_due (self) && self->callback->escalated_at != NULL
         && kefu_role_leads_callbacks (staff_role (self));
}

/* A setting's text, its default when the table has none or it cannot be read (the script is
 * better said in the default words than not at all). */
static char *
read_setting (KefuStore    *store,
              const char   *key,
              GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  char *value = kefu_store_get_setting (store, key, cancellable, &error);

  if (error != NULL)
    g_debug ("Setting %s not read: %s", key, error->message);
  if (value == NULL || *value == '\0')
    {
      g_free (value);
      value = g_strdup (kefu_setting_get_default (key));
    }
  return value;
}

/* The record the callback follows, when it can be read; a record gone leaves the page without
 * that section, never without the callback. */
static GObject *
read_source (KefuStore    *store,
             KefuCallback *callback,
             GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  GObject *source = NULL;

  if (callback->source_entity == NULL || callback->source_id <= 0)
    return NULL;
  if (g_str_equal (callback->source_entity, "complaint"))
    source = G_OBJECT (kefu_store_get_complaint_card (store, callback->source_id, cancellable,
                                                      &error));
  else if (g_str_equal (callback->source_entity, "service-job"))
    source = G_OBJECT (kefu_store_get_job (store, callback->source_id, cancellable, &error));
  else if (g_str_equal (callback->source_entity, "shipment"))
    source = G_OBJECT (kefu_store_get_shipment (store, callback->source_id, cancellable, &error));
  if (error != NULL)
    g_debug ("The record callback %" G_GINT64_FORMAT " follows was not read: %s", callback->id,
             error->message);
  return source;
}

/* Loading */

/* On the worker: the claim first (so that the callback read after it shows who holds it), then
 * the callback, the rules, the customer's own times, the script's settings and the record it
 * follows. A claim refused leaves the page read-only, with the reason. */
static gpointer
load_func (KefuStore     *store,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  gint64 id = *(gint64 *) data;
  g_autoptr(GObject) result = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(KefuCallback) callback = NULL;
  g_autoptr(KefuCallbackRules) rules = NULL;
  g_autoptr(GError) claim_error = NULL;
  g_autofree char *quiet = NULL;
  g_autofree char *preferred = NULL;
  GObject *source;
  gboolean claimed;

  claimed = kefu_store_claim_callback (store, id, kefu_store_get_workstation_id (), cancellable,
                                       &claim_error);
  if (g_error_matches (claim_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&claim_error));
      return NULL;
    }
  callback = kefu_store_get_callback (store, id, cancellable, error);
  if (callback == NULL)
    return NULL;
  rules = kefu_store_read_callback_rules (store, cancellable, error);
  if (rules == NULL)
    return NULL;
  if (!kefu_store_get_customer_callback_times (store, callback->customer_id, &quiet, &preferred,
                                               cancellable, error))
    return NULL;

  for (guint i = 0; i < KEFU_SCRIPT_N_PARTS; i++)
    g_object_set_data_full (result, script_keys[i],
                            read_setting (store, script_keys[i], cancellable), g_free);
  g_object_set_data_full (result, KEFU_SETTING_SITE_COMPANY_NAME,
                          read_setting (store, KEFU_SETTING_SITE_COMPANY_NAME, cancellable),
                          g_free);
  source = read_source (store, callback, cancellable);
  if (source != NULL)
    g_object_set_data_full (result, "source", source, g_object_unref);

  g_object_set_data (result, "claimed", GINT_TO_POINTER (claimed));
  if (claim_error != NULL)
    {
      g_object_set_data (result, "claim-code",
                         GINT_TO_POINTER (claim_error->domain == KEFU_STORE_ERROR
                                            ? claim_error->code + 1 : -1));
      g_object_set_data_full (result, "claim-error", g_strdup (claim_error->message), g_free);
    }
  g_object_set_data_full (result, "quiet", g_steal_pointer (&quiet), g_free);
  g_object_set_data_full (result, "preferred", g_steal_pointer (&preferred), g_free);
  g_object_set_data_full (result, "rules", g_steal_pointer (&rules),
                          (GDestroyNotify) kefu_callback_rules_unref);
  g_object_set_data_full (result, "callback", g_steal_pointer (&callback), g_object_unref);
  return g_steal_pointer (&result);
}

static gboolean
has_record (GtkWidget *owner)
{
  return KEFU_CALLBACK_PAGE (owner)->callback != NULL;
}

/* Why the page may not record, from the claim's answer: who is calling now, or the store's
 * reason (not the clerk's callback). */
static void
show_claim (KefuCallbackPage *self,
            gboolean          claimed,
            int               claim_code,
            const char       *claim_error)
{
  KefuCallback *callback = self->callback;
  g_autofree char *reason = NULL;

  _kefu_callback_page_set_holds_claim (self, claimed && callback->state == KEFU_CALLBACK_STATE_DUE);
  if (self->holds_claim || callback->state != KEFU_CALLBACK_STATE_DUE)
    reason = NULL;
  else if (claim_code == KEFU_STORE_ERROR_CLAIMED + 1 && callback->claimed_by_name != NULL)
    /* Translators: another clerk holds the callback's claim: "王芳 is calling this customer
     * now". */
    reason = g_strdup_printf (_("%s is calling this customer now"), callback->claimed_by_name);
  else if (claim_error != NULL)
    reason = g_strdup (claim_error);
  _kefu_callback_page_set_read_only_reason (self, reason);
}

static void
show (GtkWidget *owner,
      GObject   *loaded)
{
  KefuCallbackPage *self = KEFU_CALLBACK_PAGE (owner);
  const char *quiet = g_object_get_data (loaded, "quiet");
  const char *preferred = g_object_get_data (loaded, "preferred");
  char *templates[KEFU_SCRIPT_N_PARTS];
  g_autoptr(GError) error = NULL;

  g_set_object (&self->callback, g_object_get_data (loaded, "callback"));
  /* The version read now is the one the next save sends. */
  self->stale = FALSE;
  g_set_object (&self->source, g_object_get_data (loaded, "source"));
  g_clear_pointer (&self->rules, kefu_callback_rules_unref);
  self->rules = kefu_callback_rules_ref (g_object_get_data (loaded, "rules"));
  g_set_str (&self->own_quiet, quiet);
  g_set_str (&self->own_preferred, preferred);
  g_clear_pointer (&self->prefs, kefu_callback_preferences_free);
  if ((quiet != NULL && *quiet != '\0') || (preferred != NULL && *preferred != '\0'))
    {
      self->prefs = kefu_callback_preferences_new_from_text (quiet, preferred, &error);
      /* A damaged value warns with the site's hours only, rather than not at all. */
      if (self->prefs == NULL)
        g_warning ("The customer's callback times are not readable: %s", error->message);
    }

  for (guint i = 0; i < KEFU_SCRIPT_N_PARTS; i++)
    templates[i] = g_object_get_data (loaded, script_keys[i]);
  _kefu_callback_page_fill_script (self, templates,
                                   g_object_get_data (loaded, KEFU_SETTING_SITE_COMPANY_NAME));

  show_claim (self, GPOINTER_TO_INT (g_object_get_data (loaded, "claimed")),
              GPOINTER_TO_INT (g_object_get_data (loaded, "claim-code")),
              g_object_get_data (loaded, "claim-error"));

  kefu_callback_record_form_setup (self->form, self->callback->method, staff_role (self),
                                   self->callback->escalated_at != NULL);
  _kefu_callback_page_show_sections (self);
  _kefu_callback_page_update_actions (self);
}

static void
failed (GtkWidget *owner)
{
  KefuCallbackPage *self = KEFU_CALLBACK_PAGE (owner);

  /* Whatever the claim's fate, the page no longer knows it holds one. */
  if (self->callback == NULL)
    _kefu_callback_page_set_holds_claim (self, FALSE);
}

static const KefuRecordLoaderFuncs loader_funcs = { load_func, has_record, show, failed };

void
kefu_callback_page_reload (KefuCallbackPage *self)
{
  g_return_if_fail (KEFU_IS_CALLBACK_PAGE (self));

  if (self->recorded)
    return;
  kefu_record_loader_load (self->loader, self->store, self->callback_id);
  kefu_presence_tracker_set_record (self->presence, self->store, self->callback_id);
}

/* Actions and callbacks */

void
_kefu_callback_page_update_actions (KefuCallbackPage *self)
{
  gboolean can_record = _kefu_callback_page_is_due (self) && self->holds_claim && !self->saving && !self->stale;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "callback.save",
                                 can_record && kefu_callback_record_form_get_valid (self->form));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "callback.close-unreachable",
                                 may_close_unreachable (self) && !self->saving);
  gtk_widget_set_visible (GTK_WIDGET (self->form),
                          _kefu_callback_page_is_due (self) && (self->holds_claim || may_close_unreachable (self)));
  gtk_widget_set_sensitive (GTK_WIDGET (self->form), !self->saving);
  /* Who changed what is for managers (the store refuses others too). */
  gtk_widget_set_visible (GTK_WIDGET (self->history_button),
                          self->callback != NULL && kefu_role_can_read_audit (staff_role (self)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "callback.history",
                                 self->callback != NULL
                                 && kefu_role_can_read_audit (staff_role (self)));
}

/* Who changed what on this callback, under the entity its events are recorded with. */
static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  KefuCallbackPage *self = KEFU_CALLBACK_PAGE (widget);

  if (self->store == NULL || self->callback_id == 0)
    return;
  adw_dialog_present (ADW_DIALOG (kefu_audit_dialog_new (self->store,
                                                         kefu_archive_kind_get_entity (KEFU_ARCHIVE_CALLBACK),
                                                         self->callback_id)),
                      widget);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KefuCallbackPage *self = KEFU_CALLBACK_PAGE (widget);

  if (!kefu_callback_record_form_get_valid (self->form) || !self->holds_claim)
    return;
  _kefu_callback_page_record (self, kefu_callback_record_form_get_outcome (self->form));
}

static void
close_unreachable_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  KefuCallbackPage *self = KEFU_CALLBACK_PAGE (widget);

  if (may_close_unreachable (self))
    _kefu_callback_page_record (self, KEFU_CALLBACK_OUTCOME_UNREACHABLE);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KefuCallbackPage *self = KEFU_CALLBACK_PAGE (widget);

  kefu_callback_record_form_show_refusal (self->form, NULL, FALSE);
  kefu_callback_page_reload (self);
}

static void
copy_phone_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  KefuCallbackPage *self = KEFU_CALLBACK_PAGE (widget);

  if (self->callback == NULL || self->callback->customer_phone == NULL)
    return;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), self->callback->customer_phone);
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (_("Phone number copied")));
}

static void
form_changed_cb (KefuCallbackPage *self)
{
  _kefu_callback_page_update_actions (self);
}

static void
form_satisfaction_cb (KefuCallbackPage *self)
{
  _kefu_callback_page_show_branch (self);
}

/* Overrides */

static void
kefu_callback_page_showing (AdwNavigationPage *page)
{
  KefuCallbackPage *self = KEFU_CALLBACK_PAGE (page);

  ADW_NAVIGATION_PAGE_CLASS (kefu_callback_page_parent_class)->showing (page);

  /* Back on screen after a page over it gave the claim up: claim it again. */
  if (self->callback != NULL && !self->holds_claim && _kefu_callback_page_is_due (self)
      && self->read_only_reason == NULL)
    kefu_callback_page_reload (self);
}

static void
kefu_callback_page_hidden (AdwNavigationPage *page)
{
  KefuCallbackPage *self = KEFU_CALLBACK_PAGE (page);

  _kefu_callback_page_release_claim (self);

  ADW_NAVIGATION_PAGE_CLASS (kefu_callback_page_parent_class)->hidden (page);
}

static void
kefu_callback_page_constructed (GObject *object)
{
  KefuCallbackPage *self = KEFU_CALLBACK_PAGE (object);

  G_OBJECT_CLASS (kefu_callback_page_parent_class)->constructed (object);

  kefu_callback_page_reload (self);
}

static void
kefu_callback_page_dispose (GObject *object)
{
  KefuCallbackPage *self = KEFU_CALLBACK_PAGE (object);

  /* Closed with the window: the claim goes now, not when it lapses. */
  _kefu_callback_page_release_claim (self);
  g_clear_handle_id (&self->renew_id, g_source_remove);
  if (self->presence != NULL)
    kefu_presence_tracker_stop (self->presence);
  g_clear_object (&self->presence);
  g_cancellable_cancel (self->cancellable);
  g_clear_pointer (&self->loader, kefu_record_loader_release);

  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_CALLBACK_PAGE);

  g_clear_object (&self->callback);
  g_clear_object (&self->source);
  g_clear_object (&self->staff);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kefu_callback_page_parent_class)->dispose (object);
}

static void
kefu_callback_page_finalize (GObject *object)
{
  KefuCallbackPage *self = KEFU_CALLBACK_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->clock, g_date_time_unref);
  g_clear_pointer (&self->rules, kefu_callback_rules_unref);
  g_clear_pointer (&self->prefs, kefu_callback_preferences_free);
  g_free (self->own_quiet);
  g_free (self->own_preferred);
  for (guint i = 0; i < KEFU_SCRIPT_N_PARTS; i++)
    g_free (self->scripts[i]);
  g_free (self->read_only_reason);
  g_free (self->quiet_warning);

  G_OBJECT_CLASS (kefu_callback_page_parent_class)->finalize (object);
}

static void
kefu_callback_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  KefuCallbackPage *self = KEFU_CALLBACK_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_STAFF:
      g_value_set_object (value, self->staff);
      break;
    case PROP_CALLBACK_ID:
      g_value_set_int64 (value, self->callback_id);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, kefu_record_loader_get_busy (self->loader));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_callback_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  KefuCallbackPage *self = KEFU_CALLBACK_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      if (self->store != g_value_get_object (value))
        {
          /* Another database: the claim on this one goes, the callback is read there. */
          _kefu_callback_page_release_claim (self);
          g_set_object (&self->store, g_value_get_object (value));
          if (self->callback_id > 0)
            {
              g_clear_object (&self->callback);
              kefu_callback_page_reload (self);
            }
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_STAFF:
      if (g_set_object (&self->staff, g_value_get_object (value)))
        {
          /* What this person may do differs. */
          if (self->callback != NULL)
            kefu_callback_page_reload (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_CALLBACK_ID:
      self->callback_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_callback_page_class_init (KefuCallbackPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwNavigationPageClass *page_class = ADW_NAVIGATION_PAGE_CLASS (klass);

  object_class->constructed = kefu_callback_page_constructed;
  object_class->dispose = kefu_callback_page_dispose;
  object_class->finalize = kefu_callback_page_finalize;
  object_class->get_property = kefu_callback_page_get_property;
  object_class->set_property = kefu_callback_page_set_property;
  page_class->showing = kefu_callback_page_showing;
  page_class->hidden = kefu_callback_page_hidden;

  kefu_record_loader_install_properties (object_class, properties, "callback-id");

  gtk_widget_class_install_action (widget_class, "callback.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "callback.close-unreachable", NULL,
                                   close_unreachable_action);
  gtk_widget_class_install_action (widget_class, "callback.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "callback.copy-phone", NULL, copy_phone_action);
  gtk_widget_class_install_action (widget_class, "callback.history", NULL, history_action);

  g_type_ensure (KEFU_TYPE_CALLBACK_RECORD_FORM);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kefu/Kefu/ui/kefu-callback-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackPage, attempts_group);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackPage, attempts_list);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackPage, copy_button);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackPage, details_list);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackPage, form);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackPage, heading_label);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackPage, history_button);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackPage, late_label);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackPage, member_label);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackPage, phone_label);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackPage, quiet_banner);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackPage, read_only_banner);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackPage, record_group);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackPage, record_list);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackPage, script_box);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackPage, script_group);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackPage, source_group);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackPage, source_list);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackPage, stack);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackPage, subheading_label);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KefuCallbackPage, presence_banner);
}

static void
kefu_callback_page_init (KefuCallbackPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->presence = kefu_presence_tracker_new ("callback");
  kefu_presence_tracker_show_in_banner (self->presence, self->presence_banner);

  self->cancellable = g_cancellable_new ();
  self->loader = kefu_record_loader_new (GTK_WIDGET (self), &loader_funcs, self->stack,
                                         "callback", self->error_page, self->toast_overlay,
                                         properties[PROP_BUSY]);
  g_signal_connect_object (self->form, "notify::valid", G_CALLBACK (form_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->form, "notify::satisfaction", G_CALLBACK (form_satisfaction_cb),
                           self, G_CONNECT_SWAPPED);
  _kefu_callback_page_update_actions (self);
}

/* Public API */

AdwNavigationPage *
kefu_callback_page_new (KefuStore *store,
                        KefuStaff *staff,
                        gint64     callback_id)
{
  g_return_val_if_fail (store == NULL || KEFU_IS_STORE (store), NULL);
  g_return_val_if_fail (staff == NULL || KEFU_IS_STAFF (staff), NULL);
  g_return_val_if_fail (callback_id > 0, NULL);

  return g_object_new (KEFU_TYPE_CALLBACK_PAGE,
                       "store", store,
                       "staff", staff,
                       "callback-id", callback_id,
                       NULL);
}

gint64
kefu_callback_page_get_callback_id (KefuCallbackPage *self)
{
  g_return_val_if_fail (KEFU_IS_CALLBACK_PAGE (self), 0);

  return self->callback_id;
}

KefuCallback *
_kefu_callback_page_get_callback (KefuCallbackPage *self)
{
  g_return_val_if_fail (KEFU_IS_CALLBACK_PAGE (self), NULL);

  return self->callback;
}

gboolean
_kefu_callback_page_holds_claim (KefuCallbackPage *self)
{
  g_return_val_if_fail (KEFU_IS_CALLBACK_PAGE (self), FALSE);

  return self->holds_claim;
}

GtkWidget *
_kefu_callback_page_get_form (KefuCallbackPage *self)
{
  g_return_val_if_fail (KEFU_IS_CALLBACK_PAGE (self), NULL);

  return GTK_WIDGET (self->form);
}

char *
_kefu_callback_page_dup_script (KefuCallbackPage *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (KEFU_IS_CALLBACK_PAGE (self), NULL);

  for (guint i = 0; i < KEFU_SCRIPT_N_PARTS; i++)
    if (self->script_parts[i] != NULL && gtk_widget_get_visible (self->script_parts[i])
        && self->scripts[i] != NULL)
      g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", self->scripts[i]);
  return g_string_free_and_steal (g_steal_pointer (&text));
}

const char *
_kefu_callback_page_get_quiet_warning (KefuCallbackPage *self)
{
  g_return_val_if_fail (KEFU_IS_CALLBACK_PAGE (self), NULL);

  return adw_banner_get_revealed (self->quiet_banner) ? self->quiet_warning : NULL;
}

const char *
_kefu_callback_page_get_read_only_reason (KefuCallbackPage *self)
{
  g_return_val_if_fail (KEFU_IS_CALLBACK_PAGE (self), NULL);

  return self->read_only_reason;
}

const char *
_kefu_callback_page_get_save_error (KefuCallbackPage *self)
{
  g_return_val_if_fail (KEFU_IS_CALLBACK_PAGE (self), NULL);

  return kefu_callback_record_form_get_refusal (self->form);
}

void
_kefu_callback_page_renew_claim (KefuCallbackPage *self)
{
  g_return_if_fail (KEFU_IS_CALLBACK_PAGE (self));

  _kefu_callback_page_renew_now (self);
}

void
_kefu_callback_page_set_clock (KefuCallbackPage *self,
                               GDateTime        *now)
{
  g_return_if_fail (KEFU_IS_CALLBACK_PAGE (self));

  g_clear_pointer (&self->clock, g_date_time_unref);
  if (now != NULL)
    self->clock = g_date_time_ref (now);
  kefu_callback_record_form_set_clock (self->form, now);
  if (self->callback != NULL)
    _kefu_callback_page_show_sections (self);
}
