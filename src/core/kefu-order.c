/* kefu-order.c: the order of an order call (定奶/订货): its lines and total, channel, delivery
 * address, and its place in the daily hand-over.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-order"

#include "config.h"

#include "kefu-order.h"
#include "kefu-enum-types.h"
#include "kefu-record-private.h"

struct _KefuOrder
{
  KefuRecord parent_instance;

  gint64             call_id;
  KefuChannel        channel;
  char              *delivery_address;
  char              *district;
  GDate             *handover_date;
  KefuHandoverState  handover_state;
  gint64             handed_to_id;
  char              *handed_to_name;
  GDateTime         *handed_over_at;
  gboolean           out_of_area;
  GDateTime         *area_notified_at;
  gint64             area_notified_by_id;
  char              *area_note;
  gint64             lead_id;

  /* The lines (KefuOrderLine), and the same lines in the same order with a reference and a
   * notify::total handler each: items-changed does not say which items it removed, so the order
   * keeps its own list to disconnect them. */
  GListStore        *lines;
  GPtrArray         *watched_lines;
  gint64             total;
};

G_DEFINE_FINAL_TYPE (KefuOrder, kefu_order, KEFU_TYPE_RECORD)

enum {
  PROP_0,
  PROP_CALL_ID,
  PROP_CHANNEL,
  PROP_DELIVERY_ADDRESS,
  PROP_DISTRICT,
  PROP_HANDOVER_DATE,
  PROP_HANDOVER_STATE,
  PROP_HANDED_TO_ID,
  PROP_HANDED_TO_NAME,
  PROP_HANDED_OVER_AT,
  PROP_OUT_OF_AREA,
  PROP_AREA_NOTIFIED_AT,
  PROP_AREA_NOTIFIED_BY_ID,
  PROP_AREA_NOTE,
  PROP_LEAD_ID,
  PROP_LINES,
  PROP_TOTAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Sums quantity × unit price of the lines, saturating instead of wrapping on absurd amounts (the
 * call rules refuse those before anything is stored). */
static void
kefu_order_update_total (KefuOrder *self)
{
  guint n_lines = self->watched_lines->len;
  gint64 total = 0;

  for (guint i = 0; i < n_lines; i++)
    {
      gint64 line_total = kefu_order_line_get_total (g_ptr_array_index (self->watched_lines, i));

      total = line_total > G_MAXINT64 - total ? G_MAXINT64 : total + line_total;
    }

  _kefu_record_set_int64 (KEFU_RECORD (self), &self->total, total, properties[PROP_TOTAL]);
}

static void
line_total_changed_cb (KefuOrderLine *line,
                       GParamSpec    *pspec,
                       KefuOrder     *self)
{
  kefu_order_update_total (self);
}

/* Keeps watched_lines a mirror of the store, whoever changed it (add_line, remove_line, or a
 * caller that splices the GListStore itself). */
static void
lines_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  KefuOrder  *self)
{
  for (guint i = 0; i < removed; i++)
    g_signal_handlers_disconnect_by_func (g_ptr_array_index (self->watched_lines, position + i),
                                          line_total_changed_cb, self);
  g_ptr_array_remove_range (self->watched_lines, position, removed);

  for (guint i = 0; i < added; i++)
    {
      KefuOrderLine *line = g_list_model_get_item (model, position + i);

      g_signal_connect (line, "notify::total", G_CALLBACK (line_total_changed_cb), self);
      g_ptr_array_insert (self->watched_lines, position + i, line);
    }

  kefu_order_update_total (self);
}

static void
kefu_order_dispose (GObject *object)
{
  KefuOrder *self = KEFU_ORDER (object);

  if (self->lines != NULL)
    g_signal_handlers_disconnect_by_func (self->lines, lines_changed_cb, self);
  if (self->watched_lines != NULL)
    {
      for (guint i = 0; i < self->watched_lines->len; i++)
        g_signal_handlers_disconnect_by_func (g_ptr_array_index (self->watched_lines, i),
                                              line_total_changed_cb, self);
      g_clear_pointer (&self->watched_lines, g_ptr_array_unref);
    }
  g_clear_object (&self->lines);

  G_OBJECT_CLASS (kefu_order_parent_class)->dispose (object);
}
static void
kefu_order_finalize (GObject *object)
{
  KefuOrder *self = KEFU_ORDER (object);

  g_clear_pointer (&self->delivery_address, g_free);
  g_clear_pointer (&self->district, g_free);
  g_clear_pointer (&self->handover_date, g_date_free);
  g_clear_pointer (&self->handed_to_name, g_free);
  g_clear_pointer (&self->handed_over_at, g_date_time_unref);
  g_clear_pointer (&self->area_notified_at, g_date_time_unref);
  g_clear_pointer (&self->area_note, g_free);

  G_OBJECT_CLASS (kefu_order_parent_class)->finalize (object);
}

static void
kefu_order_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  KefuOrder *self = KEFU_ORDER (object);

  switch (prop_id)
    {
    case PROP_CALL_ID:
      g_value_set_int64 (value, kefu_order_get_call_id (self));
      break;
    case PROP_CHANNEL:
      g_value_set_enum (value, kefu_order_get_channel (self));
      break;
    case PROP_DELIVERY_ADDRESS:
      g_value_set_string (value, kefu_order_get_delivery_address (self));
      break;
    case PROP_DISTRICT:
      g_value_set_string (value, kefu_order_get_district (self));
      break;
    case PROP_HANDOVER_DATE:
      g_value_set_boxed (value, kefu_order_get_handover_date (self));
      break;
    case PROP_HANDOVER_STATE:
      g_value_set_enum (value, kefu_order_get_handover_state (self));
      break;
    case PROP_HANDED_TO_ID:
      g_value_set_int64 (value, kefu_order_get_handed_to_id (self));
      break;
    case PROP_HANDED_TO_NAME:
      g_value_set_string (value, kefu_order_get_handed_to_name (self));
      break;
    case PROP_HANDED_OVER_AT:
      g_value_set_boxed (value, kefu_order_get_handed_over_at (self));
      break;
    case PROP_OUT_OF_AREA:
      g_value_set_boolean (value, kefu_order_get_out_of_area (self));
      break;
    case PROP_AREA_NOTIFIED_AT:
      g_value_set_boxed (value, kefu_order_get_area_notified_at (self));
      break;
    case PROP_AREA_NOTIFIED_BY_ID:
      g_value_set_int64 (value, kefu_order_get_area_notified_by_id (self));
      break;
    case PROP_AREA_NOTE:
      g_value_set_string (value, kefu_order_get_area_note (self));
      break;
    case PROP_LEAD_ID:
      g_value_set_int64 (value, kefu_order_get_lead_id (self));
      break;
    case PROP_LINES:
      g_value_set_object (value, kefu_order_get_lines (self));
      break;
    case PROP_TOTAL:
      g_value_set_int64 (value, kefu_order_get_total (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_order_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  KefuOrder *self = KEFU_ORDER (object);

  switch (prop_id)
    {
    case PROP_CALL_ID:
      kefu_order_set_call_id (self, g_value_get_int64 (value));
      break;
    case PROP_CHANNEL:
      kefu_order_set_channel (self, g_value_get_enum (value));
      break;
    case PROP_DELIVERY_ADDRESS:
      kefu_order_set_delivery_address (self, g_value_get_string (value));
      break;
    case PROP_DISTRICT:
      kefu_order_set_district (self, g_value_get_string (value));
      break;
    case PROP_HANDOVER_DATE:
      kefu_order_set_handover_date (self, g_value_get_boxed (value));
      break;
    case PROP_HANDOVER_STATE:
      kefu_order_set_handover_state (self, g_value_get_enum (value));
      break;
    case PROP_HANDED_TO_ID:
      kefu_order_set_handed_to_id (self, g_value_get_int64 (value));
      break;
    case PROP_HANDED_TO_NAME:
      kefu_order_set_handed_to_name (self, g_value_get_string (value));
      break;
    case PROP_HANDED_OVER_AT:
      kefu_order_set_handed_over_at (self, g_value_get_boxed (value));
      break;
    case PROP_OUT_OF_AREA:
      kefu_order_set_out_of_area (self, g_value_get_boolean (value));
      break;
    case PROP_AREA_NOTIFIED_AT:
      kefu_order_set_area_notified_at (self, g_value_get_boxed (value));
      break;
    case PROP_AREA_NOTIFIED_BY_ID:
      kefu_order_set_area_notified_by_id (self, g_value_get_int64 (value));
      break;
    case PROP_AREA_NOTE:
      kefu_order_set_area_note (self, g_value_get_string (value));
      break;
    case PROP_LEAD_ID:
      kefu_order_set_lead_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_order_class_init (KefuOrderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kefu_order_dispose;
  object_class->finalize = kefu_order_finalize;
  object_class->get_property = kefu_order_get_property;
  object_class->set_property = kefu_order_set_property;

  properties[PROP_CALL_ID] =
    g_param_spec_int64 ("call-id", NULL, NULL, 0, G_MAXINT64, 0, KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_CHANNEL] =
    g_param_spec_enum ("channel", NULL, NULL,
                       KEFU_TYPE_CHANNEL, KEFU_CHANNEL_UNSPECIFIED,
                       KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_DELIVERY_ADDRESS] =
    g_param_spec_string ("delivery-address", NULL, NULL, "", KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_DISTRICT] =
    g_param_spec_string ("district", NULL, NULL, "", KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_HANDOVER_DATE] =
    g_param_spec_boxed ("handover-date", NULL, NULL, G_TYPE_DATE, KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_HANDOVER_STATE] =
    g_param_spec_enum ("handover-state", NULL, NULL,
                       KEFU_TYPE_HANDOVER_STATE, KEFU_HANDOVER_STATE_WAITING,
                       KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_HANDED_TO_ID] =
    g_param_spec_int64 ("handed-to-id", NULL, NULL, 0, G_MAXINT64, 0, KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_HANDED_TO_NAME] =
    g_param_spec_string ("handed-to-name", NULL, NULL, "", KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_HANDED_OVER_AT] =
    g_param_spec_boxed ("handed-over-at", NULL, NULL, G_TYPE_DATE_TIME, KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_OUT_OF_AREA] =
    g_param_spec_boolean ("out-of-area", NULL, NULL, FALSE, KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_AREA_NOTIFIED_AT] =
    g_param_spec_boxed ("area-notified-at", NULL, NULL, G_TYPE_DATE_TIME, KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_AREA_NOTIFIED_BY_ID] =
    g_param_spec_int64 ("area-notified-by-id", NULL, NULL, 0, G_MAXINT64, 0,
                        KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_AREA_NOTE] =
    g_param_spec_string ("area-note", NULL, NULL, "", KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_LEAD_ID] =
    g_param_spec_int64 ("lead-id", NULL, NULL, 0, G_MAXINT64, 0, KEFU_RECORD_PARAM_FLAGS);
  /* The lines, a GListStore of KefuOrderLine; the store itself never changes, its items do. */
  properties[PROP_LINES] =
    g_param_spec_object ("lines", NULL, NULL, G_TYPE_LIST_STORE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Fen; follows the lines. */
  properties[PROP_TOTAL] =
    g_param_spec_int64 ("total", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kefu_order_init (KefuOrder *self)
{
  self->delivery_address = g_strdup ("");
  self->district = g_strdup ("");
  self->handover_state = KEFU_HANDOVER_STATE_WAITING;
  self->handed_to_name = g_strdup ("");
  self->area_note = g_strdup ("");
  self->lines = g_list_store_new (KEFU_TYPE_ORDER_LINE);
  self->watched_lines = g_ptr_array_new_with_free_func (g_object_unref);
  g_signal_connect (self->lines, "items-changed", G_CALLBACK (lines_changed_cb), self);
}

KefuOrder *
kefu_order_new (void)
{
  return g_object_new (KEFU_TYPE_ORDER, NULL);
}

gint64
kefu_order_get_call_id (KefuOrder *self)
{
  g_return_val_if_fail (KEFU_IS_ORDER (self), 0);

  return self->call_id;
}

void
kefu_order_set_call_id (KefuOrder *self,
                        gint64     call_id)
{
  g_return_if_fail (KEFU_IS_ORDER (self));
  g_return_if_fail (call_id >= 0);

  _kefu_record_set_int64 (KEFU_RECORD (self), &self->call_id, call_id, properties[PROP_CALL_ID]);
}

KefuChannel
kefu_order_get_channel (KefuOrder *self)
{
  g_return_val_if_fail (KEFU_IS_ORDER (self), KEFU_CHANNEL_UNSPECIFIED);

  return self->channel;
}

void
kefu_order_set_channel (KefuOrder   *self,
                        KefuChannel  channel)
{
  g_return_if_fail (KEFU_IS_ORDER (self));

  _kefu_record_set_enum (KEFU_RECORD (self), (int *) &self->channel, channel,
                         properties[PROP_CHANNEL]);
}

const char *
kefu_order_get_delivery_address (KefuOrder *self)
{
  g_return_val_if_fail (KEFU_IS_ORDER (self), NULL);

  return self->delivery_address;
}

void
kefu_order_set_delivery_address (KefuOrder  *self,
                                 const char *address)
{
  g_return_if_fail (KEFU_IS_ORDER (self));

  _kefu_record_set_string (KEFU_RECORD (self), &self->delivery_address, address,
                           properties[PROP_DELIVERY_ADDRESS]);
}

const char *
kefu_order_get_district (KefuOrder *self)
{
  g_return_val_if_fail (KEFU_IS_ORDER (self), NULL);

  return self->district;
}

void
kefu_order_set_district (KefuOrder  *self,
                         const char *district)
{
  g_return_if_fail (KEFU_IS_ORDER (self));

  _kefu_record_set_string (KEFU_RECORD (self), &self->district, district,
                           properties[PROP_DISTRICT]);
}

/**
 * kefu_order_get_handover_date:
 *
 * Returns: (transfer none) (nullable): the hand-over day (local date), or NULL until stored
 */
const GDate *
kefu_order_get_handover_date (KefuOrder *self)
{
  g_return_val_if_fail (KEFU_IS_ORDER (self), NULL);

  return self->handover_date;
}

void
kefu_order_set_handover_date (KefuOrder   *self,
                              const GDate *date)
{
  g_return_if_fail (KEFU_IS_ORDER (self));
  g_return_if_fail (date == NULL || g_date_valid (date));

  _kefu_record_set_date (KEFU_RECORD (self), &self->handover_date, date,
                         properties[PROP_HANDOVER_DATE]);
}

KefuHandoverState
kefu_order_get_handover_state (KefuOrder *self)
{
  g_return_val_if_fail (KEFU_IS_ORDER (self), KEFU_HANDOVER_STATE_WAITING);

  return self->handover_state;
}

void
kefu_order_set_handover_state (KefuOrder         *self,
                               KefuHandoverState  state)
{
  g_return_if_fail (KEFU_IS_ORDER (self));

  _kefu_record_set_enum (KEFU_RECORD (self), (int *) &self->handover_state, state,
                         properties[PROP_HANDOVER_STATE]);
}

gint64
kefu_order_get_handed_to_id (KefuOrder *self)
{
  g_return_val_if_fail (KEFU_IS_ORDER (self), 0);

  return self->handed_to_id;
}

void
kefu_order_set_handed_to_id (KefuOrder *self,
                             gint64     staff_id)
{
  g_return_if_fail (KEFU_IS_ORDER (self));
  g_return_if_fail (staff_id >= 0);

  _kefu_record_set_int64 (KEFU_RECORD (self), &self->handed_to_id, staff_id,
                          properties[PROP_HANDED_TO_ID]);
}

const char *
kefu_order_get_handed_to_name (KefuOrder *self)
{
  g_return_val_if_fail (KEFU_IS_ORDER (self), NULL);

  return self->handed_to_name;
}

void
kefu_order_set_handed_to_name (KefuOrder  *self,
                               const char *name)
{
  g_return_if_fail (KEFU_IS_ORDER (self));

  _kefu_record_set_string (KEFU_RECORD (self), &self->handed_to_name, name,
                           properties[PROP_HANDED_TO_NAME]);
}

/**
 * kefu_order_get_handed_over_at:
 *
 * Returns: (transfer none) (nullable): the time, in UTC, or NULL when not set
 */
GDateTime *
kefu_order_get_handed_over_at (KefuOrder *self)
{
  g_return_val_if_fail (KEFU_IS_ORDER (self), NULL);

  return self->handed_over_at;
}

void
kefu_order_set_handed_over_at (KefuOrder *self,
                               GDateTime *time)
{
  g_return_if_fail (KEFU_IS_ORDER (self));

  _kefu_record_set_date_time (KEFU_RECORD (self), &self->handed_over_at, time,
                              properties[PROP_HANDED_OVER_AT]);
}

gboolean
kefu_order_get_out_of_area (KefuOrder *self)
{
  g_return_val_if_fail (KEFU_IS_ORDER (self), FALSE);

  return self->out_of_area;
}

void
kefu_order_set_out_of_area (KefuOrder *self,
                            gboolean   out_of_area)
{
  g_return_if_fail (KEFU_IS_ORDER (self));

  _kefu_record_set_boolean (KEFU_RECORD (self), &self->out_of_area, out_of_area,
                            properties[PROP_OUT_OF_AREA]);
}

/**
 * kefu_order_get_area_notified_at:
 *
 * Returns: (transfer none) (nullable): the time, in UTC, or NULL when not set
 */
GDateTime *
kefu_order_get_area_notified_at (KefuOrder *self)
{
  g_return_val_if_fail (KEFU_IS_ORDER (self), NULL);

  return self->area_notified_at;
}

void
kefu_order_set_area_notified_at (KefuOrder *self,
                                 GDateTime *time)
{
  g_return_if_fail (KEFU_IS_ORDER (self));

  _kefu_record_set_date_time (KEFU_RECORD (self), &self->area_notified_at, time,
                              properties[PROP_AREA_NOTIFIED_AT]);
}

gint64
kefu_order_get_area_notified_by_id (KefuOrder *self)
{
  g_return_val_if_fail (KEFU_IS_ORDER (self), 0);

  return self->area_notified_by_id;
}

void
kefu_order_set_area_notified_by_id (KefuOrder *self,
                                    gint64     staff_id)
{
  g_return_if_fail (KEFU_IS_ORDER (self));
  g_return_if_fail (staff_id >= 0);

  _kefu_record_set_int64 (KEFU_RECORD (self), &self->area_notified_by_id, staff_id,
                          properties[PROP_AREA_NOTIFIED_BY_ID]);
}

const char *
kefu_order_get_area_note (KefuOrder *self)
{
  g_return_val_if_fail (KEFU_IS_ORDER (self), NULL);

  return self->area_note;
}

void
kefu_order_set_area_note (KefuOrder  *self,
                          const char *note)
{
  g_return_if_fail (KEFU_IS_ORDER (self));

  _kefu_record_set_string (KEFU_RECORD (self), &self->area_note, note, properties[PROP_AREA_NOTE]);
}

gint64
kefu_order_get_lead_id (KefuOrder *self)
{
  g_return_val_if_fail (KEFU_IS_ORDER (self), 0);

  return self->lead_id;
}

void
kefu_order_set_lead_id (KefuOrder *self,
                        gint64     lead_id)
{
  g_return_if_fail (KEFU_IS_ORDER (self));
  g_return_if_fail (lead_id >= 0);

  _kefu_record_set_int64 (KEFU_RECORD (self), &self->lead_id, lead_id, properties[PROP_LEAD_ID]);
}

/**
 * kefu_order_get_lines:
 *
 * Returns: (transfer none): the lines, a GListStore of KefuOrderLine
 */
GListStore *
kefu_order_get_lines (KefuOrder *self)
{
  g_return_val_if_fail (KEFU_IS_ORDER (self), NULL);

  return self->lines;
}

/**
 * kefu_order_add_line:
 *
 * Appends an empty line.
 *
 * Returns: (transfer none): the new line, owned by the order
 */
KefuOrderLine *
kefu_order_add_line (KefuOrder *self)
{
  g_autoptr(KefuOrderLine) line = NULL;

  g_return_val_if_fail (KEFU_IS_ORDER (self), NULL);

  line = kefu_order_line_new ();
  g_list_store_append (self->lines, line);

  return line;
}

/* Does nothing when `line` is not one of the order's lines. */
void
kefu_order_remove_line (KefuOrder     *self,
                        KefuOrderLine *line)
{
  guint position;

  g_return_if_fail (KEFU_IS_ORDER (self));
  g_return_if_fail (KEFU_IS_ORDER_LINE (line));

  if (g_list_store_find (self->lines, line, &position))
    g_list_store_remove (self->lines, position);
}

gint64
kefu_order_get_total (KefuOrder *self)
{
  g_return_val_if_fail (KEFU_IS_ORDER (self), 0);

  return self->total;
}
