/* kefu-job-list-cells.h: the cells of the job list view's columns, made in C (as the complaint
 * list's are: parsing a template per cell costs too much when a sort replaces every row) and
 * refreshed when their row's job arrives.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/kefu-service-job.h"

G_BEGIN_DECLS

typedef enum
{
  KEFU_JOB_CELL_REFERENCE,
  KEFU_JOB_CELL_REPORTED,     /* local time */
  KEFU_JOB_CELL_CUSTOMER,
  KEFU_JOB_CELL_KIND,
  KEFU_JOB_CELL_PRODUCT,      /* the product and its serial */
  KEFU_JOB_CELL_STEP,         /* a bar of the kind's steps and "3/6 Dispatched" */
  KEFU_JOB_CELL_WARRANTY,     /* a badge: in warranty, paid, unknown */
  KEFU_JOB_CELL_TECHNICIAN,   /* the technician and the agreed date */
  KEFU_JOB_CELL_WAITING,      /* how long the job has waited in its step */
} KefuJobCell;

/* Gives `column` a factory of cells showing `cell` of each row's job (rows are KefuLazyItem). */
void  kefu_job_cell_set_factory (GtkColumnViewColumn *column,
                                 KefuJobCell          cell);
/* The text a cell shows for `job` at `now` (NULL: the current time). */
char *kefu_job_cell_text        (KefuServiceJob      *job,
                                 KefuJobCell          cell,
                                 GDateTime           *now);

G_END_DECLS
