/*
 * \brief  core's console output
 *
 * core's own lines use log_print/log_error (include/base/log.h), which end
 * up in log_output_line below. Lines relayed for a component carry its
 * label. Each line is one console write, so lines never interleave.
 * Whatever a component chose (its text, its label) is escaped, so no
 * component can write a line that reads as core's, init's or another's.
 */

#ifndef _CORE__CORE_LOG_H_
#define _CORE__CORE_LOG_H_

#include <stddef.h>

#include <base/log.h>

enum { CORE_LOG_LINE_MAX = 512 };

/*
 * write text prefixed with "[label] ", one prefixed line per line of text,
 * label and text escaped (util/escape.h)
 */
void core_log_labeled(const char *label, const char *text, size_t len);

#endif /* _CORE__CORE_LOG_H_ */
