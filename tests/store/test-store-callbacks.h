/* test-store-callbacks.h: what the callback calendar's store tests share: the call tests'
 * company with customers (two members, one in 浦东), the store's clock in local time
 * (Asia/Shanghai), callbacks made and claimed as a given staff member, and a callback written
 * straight into the table at an exact time (for the counts and lists).
 */
#pragma once

#include "core/kefu-callback-rules.h"
#include "store/kefu-store-callbacks.h"
#include "test-store-calls.h"

G_BEGIN_DECLS

typedef struct
{
  Company co;
  gint64  customer;   /* 华康医院, a member, 上海市浦东新区 */
  gint64  customer2;  /* 仁和诊所, not a member, 上海市徐汇区 */
  gint64  member;     /* 李四, a member, 北京市朝阳区 */
} CallbacksCo;

void          tcb_setup        (KefuStore *store, CallbacksCo *cc);
gint64        tcb_customer     (KefuStore *store, const char *name, const char *phone,
                                const char *district, gboolean member);
/* Sets the store's clock to a local time; returns it in UTC (transfer full). */
GDateTime    *tcb_clock        (KefuStore *store, int year, int month, int day, int hour,
                                int minute);
void          tcb_setting      (KefuStore *store, const char *key, const char *value);
/* A callback made by `actor` through the store (due planned by the rules), asserted. */
gint64        tcb_create       (KefuStore *store, gint64 actor, gint64 customer,
                                KefuCallbackReason reason, gint64 assigned_to);
KefuCallback *tcb_get          (KefuStore *store, gint64 id);
/* Claims as `actor` at workstation `ws`, asserting success. */
void          tcb_claim        (KefuStore *store, gint64 actor, gint64 id, const char *ws);
/* A callback inserted directly: due at the local time given, in `state`. */
gint64        tcb_insert       (KefuStore *store, const CallbacksCo *cc, gint64 customer,
                                const char *reason, const char *state, gint64 assigned_to,
                                int year, int month, int day, int hour, int minute);
/* The details of the newest callback event `action`; NULL when none. */
char         *tcb_event        (KefuStore *store, gint64 id, const char *action);
/* The rules as the store reads them, and whether `time` is quiet for `customer`. */
gboolean      tcb_is_quiet     (KefuStore *store, gint64 customer, GDateTime *time);
int           tcb_local_hour   (GDateTime *time);
/* Asserts that `time` is the local time given. */
void          tcb_assert_local (GDateTime *time, int year, int month, int day, int hour,
                                int minute);
int           tcb_local_minutes (GDateTime *time);

void          test_store_add_callback_tests          (void);
void          test_store_add_callback_record_tests   (void);
void          test_store_add_callback_calendar_tests (void);

G_END_DECLS
