/* kefu-caller-lookup.c: finding the caller while the phone rings.
 *
 * The field searches as the clerk types, after a short pause (the search entry's delay), on the
 * store's worker thread; a new keystroke cancels the search before it. Results show in a list
 * under the field that the arrow keys move through without leaving the field, so a clerk types,
 * presses Down twice and Enter, and carries on with the form.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-caller-lookup"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-phone.h"

#include "kefu-caller-lookup-private.h"

/* Long enough that a number typed at speed searches once, short enough to feel immediate. */
#define SEARCH_DELAY_MS 150

struct _KefuCallerLookup
{
  AdwBin              parent_instance;

  KefuStore          *store;
  GCancellable       *cancellable;
  GListStore         *results;
  GtkSingleSelection *selection;
  /* What the shown results (or the search under way) are for, so that the entry's delayed
   * "search-changed" after a programmatic search does not search twice. */
  char               *searched_text;
  /* Bumped for every search, so that an answer to an older one is dropped. */
  guint               serial;
  gboolean            busy;
  gboolean            quiet;

  GtkSearchEntry     *entry;
  GtkLabel           *empty_label;
  GtkLabel           *error_label;
  GtkListView        *list_view;
  GtkRevealer        *revealer;
  GtkStack           *results_stack;
};

G_DEFINE_FINAL_TYPE (KefuCallerLookup, kefu_caller_lookup, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_BUSY,
  N_PROPS
};

enum {
  CUSTOMER_PICKED,
  NEW_CALLER,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef struct
{
  KefuCallerLookup *self;
  guint             serial;
  char             *query;
  /* The whole normalised number typed, when it is one: the "New caller" row offers it. */
  char             *number;
} Search;

static void
search_free (Search *search)
{
  g_clear_object (&search->self);
  g_free (search->query);
  g_free (search->number);
  g_free (search);
}

static void
set_busy (KefuCallerLookup *self,
          gboolean          busy)
{
  if (self->busy == busy)
    return;

  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
cancel_search (KefuCallerLookup *self)
{
  self->serial++;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
}

static void
hide_results (KefuCallerLookup *self)
{
  gtk_revealer_set_reveal_child (self->revealer, FALSE);
  g_list_store_remove_all (self->results);
}

static gpointer
search_func (KefuStore     *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  return kefu_store_search_customers (store, data, KEFU_CALLER_LOOKUP_LIMIT, cancellable, error);
}

static gboolean
customer_has_phone (KefuCustomer *customer,
                    const char   *number)
{
  const char * const *phones = kefu_customer_get_phones (customer);

  return phones != NULL && g_strv_contains (phones, number);
}

static void
show_nothing_found (KefuCallerLookup *self,
                    const char       *query)
{
  g_autofree char *digits = NULL;
  g_autofree char *text = NULL;

  if (kefu_phone_is_search_digits (query, &digits))
    /* Translators: the caller lookup found nobody; %s is the digits typed. */
    text = g_strdup_printf (_("No customer’s number ends in %s. Type the whole number to take the call as a new caller."),
                            digits);
  else
    /* Translators: the caller lookup found nobody; %s is the name typed. */
    text = g_strdup_printf (_("No customer’s name contains “%s”. Fill in the form to take the call as a new caller."),
                            query);

  gtk_label_set_label (self->empty_label, text);
  gtk_stack_set_visible_child_name (self->results_stack, "empty");
}

static void
search_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Search *search = user_data;
  KefuCallerLookup *self = search->self;
  g_autoptr(GListModel) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  gboolean exact = FALSE;
  guint n;

  found = kefu_store_run_finish (KEFU_STORE (object), result, &error);

  /* A newer keystroke replaced this search (or the lookup went away): never an error. */
  if (search->serial != self->serial ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      search_free (search);
      return;
    }

  g_clear_object (&self->cancellable);
  gtk_revealer_set_reveal_child (self->revealer, TRUE);

  if (found == NULL)
    {
      g_autofree char *text = NULL;

      g_list_store_remove_all (self->results);
      /* Translators: the caller lookup failed; %s is the reason. */
      text = g_strdup_printf (_("Could not search the customers: %s"), error->message);
      gtk_label_set_label (self->error_label, text);
      gtk_stack_set_visible_child_name (self->results_stack, "error");
      set_busy (self, FALSE);
      search_free (search);
      return;
    }

  n = g_list_model_get_n_items (found);
  items = g_ptr_array_new_full (n + 1, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      KefuCustomer *customer = g_list_model_get_item (found, i);

      if (search->number != NULL && customer_has_phone (customer, search->number))
        exact = TRUE;
      g_ptr_array_add (items, customer);
    }

  /* A whole number that no customer has is a new caller; offering it as a row lets the clerk
   * start the call with Enter alone. */
  if (search->number != NULL && !exact)
    {
      KefuCustomer *new_caller = kefu_customer_new ();
      const char *phones[] = { search->number, NULL };

      kefu_customer_set_phones (new_caller, phones);
      g_ptr_array_add (items, new_caller);
    }

  g_list_store_splice (self->results, 0, g_list_model_get_n_items (G_LIST_MODEL (self->results)),
                       items->pdata, items->len);

  if (items->len == 0)
    show_nothing_found (self, search->query);
  else
    {
      gtk_stack_set_visible_child_name (self->results_stack, "list");
      gtk_single_selection_set_selected (self->selection, 0);
      gtk_list_view_scroll_to (self->list_view, 0, GTK_LIST_SCROLL_NONE, NULL);
    }

  set_busy (self, FALSE);
  search_free (search);
}

static void
run_search (KefuCallerLookup *self,
            const char       *text)
{
  g_autofree char *query = g_strstrip (g_strdup (text != NULL ? text : ""));
  Search *search;

  cancel_search (self);
  g_free (self->searched_text);
  self->searched_text = g_strdup (text);

  if (*query == '\0' || self->store == NULL)
    {
      hide_results (self);
      set_busy (self, FALSE);
      return;
    }

  search = g_new0 (Search, 1);
  search->self = g_object_ref (self);
  search->serial = self->serial;
  search->query = g_strdup (query);
  search->number = kefu_phone_normalize (query, NULL, NULL);

  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  kefu_store_run_async (self->store, search_func, g_steal_pointer (&query), g_free,
                        self->cancellable, search_cb, search);
}

static void
pick_selected (KefuCallerLookup *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);

  if (position != GTK_INVALID_LIST_POSITION && gtk_revealer_get_reveal_child (self->revealer))
    kefu_caller_lookup_pick (self, position);
}

static void
move_selection (KefuCallerLookup *self,
                int               delta)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->results));
  guint selected = gtk_single_selection_get_selected (self->selection);
  guint position;

  if (n == 0)
    return;

  if (selected == GTK_INVALID_LIST_POSITION)
    position = delta > 0 ? 0 : n - 1;
  else if (delta < 0)
    position = selected == 0 ? 0 : selected - 1;
  else
    position = MIN (selected + 1, n - 1);

  gtk_list_view_scroll_to (self->list_view, position, GTK_LIST_SCROLL_SELECT, NULL);
  /* scroll_to moved the focus into the list; the clerk keeps typing in the field. */
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

static void
entry_changed_cb (KefuCallerLookup *self,
                  GtkSearchEntry   *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  if (self->quiet)
    return;

  /* Busy from the keystroke on, so that nothing takes the old results for the new text. */
  if (g_strcmp0 (text, self->searched_text) != 0 && *text != '\0')
    set_busy (self, TRUE);
}

static void
entry_search_changed_cb (KefuCallerLookup *self,
                         GtkSearchEntry   *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  if (self->quiet || g_strcmp0 (text, self->searched_text) == 0)
    return;

  run_search (self, text);
}

static void
entry_activate_cb (KefuCallerLookup *self,
                   GtkSearchEntry   *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  /* Enter pressed before the pause is over searches at once rather than picking a row of the
   * text before: the clerk sees the results and presses Enter again to pick. */
  if (g_strcmp0 (text, self->searched_text) != 0)
    {
      run_search (self, text);
      return;
    }

  pick_selected (self);
}

static void
entry_stop_search_cb (KefuCallerLookup *self,
                      GtkSearchEntry   *entry)
{
  kefu_caller_lookup_clear (self);
}

static gboolean
entry_key_pressed_cb (KefuCallerLookup      *self,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      GtkEventControllerKey *controller)
{
  if (!gtk_revealer_get_reveal_child (self->revealer) ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      move_selection (self, 1);
      return GDK_EVENT_STOP;

    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      move_selection (self, -1);
      return GDK_EVENT_STOP;

    default:
      return GDK_EVENT_PROPAGATE;
    }
}

/* The results belong to the field: they step aside when the clerk goes on to the form (or to
 * another window), and come back with the field. */
static void
focus_leave_cb (KefuCallerLookup        *self,
                GtkEventControllerFocus *controller)
{
  gtk_revealer_set_reveal_child (self->revealer, FALSE);
}

static void
focus_enter_cb (KefuCallerLookup        *self,
                GtkEventControllerFocus *controller)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));

  if (*text != '\0' && g_strcmp0 (text, self->searched_text) == 0 && !self->busy &&
      (g_list_model_get_n_items (G_LIST_MODEL (self->results)) > 0 ||
       g_strcmp0 (gtk_stack_get_visible_child_name (self->results_stack), "list") != 0))
    gtk_revealer_set_reveal_child (self->revealer, TRUE);
}

static void
list_activate_cb (KefuCallerLookup *self,
                  guint             position,
                  GtkListView      *list_view)
{
  kefu_caller_lookup_pick (self, position);
}

static void
retry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  KefuCallerLookup *self = KEFU_CALLER_LOOKUP (widget);

  run_search (self, gtk_editable_get_text (GTK_EDITABLE (self->entry)));
}

static void
kefu_caller_lookup_dispose (GObject *object)
{
  KefuCallerLookup *self = KEFU_CALLER_LOOKUP (object);

  cancel_search (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_CALLER_LOOKUP);

  g_clear_object (&self->selection);
  g_clear_object (&self->results);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kefu_caller_lookup_parent_class)->dispose (object);
}

static void
kefu_caller_lookup_finalize (GObject *object)
{
  KefuCallerLookup *self = KEFU_CALLER_LOOKUP (object);

  g_free (self->searched_text);

  G_OBJECT_CLASS (kefu_caller_lookup_parent_class)->finalize (object);
}

static void
kefu_caller_lookup_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  KefuCallerLookup *self = KEFU_CALLER_LOOKUP (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_caller_lookup_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  KefuCallerLookup *self = KEFU_CALLER_LOOKUP (object);

  switch (prop_id)
    {
    case PROP_STORE:
      kefu_caller_lookup_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
kefu_caller_lookup_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (KEFU_CALLER_LOOKUP (widget)->entry));
}

static void
kefu_caller_lookup_class_init (KefuCallerLookupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kefu_caller_lookup_dispose;
  object_class->finalize = kefu_caller_lookup_finalize;
  object_class->get_property = kefu_caller_lookup_get_property;
  object_class->set_property = kefu_caller_lookup_set_property;

  widget_class->grab_focus = kefu_caller_lookup_grab_focus;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, KEFU_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KefuCallerLookup::customer-picked:
   * @customer: the customer chosen
   *
   * The clerk chose a known customer.
   */
  signals[CUSTOMER_PICKED] =
    g_signal_new ("customer-picked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, KEFU_TYPE_CUSTOMER);
  /**
   * KefuCallerLookup::new-caller:
   * @phone: the normalised number
   *
   * The clerk chose to take the call from a number nobody has.
   */
  signals[NEW_CALLER] =
    g_signal_new ("new-caller", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kefu/Kefu/ui/kefu-caller-lookup.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuCallerLookup, empty_label);
  gtk_widget_class_bind_template_child (widget_class, KefuCallerLookup, entry);
  gtk_widget_class_bind_template_child (widget_class, KefuCallerLookup, error_label);
  gtk_widget_class_bind_template_child (widget_class, KefuCallerLookup, list_view);
  gtk_widget_class_bind_template_child (widget_class, KefuCallerLookup, results_stack);
  gtk_widget_class_bind_template_child (widget_class, KefuCallerLookup, revealer);
  gtk_widget_class_bind_template_callback (widget_class, entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_key_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, focus_enter_cb);
  gtk_widget_class_bind_template_callback (widget_class, focus_leave_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_callback_full (widget_class, "row_accessible_label",
                                                G_CALLBACK (_kefu_caller_lookup_row_accessible_label));
  gtk_widget_class_bind_template_callback_full (widget_class, "row_address",
                                                G_CALLBACK (_kefu_caller_lookup_row_address));
  gtk_widget_class_bind_template_callback_full (widget_class, "row_avatar_text",
                                                G_CALLBACK (_kefu_caller_lookup_row_avatar_text));
  gtk_widget_class_bind_template_callback_full (widget_class, "row_has_last_contact",
                                                G_CALLBACK (_kefu_caller_lookup_row_has_last_contact));
  gtk_widget_class_bind_template_callback_full (widget_class, "row_is_member",
                                                G_CALLBACK (_kefu_caller_lookup_row_is_member));
  gtk_widget_class_bind_template_callback_full (widget_class, "row_last_contact",
                                                G_CALLBACK (_kefu_caller_lookup_row_last_contact));
  gtk_widget_class_bind_template_callback_full (widget_class, "row_phone",
                                                G_CALLBACK (_kefu_caller_lookup_row_phone));
  gtk_widget_class_bind_template_callback_full (widget_class, "row_title",
                                                G_CALLBACK (_kefu_caller_lookup_row_title));

  gtk_widget_class_install_action (widget_class, "lookup.retry", NULL, retry_action);

  gtk_widget_class_set_css_name (widget_class, "kefu-caller-lookup");
}

static void
kefu_caller_lookup_init (KefuCallerLookup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_search_entry_set_search_delay (self->entry, SEARCH_DELAY_MS);

  self->results = g_list_store_new (KEFU_TYPE_CUSTOMER);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->results)));
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  gtk_single_selection_set_can_unselect (self->selection, FALSE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
}

GtkWidget *
kefu_caller_lookup_new (void)
{
  return g_object_new (KEFU_TYPE_CALLER_LOOKUP, NULL);
}

KefuStore *
kefu_caller_lookup_get_store (KefuCallerLookup *self)
{
  g_return_val_if_fail (KEFU_IS_CALLER_LOOKUP (self), NULL);

  return self->store;
}

void
kefu_caller_lookup_set_store (KefuCallerLookup *self,
                              KefuStore        *store)
{
  g_return_if_fail (KEFU_IS_CALLER_LOOKUP (self));
  g_return_if_fail (store == NULL || KEFU_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  /* Results of another database must never be picked; what is typed is searched again in the
   * new one (a number handed over before the database had opened, say). */
  cancel_search (self);
  hide_results (self);
  set_busy (self, FALSE);
  run_search (self, gtk_editable_get_text (GTK_EDITABLE (self->entry)));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

gboolean
kefu_caller_lookup_get_busy (KefuCallerLookup *self)
{
  g_return_val_if_fail (KEFU_IS_CALLER_LOOKUP (self), FALSE);

  return self->busy;
}

void
kefu_caller_lookup_search (KefuCallerLookup *self,
                           const char       *text)
{
  g_return_if_fail (KEFU_IS_CALLER_LOOKUP (self));

  self->quiet = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text != NULL ? text : "");
  gtk_editable_set_position (GTK_EDITABLE (self->entry), -1);
  self->quiet = FALSE;

  run_search (self, gtk_editable_get_text (GTK_EDITABLE (self->entry)));
}

void
kefu_caller_lookup_clear (KefuCallerLookup *self)
{
  g_return_if_fail (KEFU_IS_CALLER_LOOKUP (self));

  cancel_search (self);
  self->quiet = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  self->quiet = FALSE;
  g_free (self->searched_text);
  self->searched_text = g_strdup ("");
  hide_results (self);
  set_busy (self, FALSE);
}

gboolean
kefu_caller_lookup_focus (KefuCallerLookup *self)
{
  g_return_val_if_fail (KEFU_IS_CALLER_LOOKUP (self), FALSE);

  if (!gtk_widget_grab_focus (GTK_WIDGET (self->entry)))
    return FALSE;

  gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);
  return TRUE;
}

const char *
kefu_caller_lookup_get_text (KefuCallerLookup *self)
{
  g_return_val_if_fail (KEFU_IS_CALLER_LOOKUP (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->entry));
}

GListModel *
kefu_caller_lookup_get_results (KefuCallerLookup *self)
{
  g_return_val_if_fail (KEFU_IS_CALLER_LOOKUP (self), NULL);

  return G_LIST_MODEL (self->results);
}

void
kefu_caller_lookup_pick (KefuCallerLookup *self,
                         guint             position)
{
  g_autoptr(KefuCustomer) customer = NULL;

  g_return_if_fail (KEFU_IS_CALLER_LOOKUP (self));

  customer = g_list_model_get_item (G_LIST_MODEL (self->results), position);
  g_return_if_fail (customer != NULL);

  /* The field is emptied for the next call: the chosen customer shows beside the form. */
  kefu_caller_lookup_clear (self);

  if (_kefu_caller_lookup_is_new_caller (customer))
    g_signal_emit (self, signals[NEW_CALLER], 0, kefu_customer_get_primary_phone (customer));
  else
    g_signal_emit (self, signals[CUSTOMER_PICKED], 0, customer);
}
