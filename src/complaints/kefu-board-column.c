/* kefu-board-column.c: one stage of the escalation board: its header (name, count, overdue
 * count, folding), its rows and its drop target. Its cards (filling, refreshing, focusing) are
 * in kefu-board-column-cards.c.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-board-column"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-enums.h"

#include "kefu-board-column-private.h"
#include "kefu-board-text.h"
#include "kefu-complaint-card-widget.h"

/* An open column is wide enough for a card's four lines; a collapsed one for its header. */
#define COLUMN_WIDTH 232
#define COLLAPSED_WIDTH 150

/* Cards shown in the first frame after a column filled from empty (a screen of them), and the
 * card widgets a one-column grid view keeps at most (GTK_GRID_VIEW_MAX_VISIBLE_ROWS and a few). */
#define FIRST_ROWS 10
#define GRID_ROWS 33


G_DEFINE_FINAL_TYPE (KefuBoardColumn, kefu_board_column, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STAGE,
  PROP_STAFF,
  PROP_COUNT,
  PROP_COLLAPSED,
  N_PROPS
};

enum {
  CARD_DROPPED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Counts the cards past their deadline as at the column's time, and the urgent ones. */
static void
count_late (KefuBoardColumn *self)
{
  g_autoptr(GDateTime) now = self->now != NULL ? g_date_time_ref (self->now) : g_date_time_new_now_utc ();
  GListModel *model = G_LIST_MODEL (self->cards);
  guint n = g_list_model_get_n_items (model);

  self->n_overdue = 0;
  self->n_urgent = 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KefuComplaintCard) card = g_list_model_get_item (model, i);

      if (kefu_complaint_card_get_deadline_state (card, now) == KEFU_DEADLINE_STATE_OVERDUE)
        self->n_overdue++;
      if (kefu_complaint_card_get_urgent (card))
        self->n_urgent++;
    }
}

void
_kefu_board_column_update_late (KefuBoardColumn *self)
{
  g_autofree char *late = NULL;

  count_late (self);
  late = kefu_board_format_overdue_count (self->n_overdue);
  gtk_label_set_label (self->late_label, late);
  /* A collapsed column is too narrow for it: the board's summary says it for every stage. */
  gtk_widget_set_visible (GTK_WIDGET (self->late_label), self->n_overdue > 0 && !self->collapsed);
}

void
_kefu_board_column_update_count (KefuBoardColumn *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->cards));
  g_autofree char *count = g_strdup_printf ("%'u", n);
  g_autofree char *label = NULL;
  g_autofree char *hidden = NULL;

  gtk_label_set_label (self->count_label, count);
  if (n == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else
    gtk_stack_set_visible_child_name (self->stack, self->collapsed ? "collapsed" : "cards");

  hidden = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         /* Translators: in a collapsed column of the complaint
                                          * board, instead of its cards. */
                                         "%u complaint, cards hidden",
                                         "%u complaints, cards hidden", n),
                            n);
  gtk_label_set_label (self->collapsed_label, hidden);

  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        /* Translators: a board column for screen readers:
                                         * "In progress, 12 complaints". */
                                        "%s, %u complaint", "%s, %u complaints", n),
                           kefu_complaint_stage_get_display_name (self->stage), n);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  _kefu_board_column_update_late (self);
}

static void
update_collapsed (KefuBoardColumn *self)
{
  const char *tooltip = self->collapsed ? _("Show Cards") : _("Hide Cards");

  gtk_widget_set_size_request (GTK_WIDGET (self), self->collapsed ? COLLAPSED_WIDTH : COLUMN_WIDTH, -1);
  gtk_widget_set_hexpand (GTK_WIDGET (self), !self->collapsed);
  gtk_button_set_icon_name (self->collapse_button,
                            self->collapsed ? "view-reveal-symbolic" : "view-conceal-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->collapse_button), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->collapse_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  gtk_widget_set_visible (GTK_WIDGET (self->note_label),
                          self->stage == KEFU_COMPLAINT_STAGE_CLOSED && !self->collapsed);
  /* A collapsed column makes no card widgets at all. */
  kefu_row_pacer_set_hidden (self->pacer, self->collapsed);
  _kefu_board_column_update_count (self);
}

static void
toggle_collapsed_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  KefuBoardColumn *self = KEFU_BOARD_COLUMN (widget);

  kefu_board_column_set_collapsed (self, !self->collapsed);
}

/* Rows */

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          KefuBoardColumn          *self)
{
  GtkWidget *card = kefu_complaint_card_widget_new ();

  /* The card takes the focus itself, so that its keys (Enter, Menu, Shift+F10) reach it. */
  gtk_list_item_set_focusable (item, FALSE);
  gtk_list_item_set_child (item, card);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         KefuBoardColumn          *self)
{
  KefuComplaintCardWidget *card = KEFU_COMPLAINT_CARD_WIDGET (gtk_list_item_get_child (item));

  kefu_complaint_card_widget_set_staff (card, self->staff);
  kefu_complaint_card_widget_set_card (card, gtk_list_item_get_item (item), self->now);
  kefu_complaint_card_widget_refresh (card, self->now);
  g_hash_table_add (self->bound, card);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           KefuBoardColumn          *self)
{
  KefuComplaintCardWidget *card = KEFU_COMPLAINT_CARD_WIDGET (gtk_list_item_get_child (item));

  g_hash_table_remove (self->bound, card);
  kefu_complaint_card_widget_set_card (card, NULL, NULL);
}

static void
teardown_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             KefuBoardColumn          *self)
{
  GtkWidget *card = gtk_list_item_get_child (item);

  if (card != NULL)
    g_hash_table_remove (self->bound, card);
}

static void
list_activate_cb (KefuBoardColumn *self,
                  guint            position)
{
  g_autoptr(KefuComplaintCard) card = g_list_model_get_item (G_LIST_MODEL (self->cards), position);

  if (card != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "complaints.open", "x",
                                kefu_complaint_card_get_id (card));
}

/* Dropping */

static gboolean
drop_cb (GtkDropTarget   *target,
         const GValue    *value,
         double           x,
         double           y,
         KefuBoardColumn *self)
{
  KefuComplaintCard *card;
  gboolean taken = FALSE;

  if (!G_VALUE_HOLDS (value, KEFU_TYPE_COMPLAINT_CARD))
    return FALSE;

  card = g_value_get_object (value);
  /* Dropped back where it came from: nothing to do, and nothing to explain. */
  if (card == NULL || kefu_complaint_card_get_stage (card) == self->stage)
    return FALSE;

  g_signal_emit (self, signals[CARD_DROPPED], 0, card, &taken);
  return taken;
}

/* Overrides */

static void
kefu_board_column_dispose (GObject *object)
{
  KefuBoardColumn *self = KEFU_BOARD_COLUMN (object);

  if (self->bound != NULL)
    g_hash_table_remove_all (self->bound);
  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_BOARD_COLUMN);
  /* The template's root box has no id: it is unparented here, as a widget with a layout
   * manager must do with its children. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->pacer, kefu_row_pacer_free);
  g_clear_object (&self->cards);
  g_clear_object (&self->staff);
  g_clear_pointer (&self->now, g_date_time_unref);

  G_OBJECT_CLASS (kefu_board_column_parent_class)->dispose (object);
}

static void
kefu_board_column_finalize (GObject *object)
{
  KefuBoardColumn *self = KEFU_BOARD_COLUMN (object);

  g_clear_pointer (&self->bound, g_hash_table_unref);

  G_OBJECT_CLASS (kefu_board_column_parent_class)->finalize (object);
}

static void
kefu_board_column_constructed (GObject *object)
{
  KefuBoardColumn *self = KEFU_BOARD_COLUMN (object);

  G_OBJECT_CLASS (kefu_board_column_parent_class)->constructed (object);

  gtk_label_set_label (self->title_label, kefu_complaint_stage_get_display_name (self->stage));
  if (self->stage == KEFU_COMPLAINT_STAGE_CLOSED)
    {
      /* Translators: beside the "Closed" column's title: it shows only the recently closed. */
      gtk_label_set_label (self->note_label, _("last 7 days"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label),
                                   _("Complaints closed in the last 7 days"));
    }
  /* Only the finished stages fold away: the stages being worked are what the board is for. */
  gtk_widget_set_visible (GTK_WIDGET (self->collapse_button), kefu_board_stage_is_finished (self->stage));
  update_collapsed (self);
}

static void
kefu_board_column_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  KefuBoardColumn *self = KEFU_BOARD_COLUMN (object);

  switch (prop_id)
    {
    case PROP_STAGE:
      g_value_set_enum (value, self->stage);
      break;

    case PROP_STAFF:
      g_value_set_object (value, self->staff);
      break;

    case PROP_COUNT:
      g_value_set_uint (value, kefu_board_column_get_count (self));
      break;

    case PROP_COLLAPSED:
      g_value_set_boolean (value, self->collapsed);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_board_column_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  KefuBoardColumn *self = KEFU_BOARD_COLUMN (object);

  switch (prop_id)
    {
    case PROP_STAGE:
      self->stage = g_value_get_enum (value);
      break;

    case PROP_STAFF:
      kefu_board_column_set_staff (self, g_value_get_object (value));
      break;

    case PROP_COLLAPSED:
      kefu_board_column_set_collapsed (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_board_column_class_init (KefuBoardColumnClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = kefu_board_column_constructed;
  object_class->dispose = kefu_board_column_dispose;
  object_class->finalize = kefu_board_column_finalize;
  object_class->get_property = kefu_board_column_get_property;
  object_class->set_property = kefu_board_column_set_property;

  properties[PROP_STAGE] =
    g_param_spec_enum ("stage", NULL, NULL, KEFU_TYPE_COMPLAINT_STAGE, KEFU_COMPLAINT_STAGE_NEW,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_STAFF] =
    g_param_spec_object ("staff", NULL, NULL, KEFU_TYPE_STAFF,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_COUNT] =
    g_param_spec_uint ("count", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_COLLAPSED] =
    g_param_spec_boolean ("collapsed", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CARD_DROPPED] =
    g_signal_new ("card-dropped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  g_signal_accumulator_first_wins, NULL, NULL,
                  G_TYPE_BOOLEAN, 1, KEFU_TYPE_COMPLAINT_CARD);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kefu/Kefu/ui/kefu-board-column.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuBoardColumn, collapse_button);
  gtk_widget_class_bind_template_child (widget_class, KefuBoardColumn, collapsed_label);
  gtk_widget_class_bind_template_child (widget_class, KefuBoardColumn, count_label);
  gtk_widget_class_bind_template_child (widget_class, KefuBoardColumn, late_label);
  gtk_widget_class_bind_template_child (widget_class, KefuBoardColumn, list_view);
  gtk_widget_class_bind_template_child (widget_class, KefuBoardColumn, note_label);
  gtk_widget_class_bind_template_child (widget_class, KefuBoardColumn, stack);
  gtk_widget_class_bind_template_child (widget_class, KefuBoardColumn, title_label);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);

  gtk_widget_class_install_action (widget_class, "column.toggle-collapsed", NULL, toggle_collapsed_cb);

  gtk_widget_class_set_css_name (widget_class, "kefu-board-column");
}

static void
kefu_board_column_init (KefuBoardColumn *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->bound = g_hash_table_new (NULL, NULL);
  self->cards = g_list_store_new (KEFU_TYPE_COMPLAINT_CARD);

  /* A grid view of one column rather than a list view: both recycle their rows, but a list
   * view keeps up to 205 rows alive around its anchor whatever it shows, and seven columns of
   * 205 cards took seconds to make; the grid keeps about 33 (measured in
   * test-complaints-board, /kefu/complaints-board/five-thousand), and the first showing makes
   * a screen of them a frame (see kefu-row-pacer.h). */
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);
  g_signal_connect (factory, "teardown", G_CALLBACK (teardown_cb), self);
  gtk_grid_view_set_factory (self->list_view, factory);
  self->pacer = kefu_row_pacer_new (G_LIST_MODEL (self->cards), FIRST_ROWS, GRID_ROWS);
  selection = gtk_no_selection_new (g_object_ref (kefu_row_pacer_get_model (self->pacer)));
  gtk_grid_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));

  self->drop_target = gtk_drop_target_new (KEFU_TYPE_COMPLAINT_CARD, GDK_ACTION_MOVE);
  g_signal_connect (self->drop_target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (self->drop_target));
}

GtkWidget *
kefu_board_column_new (KefuComplaintStage stage)
{
  return g_object_new (KEFU_TYPE_BOARD_COLUMN, "stage", stage, NULL);
}

KefuComplaintStage
kefu_board_column_get_stage (KefuBoardColumn *self)
{
  g_return_val_if_fail (KEFU_IS_BOARD_COLUMN (self), KEFU_COMPLAINT_STAGE_NEW);

  return self->stage;
}

GListModel *
kefu_board_column_get_cards (KefuBoardColumn *self)
{
  g_return_val_if_fail (KEFU_IS_BOARD_COLUMN (self), NULL);

  return G_LIST_MODEL (self->cards);
}

guint
kefu_board_column_get_count (KefuBoardColumn *self)
{
  g_return_val_if_fail (KEFU_IS_BOARD_COLUMN (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->cards));
}

void
kefu_board_column_set_staff (KefuBoardColumn *self,
                             KefuStaff       *staff)
{
  GHashTableIter iter;
  gpointer card;

  g_return_if_fail (KEFU_IS_BOARD_COLUMN (self));
  g_return_if_fail (staff == NULL || KEFU_IS_STAFF (staff));

  if (!g_set_object (&self->staff, staff))
    return;

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &card, NULL))
    kefu_complaint_card_widget_set_staff (card, staff);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAFF]);
}

GtkDropTarget *
kefu_board_column_get_drop_target (KefuBoardColumn *self)
{
  g_return_val_if_fail (KEFU_IS_BOARD_COLUMN (self), NULL);

  return self->drop_target;
}

gboolean
kefu_board_column_get_collapsed (KefuBoardColumn *self)
{
  g_return_val_if_fail (KEFU_IS_BOARD_COLUMN (self), FALSE);

  return self->collapsed;
}

void
kefu_board_column_set_collapsed (KefuBoardColumn *self,
                                 gboolean         collapsed)
{
  g_return_if_fail (KEFU_IS_BOARD_COLUMN (self));

  collapsed = !!collapsed;
  if (self->collapsed == collapsed)
    return;

  self->collapsed = collapsed;
  update_collapsed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLLAPSED]);
}

void
kefu_board_column_get_late (KefuBoardColumn *self,
                            guint           *n_overdue,
                            guint           *n_urgent)
{
  g_return_if_fail (KEFU_IS_BOARD_COLUMN (self));

  if (n_overdue != NULL)
    *n_overdue = self->n_overdue;
  if (n_urgent != NULL)
    *n_urgent = self->n_urgent;
}

void
_kefu_board_column_notify_count (KefuBoardColumn *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNT]);
}
