/* kefu-draft-file.c: the call form in progress, kept on this workstation.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-draft-file"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "core/kefu-call-draft.h"

#include "kefu-draft-file.h"

struct _KefuDraftFile
{
  GObject  parent_instance;

  char    *description;
  char    *path;
};

G_DEFINE_FINAL_TYPE (KefuDraftFile, kefu_draft_file, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kefu_draft_file_constructed (GObject *object)
{
  KefuDraftFile *self = KEFU_DRAFT_FILE (object);
  g_autofree char *hash = NULL;
  g_autofree char *name = NULL;

  G_OBJECT_CLASS (kefu_draft_file_parent_class)->constructed (object);

  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, self->description, -1);
  name = g_strconcat (hash, ".draft", NULL);
  self->path = g_build_filename (g_get_user_state_dir (), "kefu", "drafts", name, NULL);
}

static void
kefu_draft_file_finalize (GObject *object)
{
  KefuDraftFile *self = KEFU_DRAFT_FILE (object);

  g_free (self->description);
  g_free (self->path);

  G_OBJECT_CLASS (kefu_draft_file_parent_class)->finalize (object);
}

static void
kefu_draft_file_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  KefuDraftFile *self = KEFU_DRAFT_FILE (object);

  switch (prop_id)
    {
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_draft_file_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  KefuDraftFile *self = KEFU_DRAFT_FILE (object);

  switch (prop_id)
    {
    case PROP_DESCRIPTION:
      self->description = g_value_dup_string (value);
      if (self->description == NULL)
        self->description = g_strdup ("");
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_draft_file_class_init (KefuDraftFileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = kefu_draft_file_constructed;
  object_class->finalize = kefu_draft_file_finalize;
  object_class->get_property = kefu_draft_file_get_property;
  object_class->set_property = kefu_draft_file_set_property;

  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kefu_draft_file_init (KefuDraftFile *self)
{
}

KefuDraftFile *
kefu_draft_file_new (const char *database_description)
{
  g_return_val_if_fail (database_description != NULL, NULL);

  return g_object_new (KEFU_TYPE_DRAFT_FILE, "description", database_description, NULL);
}

const char *
kefu_draft_file_get_description (KefuDraftFile *self)
{
  g_return_val_if_fail (KEFU_IS_DRAFT_FILE (self), NULL);

  return self->description;
}

const char *
kefu_draft_file_get_path (KefuDraftFile *self)
{
  g_return_val_if_fail (KEFU_IS_DRAFT_FILE (self), NULL);

  return self->path;
}

gboolean
kefu_draft_file_save (KefuDraftFile  *self,
                      KefuCall       *call,
                      GError        **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *folder = NULL;
  gconstpointer data;
  gsize size;

  g_return_val_if_fail (KEFU_IS_DRAFT_FILE (self), FALSE);
  g_return_val_if_fail (KEFU_IS_CALL (call), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  folder = g_path_get_dirname (self->path);
  /* Drafts hold customers' names, addresses and complaints: only the user may read them. */
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   /* Translators: %s is a folder, then the system's reason. */
                   _("The drafts folder %s could not be made: %s. Check that your home folder is writable."),
                   folder, g_strerror (saved_errno));
      return FALSE;
    }

  bytes = kefu_call_draft_save (call);
  data = g_bytes_get_data (bytes, &size);
  /* CONSISTENT: written to a temporary file and renamed over the draft, so a crash leaves one
   * whole draft; DURABLE: flushed before the rename, so a power cut does too. */
  return g_file_set_contents_full (self->path, data, (gssize) size,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0600, error);
}

KefuCall *
kefu_draft_file_load (KefuDraftFile  *self,
                      GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(KefuCall) call = NULL;
  char *data = NULL;
  gsize size = 0;

  g_return_val_if_fail (KEFU_IS_DRAFT_FILE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_file_get_contents (self->path, &data, &size, &local_error))
    {
      /* No draft is the normal case. */
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return NULL;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  bytes = g_bytes_new_take (data, size);
  call = kefu_call_draft_load (bytes, &local_error);
  if (call == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code,
                   /* Translators: %s is the reason; the draft is kept. */
                   _("The call that was being recorded could not be restored: %s"),
                   local_error->message);
      return NULL;
    }

  return g_steal_pointer (&call);
}

gboolean
kefu_draft_file_delete (KefuDraftFile  *self,
                        GError        **error)
{
  g_return_val_if_fail (KEFU_IS_DRAFT_FILE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_unlink (self->path) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT)
        return TRUE;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   /* Translators: %s is a file, then the system's reason. */
                   _("The draft %s could not be removed: %s"),
                   self->path, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

gboolean
kefu_draft_file_exists (KefuDraftFile *self)
{
  g_return_val_if_fail (KEFU_IS_DRAFT_FILE (self), FALSE);

  return g_file_test (self->path, G_FILE_TEST_EXISTS);
}
