/* kefuctl-generate-complaints-private.h: what the two files of generated complaints share:
 * kefuctl-generate-complaints.c draws each complaint's numbers and batch, and
 * kefuctl-generate-complaints-steps.c what happened to it since the call.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kefuctl-generate-calls-private.h"

G_BEGIN_DECLS

/* Draws per complaint from the "complaint-progress" stream: always this many, whichever of them
 * a complaint uses, so that one complaint's shape never shifts the next one's. */
#define N_DRAWS 12

/* What happened to a well-founded complaint since the call: fills `p` with its stage (`stage`:
 * the one --calls chose, or NEW to decide here), the times of its steps, its results, the
 * deadline it works against now and its escalation; every time it sets is owned by the batch. */
void _kefuctl_complaints_progress (Maker                 *maker,
                                   KefuCallBulkComplaint *p,
                                   KefuCall              *call,
                                   GDateTime             *received,
                                   KefuComplaintStage     stage,
                                   guint32                draws[N_DRAWS]);

G_END_DECLS
