/*
 * \brief  core's own log output
 *
 * Each call emits one whole line through a single console write, so lines
 * of core and of the components it relays never interleave mid-line.
 */

#ifndef _CORE__CORE_LOG_H_
#define _CORE__CORE_LOG_H_

#include <util/format.h>

enum { CORE_LOG_LINE_MAX = 512 };

/* format one line (a trailing newline is added) and write it to the console */
void core_log(const char *fmt, ...) FORMAT_PRINTF(1, 2);

/* write text prefixed with "[label] ", one console write per line */
void core_log_labeled(const char *label, const char *text, size_t len);

#endif /* _CORE__CORE_LOG_H_ */
