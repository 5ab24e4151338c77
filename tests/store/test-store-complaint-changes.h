/* test-store-complaint-changes.h: what the complaint board's write tests share: saving a
 * complaint call, changing a complaint as a given staff member, and reading what the change
 * stored (columns, events). The company and the call builders come from test-store-calls.h.
 */
#pragma once

#include "store/kefu-store-complaints.h"
#include "test-store-calls.h"

G_BEGIN_DECLS

/* Work around the clock (00:00-12:00 and 12:00-24:00, every day), so that deadlines are plain sums: two working
 * hours are two hours, a working day is a day. */
void               tc_set_round_the_clock    (KefuStore *store);
void               tc_set_setting            (KefuStore *store, const char *key, const char *value);

/* Saves a complaint call of `category` by the company's clerk (as the system actor), with
 * `batch` (NULL: the builder's) about `product` (0: the builder's), received at `received`
 * (NULL: now); returns the complaint's id. `call_id` (nullable) gets the call's id. */
gint64             tc_save_complaint         (KefuStore *store, const Company *co,
                                              KefuComplaintCategory category, gboolean harmed,
                                              GDateTime *received, const char *batch,
                                              gint64 product, gint64 *call_id);

/* The company in `store` (`round_the_clock`: working around the clock, as above) and one
 * complaint of `category`, not harmed, saved now with the builder's batch and product; returns
 * the complaint's id. `call_id` (nullable) gets the call's id. */
gint64             tc_company_complaint      (KefuStore *store, Company *co,
                                              gboolean round_the_clock,
                                              KefuComplaintCategory category, gint64 *call_id);

/* The call as stored (transfer full), asserting it is there. */
KefuCall          *tc_read_call              (KefuStore *store, gint64 call_id);
/* The complaint's stored version. */
gint64             tc_version                (KefuStore *store, gint64 complaint_id);
/* `action` on the complaint at its current version, with `text`, as `actor`. */
KefuComplaintChange *tc_change_new           (KefuStore *store, KefuComplaintAction action,
                                              gint64 complaint_id, const char *text);
/* Applies `change` as `actor`, asserting success; returns the new card. */
KefuComplaintCard *tc_apply                  (KefuStore *store, gint64 actor,
                                              KefuComplaintChange *change);
/* The same for a change of `action` that needs only text. */
KefuComplaintCard *tc_do                     (KefuStore *store, gint64 actor,
                                              KefuComplaintAction action, gint64 complaint_id,
                                              const char *text);
/* Applies `change` as `actor`, asserting it is refused with `code` and that nothing was
 * written (version and events as before). Returns the error message (transfer full). */
char              *tc_refused                (KefuStore *store, gint64 actor,
                                              KefuComplaintChange *change, KefuStoreError code);

/* The details of the newest event `action` on complaint `complaint_id`; NULL when none. */
char              *tc_event_details          (KefuStore *store, gint64 complaint_id,
                                              const char *action);
gint64             tc_count_events           (KefuStore *store, gint64 complaint_id,
                                              const char *action);
/* A time column of the complaint (NULL for SQL NULL). `column` is trusted test text. */
GDateTime         *tc_complaint_time         (KefuStore *store, gint64 complaint_id,
                                              const char *column);
char              *tc_complaint_text         (KefuStore *store, gint64 complaint_id,
                                              const char *column);
/* The department of the complaint's route at `position` in routing order; 0 past the last. */
gint64             tc_route_at               (KefuStore *store, gint64 complaint_id,
                                              guint position);
/* An array of the ids up to the terminating 0 (transfer full). */
GArray            *tc_ids                    (gint64 first, ...);
/* Asserts `later` − `earlier` is exactly `minutes`. */
void               tc_assert_minutes         (GDateTime *earlier, GDateTime *later, gint64 minutes);

void               test_store_add_complaint_stage_tests  (void);
void               test_store_add_complaint_action_tests (void);
void               test_store_add_complaint_intake_tests (void);
void               test_store_add_complaint_edit_tests   (void);
void               test_store_add_complaint_clock_tests  (void);
void               test_store_add_two_session_tests      (void);

G_END_DECLS
