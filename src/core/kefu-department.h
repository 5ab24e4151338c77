/* kefu-department.h: a department (部门) that complaints and jobs are routed to. */
#pragma once

#include "kefu-record.h"

G_BEGIN_DECLS

#define KEFU_TYPE_DEPARTMENT (kefu_department_get_type ())
G_DECLARE_FINAL_TYPE (KefuDepartment, kefu_department, KEFU, DEPARTMENT, KefuRecord)

KefuDepartment *kefu_department_new (void);
const char * kefu_department_get_name (KefuDepartment *self);
void kefu_department_set_name (KefuDepartment *self, const char * name);
const char * kefu_department_get_code (KefuDepartment *self);
void kefu_department_set_code (KefuDepartment *self, const char * code);
const char * kefu_department_get_description (KefuDepartment *self);
void kefu_department_set_description (KefuDepartment *self, const char * description);

G_END_DECLS
