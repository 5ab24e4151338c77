/* kefu-staff.h: a member of staff (员工): who logs calls, owns complaints, is assigned customers. */
#pragma once

#include "kefu-record.h"
#include "kefu-types.h"

G_BEGIN_DECLS

#define KEFU_TYPE_STAFF (kefu_staff_get_type ())
G_DECLARE_FINAL_TYPE (KefuStaff, kefu_staff, KEFU, STAFF, KefuRecord)

KefuStaff *kefu_staff_new (void);
const char * kefu_staff_get_name (KefuStaff *self);
void kefu_staff_set_name (KefuStaff *self, const char * name);
const char * kefu_staff_get_login (KefuStaff *self);
void kefu_staff_set_login (KefuStaff *self, const char * login);
KefuRole kefu_staff_get_role (KefuStaff *self);
void kefu_staff_set_role (KefuStaff *self, KefuRole role);
gint64 kefu_staff_get_department_id (KefuStaff *self);
void kefu_staff_set_department_id (KefuStaff *self, gint64 department_id);
gboolean kefu_staff_get_active (KefuStaff *self);
void kefu_staff_set_active (KefuStaff *self, gboolean active);

G_END_DECLS
