/*
 * \brief  core's console output
 *
 * core's own lines use log_print/log_error (include/base/log.h), which end
 * up in log_output_line below. Lines relayed for a component carry its
 * label. Each line is one console write, so lines never interleave.
 */

#ifndef _CORE__CORE_LOG_H_
#define _CORE__CORE_LOG_H_

#include <stddef.h>

#include <base/log.h>

enum { CORE_LOG_LINE_MAX = 512 };

/* write text prefixed with "[label] " as one line */
void core_log_labeled(const char *label, const char *text, size_t len);

#endif /* _CORE__CORE_LOG_H_ */
