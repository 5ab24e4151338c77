/* kefu-live.c: live refresh for the panes (see the header).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-live"

#include "config.h"

#include "kefu-live.h"

/* The store's entity names and what the panes make of them. An entity id of 0 is always a
 * change of many (the bulk loads write "shipments", "service-jobs", "callbacks", "customers",
 * "calls" with 0); `whole` entities are read again whole whatever the id (a campaign makes
 * callbacks the event does not name; an alert acknowledged changes no complaint row but the
 * banner). */
static const struct
{
  const char   *entity;
  KefuLiveKind  kind;
  gboolean      whole;
} entities[] = {
  { "complaint",         KEFU_LIVE_COMPLAINTS, FALSE },
  { "complaints",        KEFU_LIVE_COMPLAINTS, FALSE },
  { "batch_alerts",      KEFU_LIVE_COMPLAINTS, TRUE },
  { "callback",          KEFU_LIVE_CALLBACKS,  FALSE },
  { "callbacks",         KEFU_LIVE_CALLBACKS,  FALSE },
  { "callback-campaign", KEFU_LIVE_CALLBACKS,  TRUE },
  { "shipment",          KEFU_LIVE_SHIPMENTS,  FALSE },
  { "shipments",         KEFU_LIVE_SHIPMENTS,  FALSE },
  { "service-job",       KEFU_LIVE_JOBS,       FALSE },
  { "service-jobs",      KEFU_LIVE_JOBS,       FALSE },
  { "customers",         KEFU_LIVE_CUSTOMERS,  FALSE },
  { "calls",             KEFU_LIVE_CALLS,      FALSE },
  { "orders",            KEFU_LIVE_CALLS,      FALSE },
  { "inquiries",         KEFU_LIVE_CALLS,      FALSE },
  { "leads",             KEFU_LIVE_CALLS,      FALSE },
  { "settings",          KEFU_LIVE_SETTINGS,   TRUE },
  { "staff",             KEFU_LIVE_SETTINGS,   TRUE },
  { "departments",       KEFU_LIVE_SETTINGS,   TRUE },
  { "products",          KEFU_LIVE_SETTINGS,   TRUE },
  { "carriers",          KEFU_LIVE_SETTINGS,   TRUE },
  { "shift-note",        KEFU_LIVE_SHIFT_NOTES, FALSE },
  /* The singular names some newer writes may use for the same records. */
  { "customer",          KEFU_LIVE_CUSTOMERS,  FALSE },
  { "call",              KEFU_LIVE_CALLS,      FALSE },
  { "setting",           KEFU_LIVE_SETTINGS,   TRUE },
};

/* In the order of their bits. */
static const char * const kind_names[KEFU_LIVE_N_KINDS] = {
  "complaints", "callbacks", "shipments", "jobs", "customers", "calls", "settings",
  "shift-notes",
};

KefuLiveKind
kefu_live_kind_for_entity (const char *entity,
                           gint64      entity_id,
                           gboolean   *whole)
{
  g_return_val_if_fail (entity != NULL, 0);

  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    if (g_str_equal (entity, entities[i].entity))
      {
        if (whole != NULL)
          *whole = entities[i].whole || entity_id <= 0;
        return entities[i].kind;
      }

  if (whole != NULL)
    *whole = FALSE;
  return 0;
}

const char *
kefu_live_kind_to_string (KefuLiveKind kind)
{
  for (guint i = 0; i < KEFU_LIVE_N_KINDS; i++)
    if (kind == (KefuLiveKind) (1u << i))
      return kind_names[i];

  g_return_val_if_reached (NULL);
}

gboolean
kefu_live_ids_contain (GArray *ids,
                       gint64  id)
{
  if (ids == NULL)
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

/* What one kind gathered since it was last told. */
typedef struct
{
  GArray     *ids;
  GHashTable *seen;   /* gint64 * set */
  gboolean    whole;
  gboolean    pending;
} Gathered;

struct _KefuLive
{
  GObject           parent_instance;

  KefuStoreWatcher *watcher;
  Gathered          kinds[KEFU_LIVE_N_KINDS];
  guint             flush_source;
};

G_DEFINE_FINAL_TYPE (KefuLive, kefu_live, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ONLINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
gathered_reset (Gathered *gathered)
{
  g_array_set_size (gathered->ids, 0);
  g_hash_table_remove_all (gathered->seen);
  gathered->whole = FALSE;
  gathered->pending = FALSE;
}

void
kefu_live_flush (KefuLive *self)
{
  g_return_if_fail (KEFU_IS_LIVE (self));

  g_clear_handle_id (&self->flush_source, g_source_remove);

  g_object_ref (self);
  for (guint i = 0; i < KEFU_LIVE_N_KINDS; i++)
    {
      Gathered *gathered = &self->kinds[i];
      g_autoptr(GArray) ids = NULL;
      gboolean whole;

      if (!gathered->pending)
        continue;

      /* The handlers get their own array: a change told while they run gathers anew. */
      ids = g_array_copy (gathered->ids);
      whole = gathered->whole;
      gathered_reset (gathered);
      g_debug ("%s changed: %u ids%s", kind_names[i], ids->len, whole ? ", read whole" : "");
      g_signal_emit (self, signals[SIGNAL_CHANGED], g_quark_from_static_string (kind_names[i]),
                     ids, whole);
    }
  g_object_unref (self);
}

static gboolean
flush_cb (gpointer user_data)
{
  KefuLive *self = user_data;

  self->flush_source = 0;
  kefu_live_flush (self);
  return G_SOURCE_REMOVE;
}

void
kefu_live_feed (KefuLive   *self,
                const char *entity,
                GArray     *ids)
{
  g_return_if_fail (KEFU_IS_LIVE (self));
  g_return_if_fail (entity != NULL);
  g_return_if_fail (ids != NULL);

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      gboolean whole = FALSE;
      KefuLiveKind kind = kefu_live_kind_for_entity (entity, id, &whole);
      Gathered *gathered;

      if (kind == 0)
        continue;

      gathered = &self->kinds[g_bit_nth_lsf (kind, -1)];
      gathered->pending = TRUE;
      if (whole)
        gathered->whole = TRUE;
      else if (!g_hash_table_contains (gathered->seen, &id))
        {
          g_hash_table_add (gathered->seen, g_memdup2 (&id, sizeof id));
          g_array_append_val (gathered->ids, id);
        }
    }

  /* A burst (a bulk load, many saves at once) reaches the panes as one change per kind. */
  if (self->flush_source == 0)
    for (guint i = 0; i < KEFU_LIVE_N_KINDS; i++)
      if (self->kinds[i].pending)
        {
          self->flush_source = g_timeout_add (KEFU_LIVE_GATHER_MS, flush_cb, self);
          g_source_set_static_name (g_main_context_find_source_by_id (NULL, self->flush_source),
                                    "[kefu] live changes");
          break;
        }
}

static void
watcher_changed_cb (KefuLive         *self,
                    const char       *entity,
                    GArray           *ids,
                    gint64            last_event_id,
                    KefuStoreWatcher *watcher)
{
  kefu_live_feed (self, entity, ids);
}

static void
kefu_live_dispose (GObject *object)
{
  KefuLive *self = KEFU_LIVE (object);

  g_clear_handle_id (&self->flush_source, g_source_remove);
  if (self->watcher != NULL)
    g_signal_handlers_disconnect_by_data (self->watcher, self);
  g_clear_object (&self->watcher);

  G_OBJECT_CLASS (kefu_live_parent_class)->dispose (object);
}

static void
kefu_live_finalize (GObject *object)
{
  KefuLive *self = KEFU_LIVE (object);

  for (guint i = 0; i < KEFU_LIVE_N_KINDS; i++)
    {
      g_array_unref (self->kinds[i].ids);
      g_hash_table_unref (self->kinds[i].seen);
    }

  G_OBJECT_CLASS (kefu_live_parent_class)->finalize (object);
}

static void
kefu_live_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  KefuLive *self = KEFU_LIVE (object);

  switch (prop_id)
    {
    case PROP_ONLINE:
      g_value_set_boolean (value, kefu_live_get_online (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_live_class_init (KefuLiveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kefu_live_dispose;
  object_class->finalize = kefu_live_finalize;
  object_class->get_property = kefu_live_get_property;

  properties[PROP_ONLINE] =
    g_param_spec_boolean ("online", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_ARRAY, G_TYPE_BOOLEAN);
}

static void
kefu_live_init (KefuLive *self)
{
  for (guint i = 0; i < KEFU_LIVE_N_KINDS; i++)
    {
      self->kinds[i].ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      self->kinds[i].seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
    }
}

static void
watcher_online_cb (KefuLive *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ONLINE]);
}

KefuLive *
kefu_live_new (KefuStoreWatcher *watcher)
{
  KefuLive *self;

  g_return_val_if_fail (watcher == NULL || KEFU_IS_STORE_WATCHER (watcher), NULL);

  self = g_object_new (KEFU_TYPE_LIVE, NULL);
  if (watcher != NULL)
    {
      self->watcher = g_object_ref (watcher);
      g_signal_connect_swapped (watcher, "changed", G_CALLBACK (watcher_changed_cb), self);
      g_signal_connect_swapped (watcher, "notify::online", G_CALLBACK (watcher_online_cb), self);
    }
  return self;
}

KefuStoreWatcher *
kefu_live_get_watcher (KefuLive *self)
{
  g_return_val_if_fail (KEFU_IS_LIVE (self), NULL);

  return self->watcher;
}

gboolean
kefu_live_get_online (KefuLive *self)
{
  g_return_val_if_fail (KEFU_IS_LIVE (self), FALSE);

  return self->watcher == NULL || kefu_store_watcher_get_online (self->watcher);
}
