/*
 * \brief  core's SIGNAL service as seen by core's start-up and accounting
 */

#ifndef _CORE__SIGNAL_SERVICE_H_
#define _CORE__SIGNAL_SERVICE_H_

#include <base/entrypoint.h>

#include "core_service.h"

extern struct core_service core_signal_service;

/* serve the SIGNAL sessions at ep */
void core_signal_service_init(struct entrypoint *ep);

/* log every SIGNAL session's quota, charge and contexts; returns the contexts */
unsigned long core_signal_report(void);

/* the summaries of the SIGNAL sessions' refusal lines held back in an ended window */
void core_signal_limits_tick(void);

#endif /* _CORE__SIGNAL_SERVICE_H_ */
