/* kefu-board-summary.c: the strip of stages above the escalation board.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-board-summary"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kefu-enums.h"

#include "kefu-board-summary.h"
#include "kefu-board-text.h"

typedef struct
{
  KefuBoardColumn *column;
  GtkWidget       *button;
  GtkLabel        *count_label;
  GtkWidget       *overdue_box;
  GtkLabel        *overdue_label;
  GtkWidget       *urgent_box;
  GtkLabel        *urgent_label;
} Tile;

struct _KefuBoardSummary
{
  GtkWidget  parent_instance;

  GArray    *tiles;  /* Tile, in board order */

  GtkBox    *box;
};

G_DEFINE_FINAL_TYPE (KefuBoardSummary, kefu_board_summary, GTK_TYPE_WIDGET)

/* Tiles */

/* An icon and a small red text: "3 overdue" is read, not inferred from the colour. */
static GtkWidget *
make_alert_line (const char  *icon_name,
                 GtkLabel   **label)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 3);
  GtkWidget *image = g_object_new (GTK_TYPE_IMAGE,
                                   "icon-name", icon_name,
                                   "pixel-size", 12,
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                   NULL);

  gtk_widget_set_visible (box, FALSE);
  gtk_widget_add_css_class (box, "error");
  gtk_widget_add_css_class (box, "caption-heading");
  *label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (*label, 0);
  gtk_label_set_ellipsize (*label, PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (*label));
  return box;
}

static void
tile_init (Tile            *tile,
           KefuBoardColumn *column)
{
  KefuComplaintStage stage = kefu_board_column_get_stage (column);
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *numbers = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *alerts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *name = gtk_label_new (kefu_complaint_stage_get_display_name (stage));

  tile->column = column;
  tile->button = gtk_button_new ();
  gtk_widget_add_css_class (tile->button, "kefu-stage-tile");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (tile->button), "complaints.show-stage");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (tile->button),
                                          g_variant_new_string (kefu_enum_to_nick (KEFU_TYPE_COMPLAINT_STAGE,
                                                                                   stage)));

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (name, "caption-heading");
  gtk_widget_add_css_class (name, "dim-label");

  tile->count_label = GTK_LABEL (gtk_label_new ("0"));
  gtk_label_set_xalign (tile->count_label, 0);
  gtk_widget_set_valign (GTK_WIDGET (tile->count_label), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (tile->count_label), "title-2");
  gtk_widget_add_css_class (GTK_WIDGET (tile->count_label), "numeric");

  tile->overdue_box = make_alert_line ("appointment-missed-symbolic", &tile->overdue_label);
  tile->urgent_box = make_alert_line ("dialog-warning-symbolic", &tile->urgent_label);
  gtk_widget_set_valign (alerts, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (alerts, TRUE);
  gtk_box_append (GTK_BOX (alerts), tile->overdue_box);
  gtk_box_append (GTK_BOX (alerts), tile->urgent_box);

  gtk_box_append (GTK_BOX (numbers), GTK_WIDGET (tile->count_label));
  gtk_box_append (GTK_BOX (numbers), alerts);
  gtk_box_append (GTK_BOX (content), name);
  gtk_box_append (GTK_BOX (content), numbers);
  gtk_button_set_child (GTK_BUTTON (tile->button), content);
}

static void
tile_update (Tile *tile)
{
  KefuComplaintStage stage = kefu_board_column_get_stage (tile->column);
  guint n = kefu_board_column_get_count (tile->column);
  guint n_overdue, n_urgent;
  g_autofree char *count = g_strdup_printf ("%'u", n);
  g_autofree char *overdue = NULL;
  g_autofree char *urgent = NULL;
  g_autofree char *description = NULL;
  GString *text;

  kefu_board_column_get_late (tile->column, &n_overdue, &n_urgent);
  overdue = kefu_board_format_overdue_count (n_overdue);
  urgent = kefu_board_format_urgent_count (n_urgent);

  gtk_label_set_label (tile->count_label, count);
  gtk_label_set_label (tile->overdue_label, overdue);
  gtk_widget_set_visible (tile->overdue_box, n_overdue > 0);
  gtk_label_set_label (tile->urgent_label, urgent);
  gtk_widget_set_visible (tile->urgent_box, n_urgent > 0);
  if (n_overdue > 0 || n_urgent > 0)
    gtk_widget_add_css_class (tile->button, "late");
  else
    gtk_widget_remove_css_class (tile->button, "late");

  /* What the tile says, whole, for the pointer and the screen reader. */
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              /* Translators: a stage's tile above the complaint
                                               * board: "In progress: 12 complaints". */
                                              "%s: %u complaint", "%s: %u complaints", n),
                                 kefu_complaint_stage_get_display_name (stage), n);
  text = g_string_new (description);
  if (n_overdue > 0)
    /* Translators: adds a part to a stage tile's description: "…: 12 complaints, 3 overdue"
     * (…：12 件投诉，3 件超时). */
    g_string_append_printf (text, _(", %s"), overdue);
  if (n_urgent > 0)
    g_string_append_printf (text, _(", %s"), urgent);
  gtk_widget_set_tooltip_text (tile->button, text->str);
  gtk_accessible_update_property (GTK_ACCESSIBLE (tile->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text->str,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Shows the stage's column"),
                                  -1);
  g_string_free (text, TRUE);
}

/* Overrides */

static void
kefu_board_summary_dispose (GObject *object)
{
  KefuBoardSummary *self = KEFU_BOARD_SUMMARY (object);

  g_array_set_size (self->tiles, 0);
  gtk_widget_dispose_template (GTK_WIDGET (self), KEFU_TYPE_BOARD_SUMMARY);

  G_OBJECT_CLASS (kefu_board_summary_parent_class)->dispose (object);
}

static void
kefu_board_summary_finalize (GObject *object)
{
  KefuBoardSummary *self = KEFU_BOARD_SUMMARY (object);

  g_array_unref (self->tiles);

  G_OBJECT_CLASS (kefu_board_summary_parent_class)->finalize (object);
}

static void
kefu_board_summary_class_init (KefuBoardSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kefu_board_summary_dispose;
  object_class->finalize = kefu_board_summary_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kefu/Kefu/ui/kefu-board-summary.ui");
  gtk_widget_class_bind_template_child (widget_class, KefuBoardSummary, box);

  gtk_widget_class_set_css_name (widget_class, "kefu-board-summary");
}

static void
kefu_board_summary_init (KefuBoardSummary *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->tiles = g_array_new (FALSE, TRUE, sizeof (Tile));
}

/* Public API */

GtkWidget *
kefu_board_summary_new (void)
{
  return g_object_new (KEFU_TYPE_BOARD_SUMMARY, NULL);
}

void
kefu_board_summary_add_column (KefuBoardSummary *self,
                               KefuBoardColumn  *column)
{
  Tile tile = { 0 };

  g_return_if_fail (KEFU_IS_BOARD_SUMMARY (self));
  g_return_if_fail (KEFU_IS_BOARD_COLUMN (column));

  /* The column lives as long as the board that holds both. */
  tile_init (&tile, column);
  gtk_box_append (self->box, tile.button);
  g_array_append_val (self->tiles, tile);
  tile_update (&g_array_index (self->tiles, Tile, self->tiles->len - 1));
}

void
kefu_board_summary_update (KefuBoardSummary *self)
{
  g_return_if_fail (KEFU_IS_BOARD_SUMMARY (self));

  for (guint i = 0; i < self->tiles->len; i++)
    tile_update (&g_array_index (self->tiles, Tile, i));
}

GtkWidget *
kefu_board_summary_get_tile (KefuBoardSummary   *self,
                             KefuComplaintStage  stage)
{
  g_return_val_if_fail (KEFU_IS_BOARD_SUMMARY (self), NULL);

  for (guint i = 0; i < self->tiles->len; i++)
    {
      Tile *tile = &g_array_index (self->tiles, Tile, i);

      if (kefu_board_column_get_stage (tile->column) == stage)
        return tile->button;
    }
  return NULL;
}
