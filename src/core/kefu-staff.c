/* kefu-staff.c: a member of staff (员工), as the store reads and writes it.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-staff"

#include "config.h"

#include "kefu-staff.h"
#include "kefu-enum-types.h"
#include "kefu-record-private.h"

struct _KefuStaff
{
  KefuRecord parent_instance;

  char      *name;
  char      *login;
  KefuRole   role;
  gint64     department_id;
  gboolean   active;
};

G_DEFINE_FINAL_TYPE (KefuStaff, kefu_staff, KEFU_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_LOGIN,
  PROP_ROLE,
  PROP_DEPARTMENT_ID,
  PROP_ACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kefu_staff_finalize (GObject *object)
{
  KefuStaff *self = KEFU_STAFF (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->login, g_free);

  G_OBJECT_CLASS (kefu_staff_parent_class)->finalize (object);
}

static void
kefu_staff_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  KefuStaff *self = KEFU_STAFF (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, kefu_staff_get_name (self));
      break;
    case PROP_LOGIN:
      g_value_set_string (value, kefu_staff_get_login (self));
      break;
    case PROP_ROLE:
      g_value_set_enum (value, kefu_staff_get_role (self));
      break;
    case PROP_DEPARTMENT_ID:
      g_value_set_int64 (value, kefu_staff_get_department_id (self));
      break;
    case PROP_ACTIVE:
      g_value_set_boolean (value, kefu_staff_get_active (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_staff_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  KefuStaff *self = KEFU_STAFF (object);

  switch (prop_id)
    {
    case PROP_NAME:
      kefu_staff_set_name (self, g_value_get_string (value));
      break;
    case PROP_LOGIN:
      kefu_staff_set_login (self, g_value_get_string (value));
      break;
    case PROP_ROLE:
      kefu_staff_set_role (self, g_value_get_enum (value));
      break;
    case PROP_DEPARTMENT_ID:
      kefu_staff_set_department_id (self, g_value_get_int64 (value));
      break;
    case PROP_ACTIVE:
      kefu_staff_set_active (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_staff_class_init (KefuStaffClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kefu_staff_finalize;
  object_class->get_property = kefu_staff_get_property;
  object_class->set_property = kefu_staff_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, "", KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_LOGIN] =
    g_param_spec_string ("login", NULL, NULL, "", KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_ROLE] =
    g_param_spec_enum ("role", NULL, NULL,
                       KEFU_TYPE_ROLE, KEFU_ROLE_CLERK,
                       KEFU_RECORD_PARAM_FLAGS);
  /* 0 means "none": ids of stored rows start at 1. */
  properties[PROP_DEPARTMENT_ID] =
    g_param_spec_int64 ("department-id", NULL, NULL, 0, G_MAXINT64, 0, KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, TRUE, KEFU_RECORD_PARAM_FLAGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kefu_staff_init (KefuStaff *self)
{
  self->name = g_strdup ("");
  self->login = g_strdup ("");
  self->active = TRUE;
}

KefuStaff *
kefu_staff_new (void)
{
  return g_object_new (KEFU_TYPE_STAFF, NULL);
}

const char *
kefu_staff_get_name (KefuStaff *self)
{
  g_return_val_if_fail (KEFU_IS_STAFF (self), NULL);

  return self->name;
}

void
kefu_staff_set_name (KefuStaff  *self,
                     const char *name)
{
  g_return_if_fail (KEFU_IS_STAFF (self));

  _kefu_record_set_string (KEFU_RECORD (self), &self->name, name, properties[PROP_NAME]);
}

const char *
kefu_staff_get_login (KefuStaff *self)
{
  g_return_val_if_fail (KEFU_IS_STAFF (self), NULL);

  return self->login;
}

void
kefu_staff_set_login (KefuStaff  *self,
                      const char *login)
{
  g_return_if_fail (KEFU_IS_STAFF (self));

  _kefu_record_set_string (KEFU_RECORD (self), &self->login, login, properties[PROP_LOGIN]);
}

KefuRole
kefu_staff_get_role (KefuStaff *self)
{
  g_return_val_if_fail (KEFU_IS_STAFF (self), KEFU_ROLE_CLERK);

  return self->role;
}

void
kefu_staff_set_role (KefuStaff *self,
                     KefuRole   role)
{
  g_return_if_fail (KEFU_IS_STAFF (self));

  _kefu_record_set_enum (KEFU_RECORD (self), (int *) &self->role, role, properties[PROP_ROLE]);
}

gint64
kefu_staff_get_department_id (KefuStaff *self)
{
  g_return_val_if_fail (KEFU_IS_STAFF (self), 0);

  return self->department_id;
}

void
kefu_staff_set_department_id (KefuStaff *self,
                              gint64     department_id)
{
  g_return_if_fail (KEFU_IS_STAFF (self));
  g_return_if_fail (department_id >= 0);

  _kefu_record_set_int64 (KEFU_RECORD (self), &self->department_id, department_id,
                          properties[PROP_DEPARTMENT_ID]);
}

gboolean
kefu_staff_get_active (KefuStaff *self)
{
  g_return_val_if_fail (KEFU_IS_STAFF (self), FALSE);

  return self->active;
}

void
kefu_staff_set_active (KefuStaff *self,
                       gboolean   active)
{
  g_return_if_fail (KEFU_IS_STAFF (self));

  _kefu_record_set_boolean (KEFU_RECORD (self), &self->active, active, properties[PROP_ACTIVE]);
}
