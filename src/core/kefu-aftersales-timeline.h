/* kefu-aftersales-timeline.h: a shipment's or a service job's events (kefu-store-shipments.h and
 * kefu-store-jobs.h list their details) told in words for the timeline and the printed forms:
 * a title ("Shipped with 顺丰速运, waybill SF1234567890123", "Market-support request approved by
 * 马总"), the text that came with it, and an icon. Entities "shipment", "service-job" and
 * "callback"; field changes of details-changed events come as in kefu-complaint-timeline.h.
 *
 * Copyright 2026 The Kefu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "kefu-event.h"
#include "kefu-complaint-timeline.h"

G_BEGIN_DECLS

/* The translated title; an unknown action gives its name, broken details the title without
 * them; never NULL. The actor's name is not in it (the view shows it beside). */
char       *kefu_aftersales_event_title     (KefuEvent *event);
/* The text that came with it (reason, note, diagnosis, progress report, the feedback form's
 * fields on lines of their own), or NULL. */
char       *kefu_aftersales_event_text      (KefuEvent *event);
/* Field changes of a details-changed event (KefuFieldChange), empty otherwise. */
GPtrArray  *kefu_aftersales_event_changes   (KefuEvent *event);
/* A symbolic icon of the Adwaita theme for the event's kind. */
const char *kefu_aftersales_event_icon_name (KefuEvent *event);

G_END_DECLS
