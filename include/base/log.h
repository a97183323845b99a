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

enum { LOG_LINE_MAX = 256 }; /* longer lines are cut, never split or lost */

void log_print(const char *fmt, ...) FORMAT_PRINTF(1, 2);
void log_warning(const char *fmt, ...) FORMAT_PRINTF(1, 2);
void log_error(const char *fmt, ...) FORMAT_PRINTF(1, 2);

/*
 * Provided by the runtime (platform or core): emit one complete line,
 * without a trailing newline. Called by the functions above only.
 */
void log_output_line(const char *line, size_t len);

#endif /* _INCLUDE__BASE__LOG_H_ */
