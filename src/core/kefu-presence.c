/* kefu-presence.c: a soft, expiring "being edited by" marker (see kefu-presence.h).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-presence"

#include "config.h"

#include <glib/gi18n.h>

#include "kefu-presence.h"

struct _KefuPresence
{
  GObject    parent_instance;

  char      *entity;
  gint64     entity_id;
  gint64     staff_id;
  char      *staff_name;
  char      *workstation;
  GDateTime *since;
  GDateTime *renewed_at;
};

G_DEFINE_FINAL_TYPE (KefuPresence, kefu_presence, G_TYPE_OBJECT)

static void
kefu_presence_finalize (GObject *object)
{
  KefuPresence *self = KEFU_PRESENCE (object);

  g_free (self->entity);
  g_free (self->staff_name);
  g_free (self->workstation);
  g_clear_pointer (&self->since, g_date_time_unref);
  g_clear_pointer (&self->renewed_at, g_date_time_unref);

  G_OBJECT_CLASS (kefu_presence_parent_class)->finalize (object);
}

static void
kefu_presence_class_init (KefuPresenceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kefu_presence_finalize;
}

static void
kefu_presence_init (KefuPresence *self)
{
}

KefuPresence *
kefu_presence_new (const char *entity,
                   gint64      entity_id,
                   gint64      staff_id,
                   const char *staff_name,
                   const char *workstation,
                   GDateTime  *since,
                   GDateTime  *renewed_at)
{
  KefuPresence *self;

  g_return_val_if_fail (entity != NULL, NULL);
  g_return_val_if_fail (since != NULL && renewed_at != NULL, NULL);

  self = g_object_new (KEFU_TYPE_PRESENCE, NULL);
  self->entity = g_strdup (entity);
  self->entity_id = entity_id;
  self->staff_id = staff_id;
  self->staff_name = g_strdup (staff_name);
  self->workstation = g_strdup (workstation);
  self->since = g_date_time_ref (since);
  self->renewed_at = g_date_time_ref (renewed_at);
  return self;
}

const char *
kefu_presence_get_entity (KefuPresence *self)
{
  g_return_val_if_fail (KEFU_IS_PRESENCE (self), NULL);
  return self->entity;
}

gint64
kefu_presence_get_entity_id (KefuPresence *self)
{
  g_return_val_if_fail (KEFU_IS_PRESENCE (self), 0);
  return self->entity_id;
}

gint64
kefu_presence_get_staff_id (KefuPresence *self)
{
  g_return_val_if_fail (KEFU_IS_PRESENCE (self), 0);
  return self->staff_id;
}

const char *
kefu_presence_get_staff_name (KefuPresence *self)
{
  g_return_val_if_fail (KEFU_IS_PRESENCE (self), NULL);
  return self->staff_name;
}

const char *
kefu_presence_get_workstation (KefuPresence *self)
{
  g_return_val_if_fail (KEFU_IS_PRESENCE (self), NULL);
  return self->workstation;
}

GDateTime *
kefu_presence_get_since (KefuPresence *self)
{
  g_return_val_if_fail (KEFU_IS_PRESENCE (self), NULL);
  return self->since;
}

GDateTime *
kefu_presence_get_renewed_at (KefuPresence *self)
{
  g_return_val_if_fail (KEFU_IS_PRESENCE (self), NULL);
  return self->renewed_at;
}

gboolean
kefu_presence_is_live (GDateTime *renewed_at,
                       GDateTime *now)
{
  g_return_val_if_fail (now != NULL, FALSE);

  if (renewed_at == NULL)
    return FALSE;
  return g_date_time_difference (now, renewed_at) < KEFU_PRESENCE_SECONDS * G_TIME_SPAN_SECOND;
}

char *
kefu_presence_describe (GListModel *marks,
                        gint64      own_staff_id,
                        const char *own_workstation,
                        GDateTime  *now)
{
  g_autoptr(KefuPresence) first = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *time = NULL;
  g_autofree char *lead = NULL;
  const char *name;
  guint others = 0;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (marks), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  n = g_list_model_get_n_items (marks);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KefuPresence) mark = g_list_model_get_item (marks, i);

      if ((mark->staff_id == own_staff_id && g_strcmp0 (mark->workstation, own_workstation) == 0)
          || !kefu_presence_is_live (mark->renewed_at, now))
        continue;
      if (first == NULL)
        first = g_object_ref (mark);
      else
        {
          others++;
          if (g_date_time_compare (mark->since, first->since) < 0)
            g_set_object (&first, mark);
        }
    }
  if (first == NULL)
    return NULL;

  local = g_date_time_to_local (first->since);
  time = g_date_time_format (local, "%H:%M");
  /* Translators: at the start of a sentence, for a staff member the database has no name for. */
  name = first->staff_name != NULL && first->staff_name[0] != '\0' ? first->staff_name
                                                                    : _("Someone");
  /* Translators: %1$s is a staff member's name, %2$s the time they opened the record for
   * editing (10:42). */
  lead = g_strdup_printf (_("Being edited by %1$s since %2$s"), name, time);
  if (others == 0)
    return g_steal_pointer (&lead);
  /* Translators: %1$s is “Being edited by 王芳 since 10:42”, %2$u how many others edit too. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$s and %2$u other",
                                       "%1$s and %2$u others", others),
                          lead, others);
}
