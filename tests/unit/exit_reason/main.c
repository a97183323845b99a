/*
 * \brief  Unit test: the platform-neutral words for a process's end
 *
 * Every reason has a distinct name; a number off the wire that names no
 * reason is "unknown fault", never an index out of the table; a page
 * fault shows its address only where the platform knew it (Linux never
 * does, so run/fault_detection.run cannot show this part).
 */

#include <string.h>

#include <base/exit_reason.h>

#include "../../harness/harness.h"

static void
names_distinct(void)
{
	for (unsigned a = 0; a < EXIT_REASON_COUNT; a++) {
		CHECK(strlen(exit_reason_name((enum exit_reason)a)) > 0);
		for (unsigned b = a + 1; b < EXIT_REASON_COUNT; b++)
			CHECK(strcmp(exit_reason_name((enum exit_reason)a),
			             exit_reason_name((enum exit_reason)b)) != 0);
	}
}

static void
wire_values_checked(void)
{
	CHECK(exit_reason_checked(EXIT_REASON_KILLED) == EXIT_REASON_KILLED);
	CHECK(exit_reason_checked(EXIT_REASON_COUNT) == EXIT_REASON_UNKNOWN);
	CHECK(exit_reason_checked(0xffffffffu) == EXIT_REASON_UNKNOWN);
	CHECK_STR(exit_reason_name((enum exit_reason)EXIT_REASON_COUNT), "unknown fault");
}

static void
page_fault_address(void)
{
	char text[EXIT_FAULT_TEXT_MAX];
	struct exit_fault f = {EXIT_REASON_PAGE_FAULT, true, 0xdead000};
	exit_fault_describe(&f, text, sizeof(text));
	CHECK_STR(text, "page fault at 0xdead000");

	f.addr_known = false;
	exit_fault_describe(&f, text, sizeof(text));
	CHECK_STR(text, "page fault");

	/* an address is a page fault's only */
	f = (struct exit_fault){EXIT_REASON_ILLEGAL_INSTRUCTION, true, 0x1000};
	exit_fault_describe(&f, text, sizeof(text));
	CHECK_STR(text, "illegal instruction");

	/* the largest address fits the text */
	f = (struct exit_fault){EXIT_REASON_PAGE_FAULT, true, UINT64_MAX};
	exit_fault_describe(&f, text, sizeof(text));
	CHECK_STR(text, "page fault at 0xffffffffffffffff");
}

TEST_MAIN(TEST_CASE(names_distinct), TEST_CASE(wire_values_checked), TEST_CASE(page_fault_address))
