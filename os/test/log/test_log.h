/*
 * \brief  test-log's parts: Genode's lines and our own format checks
 */

#ifndef _OS__TEST__LOG__TEST_LOG_H_
#define _OS__TEST__LOG__TEST_LOG_H_

#include <stddef.h>
#include <stdint.h>

/* Genode's Hex_range text of [base, base+len) in a type of 'bytes' bytes */
size_t hex_range_format(char *buf, size_t size, uint64_t base, uint64_t len, unsigned bytes);

#endif /* _OS__TEST__LOG__TEST_LOG_H_ */
