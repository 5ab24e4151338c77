/* kefu-records.h: every stored record type, for the store API. */
#pragma once

#include "kefu-record.h"
#include "kefu-types.h"
#include "kefu-enum-types.h"
#include "kefu-staff.h"
#include "kefu-department.h"
#include "kefu-product.h"
#include "kefu-customer.h"
#include "kefu-event.h"
#include "kefu-order-line.h"
#include "kefu-order.h"
#include "kefu-complaint.h"
#include "kefu-inquiry.h"
#include "kefu-call.h"
#include "kefu-lead.h"
#include "kefu-history-entry.h"
#include "kefu-shift-note.h"
