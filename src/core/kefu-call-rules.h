/* kefu-call-rules.h: the rules of the hotline procedure that every layer applies the same way:
 * what a complete call record needs (field by field, with a reason the clerk can act on), where
 * a complaint is routed, the one-line summary of a call, and the parsers the forms use inline.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "kefu-types.h"
#include "kefu-call.h"

G_BEGIN_DECLS

/* Limits of the call forms' fields, in characters. */
#define KEFU_TEXT_MAX_SUBJECT        200   /* 投诉对象 */
#define KEFU_TEXT_MAX_REASON        2000   /* 投诉事由, explanation, inquiry answer */
#define KEFU_TEXT_MAX_BATCH_NUMBER    32   /* 生产批号 */
#define KEFU_TEXT_MAX_SHORT          100   /* purchase method/place, staff identity, work place */
/* A production date more than this many years back is a typing mistake, not old milk. */
#define KEFU_PRODUCTION_DATE_MAX_YEARS 10

#define KEFU_CALL_RULES_ERROR (kefu_call_rules_error_quark ())

typedef enum
{
  KEFU_CALL_RULES_ERROR_REQUIRED,
  KEFU_CALL_RULES_ERROR_INVALID,
  KEFU_CALL_RULES_ERROR_OUT_OF_RANGE,
} KefuCallRulesError;

GQuark       kefu_call_rules_error_quark  (void);

/* One problem of a call record: `field` names the field in a stable way the form maps to its
 * widget ("caller-name", "phone", "address", "received-at", "notes", "channel",
 * "delivery-address", "district", "lines" (no line), "line-N-product", "line-N-spec",
 * "line-N-quantity", "line-N-unit-price" (N from 1), "subject", "reason", "explanation",
 * "category", "symptom", "purchase-method", "purchase-place", "batch-number", "production-date",
 * "service-issue", "staff-identity", "work-place", "work-manner", "topics", "answer"), `message`
 * the translated reason, e.g. "Enter the caller's phone number". */
typedef struct
{
  char *field;
  char *message;
} KefuFieldProblem;

void         kefu_field_problem_free      (KefuFieldProblem *problem);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KefuFieldProblem, kefu_field_problem_free)

/* Every problem of `call` for its kind (only the detail record of its kind is checked), in form
 * order; an empty array when the call can be saved. `now` is the current time (tests pass a fixed
 * one): the received time may not lie more than 5 minutes ahead of it, a production date not
 * after its local date. Phone: required, checked with kefu_phone_normalize(). Name: required.
 * Address: required for orders (the delivery address may default to it), optional otherwise.
 * Element type KefuFieldProblem, with a free function. */
GPtrArray   *kefu_call_validate           (KefuCall     *call,
                                           GDateTime    *now);

/* Inline parsers for the form, each with a translated reason on error. */
/* A quantity as typed ("12", full-width "１２"): a whole number from 1 to KEFU_ORDER_QUANTITY_MAX. */
gboolean     kefu_quantity_parse          (const char   *text,
                                           guint        *quantity,
                                           GError      **error);
/* A date as typed: "2026-11-20", "2026/11/20", "2026.11.20", "20261120", "2026年11月20日",
 * full-width digits too. */
gboolean     kefu_date_parse              (const char   *text,
                                           GDate        *date,
                                           GError      **error);
/* A production date: parsed as above, not after `today`, not more than
 * KEFU_PRODUCTION_DATE_MAX_YEARS years before it. */
gboolean     kefu_production_date_validate (const GDate *date,
                                            const GDate *today,
                                            GError     **error);
/* 生产批号: letters, digits, "-", "/" and "." only (full-width folded), at most
 * KEFU_TEXT_MAX_BATCH_NUMBER characters; empty is allowed (the caller may not have it). Returns
 * the normalised batch (upper case, folded) in `normalized` when not NULL. */
gboolean     kefu_batch_number_validate   (const char   *text,
                                           char        **normalized,
                                           GError      **error);

/* Routing (domain.md §1): the roles whose departments receive a complaint. Product quality →
 * QC manager, CS manager, GM office; service quality → CS manager (the CS centre, which may
 * forward it to the marketing director); harmed adds the GM office (they visit at once). A
 * complaint that is not well founded is routed nowhere. Returns the number of roles written
 * to `roles` (at most 4), without repeats, in this order. */
guint        kefu_complaint_route_roles   (KefuComplaintCategory  category,
                                           gboolean               well_founded,
                                           gboolean               harmed,
                                           KefuRole               roles[4]);
/* The stage a complaint takes when it is saved at intake: EXPLAINED when not well founded,
 * otherwise ROUTED when at least one department received it, else NEW. */
KefuComplaintStage kefu_complaint_intake_stage (gboolean well_founded,
                                                guint    n_routes);

/* One line (at most 120 characters, ellipsised with "…") for lists and the customer history,
 * in the clerk's own words so that it needs no translation: order → "鲜牛奶 950ml ×2, 酸奶 200g
 * ×6"; complaint → subject and reason ("鲜牛奶: 有异味"); inquiry → the answer. */
char        *kefu_call_build_summary      (KefuCall     *call);

/* The district (区/县/县级市) in a Chinese address, for the service-area check: "北京市朝阳区建国路
 * 88号" → "朝阳区", "河北省廊坊市三河市燕郊镇" → "三河市", "上海浦东新区…" → "浦东新区"; NULL when
 * none is found. */
char        *kefu_address_guess_district  (const char   *address);

/* The reference prefix of a call kind: "DH" (订货), "TS" (投诉), "ZX" (咨询). */
const char  *kefu_call_kind_reference_prefix (KefuCallKind kind);

G_END_DECLS
