/* kefu-complaint-settings-page-private.h: what the Complaints page of Preferences shares with
 * its fields and working days (kefu-complaint-settings-page-fields.c) and its routing rules
 * (kefu-complaint-settings-page-routing.c).
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "store/kefu-store-complaints.h"

#include "kefu-complaint-settings-page.h"

G_BEGIN_DECLS

/* The text fields, in the order of `fields` in kefu-complaint-settings-page-fields.c. */
enum {
  FIELD_WORK_HOURS,
  FIELD_HOLIDAYS,
  FIELD_ACK_HOURS,
  FIELD_HARMED_ACK_MINUTES,
  FIELD_RESOLVE_PRODUCT_DAYS,
  FIELD_RESOLVE_SERVICE_DAYS,
  FIELD_CALLBACK_DAYS,
  FIELD_BATCH_WINDOW_DAYS,
  FIELD_BATCH_THRESHOLD,
  N_FIELDS
};

/* The routing categories: KEFU_COMPLAINT_CATEGORY_PRODUCT_QUALITY and _SERVICE_QUALITY. */
#define N_CATEGORIES 3

/* One department's row in a category's routing group. */
typedef struct
{
  gint64          department_id;
  char           *department_name;
  AdwActionRow   *row;
  GtkCheckButton *routed;
  GtkCheckButton *harmed_only;
} RoutingRow;

struct _KefuComplaintSettingsPage
{
  KefuSettingsPage    parent_instance;

  /* Set while the page fills the fields, so that filling is not taken for editing. */
  guint               filling : 1;

  char               *loaded[N_FIELDS];
  guint               loaded_days;
  /* What each category's routing was when read ("3:0,5:1"), to save only what changed. */
  char               *loaded_routing[N_CATEGORIES];
  gboolean            customised[N_CATEGORIES];
  GPtrArray          *routing_rows[N_CATEGORIES];

  AdwEntryRow        *ack_hours_row;
  GtkLabel           *ack_hours_message;
  AdwEntryRow        *batch_threshold_row;
  GtkLabel           *batch_threshold_message;
  AdwEntryRow        *batch_window_days_row;
  GtkLabel           *batch_window_days_message;
  AdwEntryRow        *callback_days_row;
  GtkLabel           *callback_days_message;
  GtkToggleButton    *day1_toggle;
  GtkToggleButton    *day2_toggle;
  GtkToggleButton    *day3_toggle;
  GtkToggleButton    *day4_toggle;
  GtkToggleButton    *day5_toggle;
  GtkToggleButton    *day6_toggle;
  GtkToggleButton    *day7_toggle;
  AdwEntryRow        *harmed_ack_minutes_row;
  GtkLabel           *harmed_ack_minutes_message;
  AdwEntryRow        *holidays_row;
  GtkLabel           *holidays_message;
  AdwPreferencesGroup *permission_group;
  AdwPreferencesGroup *product_routing_group;
  AdwEntryRow        *resolve_product_days_row;
  GtkLabel           *resolve_product_days_message;
  AdwEntryRow        *resolve_service_days_row;
  GtkLabel           *resolve_service_days_message;
  AdwPreferencesGroup *service_routing_group;
  AdwActionRow       *work_days_row;
  GtkLabel           *work_days_message;
  AdwEntryRow        *work_hours_row;
  GtkLabel           *work_hours_message;
};

/* What one save writes: settings (key → value) and, per category, its routing rules
 * (KefuRoutingRule; empty: back to the role defaults). */
typedef struct
{
  GPtrArray             *keys;
  GPtrArray             *values;
  /* Routing: the categories to write and their rules (KefuRoutingRule, empty: the defaults). */
  GArray                *categories;
  GPtrArray             *rules;      /* GPtrArray of KefuRoutingRule, one per category */
} SaveJob;

gboolean  _kefu_complaint_settings_page_can_edit          (KefuComplaintSettingsPage *self);
/* Checks the fields and sets what may be edited and saved. */
void      _kefu_complaint_settings_page_update            (KefuComplaintSettingsPage *self);
SaveJob  *_kefu_complaint_settings_save_job_new           (void);
/* Runs `job` (taking it) on the store's worker, then reads the page again. */
void      _kefu_complaint_settings_page_run_save          (KefuComplaintSettingsPage *self,
                                                           SaveJob                   *job);

/* kefu-complaint-settings-page-fields.c */
/* The setting key of text field `field`. */
const char *_kefu_complaint_settings_page_field_key     (guint                      field);
/* Checks every field, shows the reasons, and says whether anything changed. */
gboolean  _kefu_complaint_settings_page_check_fields      (KefuComplaintSettingsPage *self,
                                                           gboolean                  *changed);
/* Shows the values read (`values` in field order; the working days as stored), as unchanged. */
void      _kefu_complaint_settings_page_fill_fields       (KefuComplaintSettingsPage *self,
                                                           char * const              *values,
                                                           const char                *days_text);
void      _kefu_complaint_settings_page_set_fields_editable (KefuComplaintSettingsPage *self,
                                                             gboolean                   editable);
/* Ties each field's reason to it for screen readers. */
void      _kefu_complaint_settings_page_init_fields       (KefuComplaintSettingsPage *self);
/* "complaint-settings.save": writes the fields that changed. */
void      _kefu_complaint_settings_page_save              (GtkWidget  *widget,
                                                           const char *action_name,
                                                           GVariant   *param);

/* kefu-complaint-settings-page-routing.c */
void      _kefu_complaint_settings_page_fill_routing      (KefuComplaintSettingsPage *self,
                                                           GListModel                *departments,
                                                           GPtrArray                 *rules,
                                                           const gboolean            *customised);
/* Removes the rows (`from_groups`: from their groups too; not during dispose). */
void      _kefu_complaint_settings_page_clear_routing     (KefuComplaintSettingsPage *self,
                                                           gboolean                   from_groups);
gboolean  _kefu_complaint_settings_page_routing_changed   (KefuComplaintSettingsPage *self);
/* "complaint-settings.save-routing" and "complaint-settings.reset-routing" (i). */
void      _kefu_complaint_settings_page_save_routing      (GtkWidget  *widget,
                                                           const char *action_name,
                                                           GVariant   *param);
void      _kefu_complaint_settings_page_reset_routing     (GtkWidget  *widget,
                                                           const char *action_name,
                                                           GVariant   *param);

G_END_DECLS
