/* kefu-department.c: a department (部门), as the store reads and writes it.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-department"

#include "config.h"

#include "kefu-department.h"
#include "kefu-record-private.h"

struct _KefuDepartment
{
  KefuRecord parent_instance;

  char      *name;
  char      *code;
  char      *description;
};

G_DEFINE_FINAL_TYPE (KefuDepartment, kefu_department, KEFU_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_CODE,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kefu_department_finalize (GObject *object)
{
  KefuDepartment *self = KEFU_DEPARTMENT (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (kefu_department_parent_class)->finalize (object);
}

static void
kefu_department_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  KefuDepartment *self = KEFU_DEPARTMENT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, kefu_department_get_name (self));
      break;
    case PROP_CODE:
      g_value_set_string (value, kefu_department_get_code (self));
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, kefu_department_get_description (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_department_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  KefuDepartment *self = KEFU_DEPARTMENT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      kefu_department_set_name (self, g_value_get_string (value));
      break;
    case PROP_CODE:
      kefu_department_set_code (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      kefu_department_set_description (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kefu_department_class_init (KefuDepartmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kefu_department_finalize;
  object_class->get_property = kefu_department_get_property;
  object_class->set_property = kefu_department_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, "", KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, "", KEFU_RECORD_PARAM_FLAGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, "", KEFU_RECORD_PARAM_FLAGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kefu_department_init (KefuDepartment *self)
{
  self->name = g_strdup ("");
  self->code = g_strdup ("");
  self->description = g_strdup ("");
}

KefuDepartment *
kefu_department_new (void)
{
  return g_object_new (KEFU_TYPE_DEPARTMENT, NULL);
}

const char *
kefu_department_get_name (KefuDepartment *self)
{
  g_return_val_if_fail (KEFU_IS_DEPARTMENT (self), NULL);

  return self->name;
}

void
kefu_department_set_name (KefuDepartment *self,
                          const char     *name)
{
  g_return_if_fail (KEFU_IS_DEPARTMENT (self));

  _kefu_record_set_string (KEFU_RECORD (self), &self->name, name, properties[PROP_NAME]);
}

const char *
kefu_department_get_code (KefuDepartment *self)
{
  g_return_val_if_fail (KEFU_IS_DEPARTMENT (self), NULL);

  return self->code;
}

void
kefu_department_set_code (KefuDepartment *self,
                          const char     *code)
{
  g_return_if_fail (KEFU_IS_DEPARTMENT (self));

  _kefu_record_set_string (KEFU_RECORD (self), &self->code, code, properties[PROP_CODE]);
}

const char *
kefu_department_get_description (KefuDepartment *self)
{
  g_return_val_if_fail (KEFU_IS_DEPARTMENT (self), NULL);

  return self->description;
}

void
kefu_department_set_description (KefuDepartment *self,
                                 const char     *description)
{
  g_return_if_fail (KEFU_IS_DEPARTMENT (self));

  _kefu_record_set_string (KEFU_RECORD (self), &self->description, description,
                           properties[PROP_DESCRIPTION]);
}
