/* test-complaint-timeline.c: the words of a complaint's timeline for each event shape the store
 * writes, field changes with names for enum values, and events whose details are broken. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "core-test-helpers.h"
#include "kefu-complaint-timeline.h"

static KefuEvent *
event_new (const char *action,
           const char *details)
{
  return core_test_event_new ("complaint", action, details);
}

typedef CoreTestTimelineCase Case;

static void
check_cases (const Case *cases,
             guint       n)
{
  static const CoreTestTimelineWords words = {
    kefu_complaint_event_title, kefu_complaint_event_text, kefu_complaint_event_changes,
    kefu_complaint_event_icon_name,
  };

  core_test_check_timeline (&words, "complaint", cases, n);
}

static void
test_titles (void)
{
  const Case cases[] = {
    { "routed", "{\"departments\":[{\"id\":3,\"name\":\"品控部\"},{\"id\":4,\"name\":\"客服中心\"}],"
      "\"from\":\"new\",\"to\":\"routed\"}", "Routed to 品控部, 客服中心", NULL, "mail-send-symbolic" },
    { "acknowledged", "{\"department\":{\"id\":3,\"name\":\"品控部\"},\"from\":\"routed\","
      "\"to\":\"in-progress\"}", "Acknowledged by 品控部", NULL, "object-select-symbolic" },
    { "resolved", "{\"text\":\"已为客户换货并道歉\",\"from\":\"in-progress\",\"to\":\"resolved\"}",
      "Resolution recorded", "已为客户换货并道歉", "checkbox-checked-symbolic" },
    { "called-back", "{\"satisfaction\":\"so-so\",\"text\":\"还行吧\",\"from\":\"resolved\","
      "\"to\":\"called-back\"}", "Called back: so-so", "还行吧", "call-outgoing-symbolic" },
    { "called-back", "{\"satisfaction\":\"satisfied\",\"from\":\"resolved\",\"to\":\"called-back\"}",
      "Called back: satisfied", NULL, NULL },
    { "called-back", "{\"satisfaction\":\"not-satisfied\",\"text\":\"还是有异味\","
      "\"from\":\"resolved\",\"to\":\"reopened\"}", "Called back: not satisfied", "还是有异味", NULL },
    { "reopened", "{\"text\":\"客户再次来电\",\"from\":\"called-back\",\"to\":\"reopened\"}",
      "Reopened", "客户再次来电", "view-refresh-symbolic" },
    { "closed", "{\"from\":\"called-back\",\"to\":\"closed\"}", "Closed", NULL,
      "changes-prevent-symbolic" },
    { "note", "{\"text\":\"第 2 次联系客户\"}", "Note", "第 2 次联系客户", "document-edit-symbolic" },
    { "escalated", "{\"level\":2,\"role\":\"cs-manager\",\"deadline\":\"acknowledge\",\"by_hand\":false}",
      "Escalated to the CS manager (acknowledgement late)", NULL, "go-up-symbolic" },
    { "escalated", "{\"level\":1,\"role\":\"team-lead\",\"deadline\":\"resolve\",\"by_hand\":false}",
      "Escalated to the team lead (resolution late)", NULL, NULL },
    { "escalated", "{\"level\":3,\"role\":\"gm-office\",\"deadline\":\"callback\",\"by_hand\":false}",
      "Escalated to the GM office (callback late)", NULL, NULL },
    { "escalated", "{\"level\":1,\"role\":\"team-lead\",\"deadline\":\"route\",\"by_hand\":false}",
      "Escalated to the team lead (routing late)", NULL, NULL },
    { "escalated", "{\"level\":3,\"role\":\"gm-office\",\"deadline\":\"resolve\",\"by_hand\":true,"
      "\"text\":\"客户要求总经办处理\"}", "Escalated to the GM office by hand", "客户要求总经办处理", NULL },
    { "escalated", "{\"role\":\"cs-manager\"}", "Escalated to the CS manager", NULL, NULL },
    { "routes-changed", "{\"added\":[{\"id\":5,\"name\":\"营销部\"}],\"removed\":[{\"id\":3,"
      "\"name\":\"品控部\"}],\"text\":\"属于服务问题\"}",
      "Departments changed: added 营销部, removed 品控部", "属于服务问题", "mail-forward-symbolic" },
    { "routes-changed", "{\"added\":[{\"id\":5,\"name\":\"营销部\"},{\"id\":6,\"name\":\"总经办\"}],"
      "\"removed\":[],\"text\":\"需要总经办\"}", "Departments added: 营销部, 总经办", "需要总经办", NULL },
    { "routes-changed", "{\"removed\":[{\"id\":3,\"name\":\"品控部\"}],\"text\":\"x\"}",
      "Departments removed: 品控部", "x", NULL },
    { "batch-flagged", "{\"alert_id\":7,\"batch_number\":\"B2\",\"count\":3}",
      "Batch B2 flagged as a possible quality incident (3 complaints)", NULL,
      "dialog-warning-symbolic" },
    { "visit", "{\"visitors\":\"张经理、李主任\",\"visited_at\":\"2026-11-27T10:00:00Z\","
      "\"text\":\"客户已出院\"}", "Customer visited by 张经理、李主任",
      "张经理、李主任 visited on 2026-11-27 18:00: 客户已出院", "find-location-symbolic" },
    { "details-changed", "{\"changes\":{}}", "Details changed", NULL, "document-properties-symbolic" },
    /* A later version's event: its name. */
    { "merged", "{}", "merged", NULL, "dialog-information-symbolic" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_created (void)
{
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 11, 27, 2, 0, 0);
  g_autoptr(KefuEvent) event = kefu_event_new (1, when, 7, "王芳", "call", 9, "created",
                                               "{\"kind\":\"complaint\"}");
  g_autoptr(KefuEvent) system = kefu_event_new (2, when, 0, NULL, "call", 9, "created", NULL);
  g_autofree char *title = kefu_complaint_event_title (event);
  g_autofree char *system_title = kefu_complaint_event_title (system);
  g_autofree char *text = kefu_complaint_event_text (event);

  g_assert_cmpstr (title, ==, "Complaint call taken by 王芳");
  g_assert_cmpstr (system_title, ==, "Complaint call taken");
  g_assert_null (text);
  g_assert_cmpstr (kefu_complaint_event_icon_name (event), ==, "call-incoming-symbolic");
}

/* Broken, missing or mistyped details: the title without them, never NULL, never a crash. */
static void
test_broken_details (void)
{
  const Case cases[] = {
    { "routed", "{\"departments\":[", "Routed", NULL, "mail-send-symbolic" },
    { "routed", NULL, "Routed", NULL, NULL },
    { "routed", "", "Routed", NULL, NULL },
    { "routed", "[1,2]", "Routed", NULL, NULL },
    { "routed", "{\"departments\":\"品控部\"}", "Routed", NULL, NULL },
    { "routed", "{\"departments\":[{\"id\":3},{\"name\":\"\"}]}", "Routed", NULL, NULL },
    { "acknowledged", "{\"department\":\"品控部\"}", "Acknowledged", NULL, NULL },
    { "called-back", "{\"satisfaction\":\"ecstatic\",\"text\":\"好\"}", "Called back", "好", NULL },
    { "called-back", "not json", "Called back", NULL, NULL },
    { "escalated", "{\"level\":9,\"deadline\":\"acknowledge\"}", "Escalated", NULL, NULL },
    { "escalated", "{\"level\":\"two\",\"deadline\":7}", "Escalated", NULL, NULL },
    { "escalated", "{\"level\":2,\"deadline\":\"soon\"}", "Escalated to the CS manager", NULL, NULL },
    { "routes-changed", "{\"added\":5}", "Departments changed", NULL, NULL },
    { "batch-flagged", "{\"count\":\"three\"}", "Batch flagged as a possible quality incident", NULL, NULL },
    { "batch-flagged", "{\"batch_number\":\"B2\"}", "Batch B2 flagged as a possible quality incident", NULL, NULL },
    { "note", "{\"text\":42}", "Note", NULL, NULL },
    { "visit", "{\"visitors\":\"张经理\",\"visited_at\":\"yesterday\",\"text\":\"好转\"}",
      "Customer visited by 张经理", "好转", NULL },
    { "visit", "{", "Customer visited", NULL, NULL },
    { "details-changed", "{\"changes\":[1]}", "Details changed", NULL, NULL },
  };

  check_cases (cases, G_N_ELEMENTS (cases));

  /* Changes that are not [old, new] pairs are skipped, the others kept. */
  {
    g_autoptr(KefuEvent) event = event_new ("details-changed",
                                            "{\"changes\":{\"reason\":\"x\",\"subject\":[1],"
                                            "\"phone\":[\"13800138000\",\"13900139000\"]}}");
    g_autoptr(GPtrArray) changes = kefu_complaint_event_changes (event);
    KefuFieldChange *change;

    g_assert_cmpuint (changes->len, ==, 1);
    change = g_ptr_array_index (changes, 0);
    g_assert_cmpstr (change->label, ==, "Phone");
  }
}

static void
test_changes (void)
{
  g_autoptr(KefuEvent) event = event_new ("details-changed",
    "{\"changes\":{"
    "\"reason\":[\"牛奶变质\",\"牛奶有异味\"],"
    "\"batch_number\":[null,\"B2\"],"
    "\"category\":[\"service-quality\",\"product-quality\"],"
    "\"symptom\":[null,\"odd-smell\"],"
    "\"service_issue\":[\"late-delivery\",null],"
    "\"harmed\":[false,true],"
    "\"product\":[\"纯牛奶 250ml\",\"酸奶 200g\"],"
    "\"production_date\":[\"2026-10-30\",\"2026-11-01\"],"
    "\"received_at\":[\"2026-11-27T01:00:00Z\",\"2026-11-27T01:30:00Z\"],"
    "\"caller_name\":[\"张三\",\"\"],"
    "\"unknown_field\":[\"a\",\"b\"]"
    "}}");
  g_autoptr(GPtrArray) changes = kefu_complaint_event_changes (event);
  const struct { const char *label, *old_value, *new_value; } want[] = {
    { "Reason", "牛奶变质", "牛奶有异味" },
    { "Batch number", NULL, "B2" },
    { "Category", "Service quality", "Product quality" },
    { "Symptom", NULL, "Odd smell" },
    { "What went wrong", "Late delivery", NULL },
    { "Customer harmed", "No", "Yes" },
    { "Product", "纯牛奶 250ml", "酸奶 200g" },
    { "Production date", "2026-10-30", "2026-11-01" },
    { "Received at", "2026-11-27 09:00", "2026-11-27 09:30" },
    { "Caller's name", "张三", NULL },
    { "unknown_field", "a", "b" },
  };

  g_assert_cmpuint (changes->len, ==, G_N_ELEMENTS (want));
  for (guint i = 0; i < G_N_ELEMENTS (want); i++)
    {
      KefuFieldChange *change = g_ptr_array_index (changes, i);

      g_test_message ("change %u", i);
      g_assert_cmpstr (change->label, ==, want[i].label);
      g_assert_cmpstr (change->old_value, ==, want[i].old_value);
      g_assert_cmpstr (change->new_value, ==, want[i].new_value);
    }

  /* Every field the store names has a label of its own, not its code name. */
  {
    const char *fields[] = {
      "caller_name", "address", "phone", "subject", "reason", "category", "symptom",
      "purchase_method", "purchase_place", "batch_number", "production_date", "product",
      "service_issue", "staff_identity", "work_place", "work_manner", "harmed", "well_founded",
      "explanation", "notes", "received_at",
    };

    for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
      {
        g_autofree char *details = g_strdup_printf ("{\"changes\":{\"%s\":[\"a\",\"b\"]}}", fields[i]);
        g_autoptr(KefuEvent) one = event_new ("details-changed", details);
        g_autoptr(GPtrArray) one_changes = kefu_complaint_event_changes (one);
        KefuFieldChange *change;

        g_assert_cmpuint (one_changes->len, ==, 1);
        change = g_ptr_array_index (one_changes, 0);
        g_assert_cmpstr (change->label, !=, fields[i]);
        g_assert_false (strchr (change->label, '_') != NULL);
      }
  }
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  /* Local times in the texts are China Standard Time, as at the sites. */
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kefu/complaint-timeline/titles", test_titles);
  g_test_add_func ("/kefu/complaint-timeline/created", test_created);
  g_test_add_func ("/kefu/complaint-timeline/broken-details", test_broken_details);
  g_test_add_func ("/kefu/complaint-timeline/changes", test_changes);

  return g_test_run ();
}
