/*
 * \brief  Log output of a component (and of core)
 *
 * One call produces one line. Where the line goes is the runtime's business:
 * a component's lines go to its LOG session, whose server prefixes them with
 * the component's label ("[init -> hello] text"); core's go to the console.
 * Warnings and errors carry Genode's "Warning: " and "Error: " prefixes so
 * that run scripts can match them.
 */

#ifndef _INCLUDE__BASE__LOG_H_
#define _INCLUDE__BASE__LOG_H_

#include <stddef.h>

#include <util/format.h>
#include <util/rate_limit.h>

enum { LOG_LINE_MAX = 256 }; /* longer lines are cut, never split or lost */

void log_print(const char *fmt, ...) FORMAT_PRINTF(1, 2);
void log_warning(const char *fmt, ...) FORMAT_PRINTF(1, 2);
void log_error(const char *fmt, ...) FORMAT_PRINTF(1, 2);

/*
 * Refusal lines a client can cause without bound go through the client's
 * own struct rate_limit (util/rate_limit.h):
 *
 *   if (log_limit_admit(&session->limit, session->label))
 *           log_warning("...");
 *
 * Beyond the burst, lines are counted instead of written; the next admit
 * after the interval, or log_limit_flush when the client's session or
 * record ends, writes one summary line
 * "Warning: N more refusals for \"label\" suppressed in the last S.mmm s".
 * A server calls log_limit_tick for each client periodically, so that the
 * summary appears even if the client goes quiet after a flood.
 */
bool log_limit_admit(struct rate_limit *limit, const char *label);
void log_limit_flush(struct rate_limit *limit, const char *label);
/* from a periodic check: the summary of a window that ended, if any */
void log_limit_tick(struct rate_limit *limit, const char *label);

/*
 * Where the refusal lines of one request come from many places (argument
 * checks, quota checks, a service's create), the thread serving it opens
 * a scope: until log_limit_scope(NULL, NULL), every log_warning and
 * log_error of this thread goes through limit as if guarded above.
 */
void log_limit_scope(struct rate_limit *limit, const char *label);

/*
 * Provided by the runtime (platform or core): emit one complete line,
 * without a trailing newline. Called by the functions above only.
 */
void log_output_line(const char *line, size_t len);

#endif /* _INCLUDE__BASE__LOG_H_ */
