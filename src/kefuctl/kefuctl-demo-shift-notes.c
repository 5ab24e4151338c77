/* kefuctl-demo-shift-notes.c: the demo's shift hand-over notes (交接记录), as the clerks write
 * them before they leave: at the end of each of the last three shifts (the end of a working
 * day's hours, kefu_work_calendar_end_of_working_day ()) one clerk tells the next shift what to
 * follow up:
 *
 *  - the oldest, by 张静: the order forms handed over, customers who asked about renewals;
 *  - the next, by 刘洋: the members' survey not finished, a member's callback due next (linked,
 *    found by the member's phone number as a clerk would type it);
 *  - the last, by 王芳, urgent: a product complaint still open whose customer may call again
 *    (linked by its reference).
 *
 * Each is written as its clerk at its time (the store's clock), so that the dashboard's notes
 * panel and the notes report read them as a real hotline's. The texts are sample data in
 * Chinese, not interface text.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kefu-ctl"

#include "config.h"

#include "store/kefu-store-callbacks.h"
#include "store/kefu-store-clock.h"
#include "store/kefu-store-complaints.h"
#include "store/kefu-store-shift-notes.h"
#include "kefuctl-demo-callbacks.h"
#include "kefuctl-demo-clock.h"
#include "kefuctl-demo-shift-notes.h"

/* How far back the shift ends are looked for (a long holiday), and the demo's notes. */
#define LOOK_BACK_DAYS 30

typedef enum
{
  LINK_NONE,
  LINK_CALLBACK,
  LINK_COMPLAINT,
} LinkKind;

typedef struct
{
  const char *login;
  gboolean    urgent;
  LinkKind    link;
  const char *text;
} DemoNote;

/* Oldest first: the first is written at the end of the third shift back. */
static const DemoNote notes[KEFUCTL_DEMO_SHIFT_NOTES] = {
  { "zhangjing", FALSE, LINK_NONE,
    "今天的订奶单10点前已全部交给销售内勤马秀英，基站的单子朱红梅也确认了。"
    "有三位老客户来电问年卡续订的优惠，已记在各自的客户备注里，明天他们再打来请直接按备注答复。" },
  { "liuyang", FALSE, LINK_CALLBACK,
    "第四季度会员满意度回访还有一部分没打完，下面这位会员的回访排在明天，请早班先打；"
    "其余的按回访日程继续，中午12点到2点不要打扰客户。" },
  { "wangfang", TRUE, LINK_COMPLAINT,
    "这位客户的产品质量投诉还在处理中，品控部的检测结果还没出来。客户今天来电比较着急，"
    "如果晚上或明早再打进来，请先安抚，告诉客户品控部正在调查、会尽快答复，不要承诺赔偿金额。" },
};

static gint64
staff_id (GHashTable *staff_ids,
          const char *login)
{
  gint64 *id = g_hash_table_lookup (staff_ids, login);

  return id != NULL ? *id : 0;
}

/* The demo's notes already written in the last LOOK_BACK_DAYS days. */
static gboolean
count_present (KefuStore  *store,
               GDateTime  *now,
               guint      *present,
               GError    **error)
{
  g_autoptr(GListModel) written = NULL;
  GDate first, last;

  kefuctl_demo_local_date (now, &last);
  first = last;
  g_date_subtract_days (&first, LOOK_BACK_DAYS);
  written = kefu_store_list_shift_notes (store, &first, &last, NULL, error);
  if (written == NULL)
    return FALSE;
  *present = 0;
  for (guint i = 0; i < g_list_model_get_n_items (written); i++)
    {
      g_autoptr(KefuShiftNote) note = g_list_model_get_item (written, i);

      for (guint j = 0; j < G_N_ELEMENTS (notes); j++)
        if (g_strcmp0 (kefu_shift_note_get_text (note), notes[j].text) == 0)
          (*present)++;
    }
  return TRUE;
}

/* The ends of the last `n` shifts that ended by `now`, newest first (fewer when the calendar
 * has fewer working days in LOOK_BACK_DAYS). */
static GPtrArray *
shift_ends (KefuWorkCalendar *calendar,
            GDateTime        *now,
            guint             n)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (now);
  GPtrArray *ends = g_ptr_array_new_with_free_func ((GDestroyNotify) g_date_time_unref);

  for (int days = 0; days <= LOOK_BACK_DAYS && ends->len < n; days++)
    {
      g_autoptr(GDateTime) midnight = g_date_time_new_local (g_date_time_get_year (local),
                                                             g_date_time_get_month (local),
                                                             g_date_time_get_day_of_month (local),
                                                             0, 0, 0);
      g_autoptr(GDateTime) day = g_date_time_add_days (midnight, -days);
      /* A day off gives the next working day's end, met already or still to come. */
      GDateTime *end = kefu_work_calendar_end_of_working_day (calendar, day, 0);
      gboolean seen = FALSE;

      for (guint i = 0; i < ends->len && !seen; i++)
        seen = g_date_time_equal (end, ends->pdata[i]);
      if (seen || g_date_time_compare (end, now) > 0)
        g_date_time_unref (end);
      else
        g_ptr_array_add (ends, end);
    }
  return ends;
}

/* A link may not be found (the demo's records changed by hand): the note goes without it. */
static gboolean
tolerate (GError **error,
          GError  *local_error)
{
  if (g_error_matches (local_error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_NOT_FOUND) ||
      g_error_matches (local_error, KEFU_STORE_ERROR, KEFU_STORE_ERROR_INVALID))
    {
      g_error_free (local_error);
      return TRUE;
    }
  g_propagate_error (error, local_error);
  return FALSE;
}

/* A member of the survey whose callback is due after `at`, as a clerk links it: by the
 * member's phone number. */
static gboolean
callback_link (KefuStore          *store,
               GDateTime          *at,
               KefuShiftNoteLink **link,
               GError            **error)
{
  g_autoptr(GDateTime) week = g_date_time_add_days (at, 7);
  g_autoptr(GPtrArray) due = kefu_store_list_callbacks_due (store, at, week, 0, FALSE, NULL,
                                                            error);
  GError *local_error = NULL;

  if (due == NULL)
    return FALSE;
  for (guint i = 0; i < due->len; i++)
    {
      KefuCallback *c = due->pdata[i];

      if (g_strcmp0 (c->campaign_name, KEFUCTL_DEMO_SURVEY_NAME) != 0 ||
          c->state != KEFU_CALLBACK_STATE_DUE || c->customer_phone == NULL)
        continue;
      *link = kefu_store_resolve_shift_note_link (store, KEFU_SHIFT_NOTE_ENTITY_CALLBACK,
                                                  c->customer_phone, NULL, &local_error);
      return *link != NULL || tolerate (error, local_error);
    }
  return TRUE;
}

/* A product complaint received before `at` and still open now, a harmed customer's first. */
static gboolean
complaint_link (KefuStore          *store,
                GDateTime          *at,
                KefuShiftNoteLink **link,
                GError            **error)
{
  g_autoptr(KefuComplaintFilter) filter = kefu_complaint_filter_new ();
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  KefuComplaintCard *chosen = NULL;
  GError *local_error = NULL;

  filter->category = KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY;
  filter->received_from = g_date_time_add_days (at, -LOOK_BACK_DAYS);
  filter->received_to = g_date_time_ref (at);
  ids = kefu_store_list_complaint_ids (store, filter, KEFU_COMPLAINT_SORT_RECEIVED, TRUE, NULL,
                                       error);
  if (ids == NULL)
    return FALSE;
  if (ids->len == 0)
    return TRUE;
  cards = kefu_store_get_complaint_cards (store, (gint64 *) (gpointer) ids->data,
                                          MIN (ids->len, 200), NULL, error);
  if (cards == NULL)
    return FALSE;
  for (guint i = 0; i < cards->len; i++)
    {
      KefuComplaintCard *card = cards->pdata[i];
      KefuComplaintStage stage = kefu_complaint_card_get_stage (card);

      if (stage != KEFU_COMPLAINT_STAGE_ROUTED && stage != KEFU_COMPLAINT_STAGE_IN_PROGRESS &&
          stage != KEFU_COMPLAINT_STAGE_REOPENED)
        continue;
      if (chosen == NULL || (kefu_complaint_card_get_harmed (card) &&
                             !kefu_complaint_card_get_harmed (chosen)))
        chosen = card;
    }
  if (chosen == NULL)
    return TRUE;
  *link = kefu_store_resolve_shift_note_link (store, KEFU_SHIFT_NOTE_ENTITY_COMPLAINT,
                                              kefu_complaint_card_get_reference (chosen), NULL,
                                              &local_error);
  return *link != NULL || tolerate (error, local_error);
}

static gboolean
write_note (KefuStore      *store,
            const DemoNote *note,
            gint64          author,
            GDateTime      *at,
            GError        **error)
{
  g_autoptr(GListStore) links = g_list_store_new (KEFU_TYPE_SHIFT_NOTE_LINK);
  g_autoptr(KefuShiftNoteLink) link = NULL;
  g_autoptr(KefuShiftNote) written = NULL;
  gboolean ok = TRUE;

  if (note->link == LINK_CALLBACK)
    ok = callback_link (store, at, &link, error);
  else if (note->link == LINK_COMPLAINT)
    ok = complaint_link (store, at, &link, error);
  if (!ok)
    return FALSE;
  if (link != NULL)
    g_list_store_append (links, link);

  kefu_store_set_actor (store, author);
  kefu_store_set_clock (store, at);
  written = kefu_store_write_shift_note (store, note->text, note->urgent, G_LIST_MODEL (links),
                                         NULL, error);
  return written != NULL;
}

gboolean
kefuctl_demo_shift_notes (KefuStore   *store,
                          GHashTable  *staff_ids,
                          guint       *added,
                          guint       *present,
                          GError     **error)
{
  g_autoptr(GDateTime) now = kefuctl_demo_now ();
  g_autoptr(KefuWorkCalendar) calendar = NULL;
  g_autoptr(GPtrArray) ends = NULL;
  gint64 previous_actor = kefu_store_get_actor (store);
  gboolean ok = TRUE;

  *added = 0;
  if (!count_present (store, now, present, error))
    return FALSE;
  if (*present > 0)
    return TRUE;
  calendar = kefuctl_demo_work_calendar (store, error);
  if (calendar == NULL)
    return FALSE;

  /* The newest end gets the last note; with fewer shifts, the oldest notes are left out. */
  ends = shift_ends (calendar, now, G_N_ELEMENTS (notes));
  for (guint i = 0; i < ends->len && ok; i++)
    {
      guint which = G_N_ELEMENTS (notes) - ends->len + i;
      const DemoNote *note = &notes[which];
      gint64 author = staff_id (staff_ids, note->login);
      /* Written a little before the shift ends, each clerk at their own minute. */
      g_autoptr(GDateTime) at = g_date_time_add_minutes (ends->pdata[ends->len - 1 - i],
                                                         -(int) (5 + 4 * which));

      /* Staff renamed or removed by hand: nobody to write it. */
      if (author == 0)
        continue;
      ok = write_note (store, note, author, at, error);
      if (ok)
        (*added)++;
    }

  kefuctl_demo_reset_clock (store);
  kefu_store_set_actor (store, previous_actor);
  return ok;
}
