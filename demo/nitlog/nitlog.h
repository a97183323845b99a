/*
 * \brief  nitlog: a LOG service whose lines appear in a nitpicker window
 *
 * One window (border, title bar, text area) in a buffer of its own size.
 * Each client's lines are prefixed with its label and drawn in a colour
 * of its own (demo/nitlog/text.h keeps them). Writes only add text and
 * mark the window dirty; the periodic tick redraws, so a client that
 * floods the service costs one redraw per tick, not one per line.
 */

#ifndef _DEMO__NITLOG__NITLOG_H_
#define _DEMO__NITLOG__NITLOG_H_

#include <stdbool.h>

#include <base/env.h>

#include "text.h"

extern struct nitlog_text nitlog_text;
extern bool nitlog_dirty;

/* announce "LOG"; false (logged) if that failed */
bool nitlog_service_start(struct env *env);

#endif /* _DEMO__NITLOG__NITLOG_H_ */
