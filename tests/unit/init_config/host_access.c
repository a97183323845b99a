/*
 * \brief  Unit test of init's config model: <host-access reason=".."/>
 *
 * The grant is kept with its reason; every way of writing it wrongly is a
 * config error that names the child, so that init starts nothing rather
 * than a child without (or with an unexplained) host access.
 */

#include <util/string.h>

#include "common.h"

#define ONE(start)   \
	"<config>\n" \
	"<parent-provides><service name=\"ROM\"/></parent-provides>\n" start "</config>"

void
host_access_model(void)
{
	if (!CHECK_EQ(
	            parse(ONE("<start name=\"fb\"><host-access reason=\"draws into X\"/></start>\n"
	                      "<start name=\"other\"/>\n")),
	            STATUS_OK) ||
	    !CHECK_EQ(cfg.child_count, 2))
		return;
	CHECK_STR(cfg.children[0].host_access, "draws into X");
	CHECK_STR(cfg.children[1].host_access, "");
	/* the longest reason that fits */
	CHECK_EQ(parse(ONE("<start name=\"fb\"><host-access reason=\""
	                   "12345678901234567890123456789012345678901234567890123456\"/>"
	                   "</start>\n")),
	         STATUS_OK);
	CHECK_EQ(str_len(cfg.children[0].host_access), (size_t)PD_HOST_ACCESS_REASON_MAX);
}

void
host_access_errors(void)
{
	CHECK_ERROR(ONE("<start name=\"fb\"><host-access/></start>\n"), STATUS_INVALID_ARGS,
	            "config line 3, column 18: child \"fb\": <host-access> without a \"reason\" "
	            "attribute");
	CHECK_ERROR(ONE("<start name=\"fb\"><host-access reason=\"\"/></start>\n"),
	            STATUS_INVALID_ARGS,
	            "config line 3, column 39: child \"fb\": empty host-access reason");
	CHECK_ERROR(ONE("<start name=\"fb\"><host-access reason=\""
	                "123456789012345678901234567890123456789012345678901234567\"/></start>\n"),
	            STATUS_INVALID_ARGS,
	            "config line 3, column 39: child \"fb\": host-access reason "
	            "\"12345678901234567890123456789012345678901234...\" is longer than 56 "
	            "characters");
	CHECK_ERROR(ONE("<start name=\"fb\"><host-access reason=\"a&quot;b\"/></start>\n"),
	            STATUS_INVALID_ARGS,
	            "config line 3, column 39: child \"fb\": host-access reason \"a?b\" contains a "
	            "control character, quote or backslash");
	CHECK_ERROR(ONE("<start name=\"fb\"><host-access reason=\"a&#10;b\"/></start>\n"),
	            STATUS_INVALID_ARGS,
	            "config line 3, column 39: child \"fb\": host-access reason \"a?b\" contains a "
	            "control character, quote or backslash");
	CHECK_ERROR(
	        ONE("<start name=\"fb\"><host-access reason=\"a\\b\"/></start>\n"),
	        STATUS_INVALID_ARGS,
	        "config line 3, column 39: child \"fb\": host-access reason \"a\\b\" contains a "
	        "control character, quote or backslash");
	CHECK_ERROR(ONE("<start name=\"fb\"><host-access reason=\"a\"/>\n"
	                "<host-access reason=\"b\"/></start>\n"),
	            STATUS_INVALID_ARGS,
	            "config line 4, column 1: child \"fb\": duplicate <host-access> (the first is "
	            "at line 3, column 18)");
}
