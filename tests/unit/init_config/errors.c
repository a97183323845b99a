/*
 * \brief  Unit test of init's config model: every refusal, word for word
 *
 * The message is the whole user interface of a refused config, so the
 * exact text is asserted: where (line, column), whom (child), and what.
 */

#include <stdio.h>
#include <string.h>

#include "common.h"

/* a 10.05 config whose parent offers the basics, around some <start> nodes */
#define NEW(starts)                                         \
	"<config>\n"                                        \
	"<parent-provides><service name=\"ROM\"/><service " \
	"name=\"LOG\"/></parent-provides>\n" starts "</config>"

void
errors_xml(void)
{
	CHECK_ERROR("<config>\n  <start name=\"a\">\n</config>", STATUS_INVALID_ARGS,
	            "config line 3, column 1: end tag does not match element 'start'");
	CHECK_ERROR("", STATUS_INVALID_ARGS, "config line 1, column 1: no root element");
	CHECK_ERROR("<config><start name=\"a\" name=\"b\"/></config>", STATUS_INVALID_ARGS,
	            "config line 1, column 25: duplicate attribute 'name'");
}

void
errors_root_and_syntax(void)
{
	CHECK_ERROR("<init>\n</init>", STATUS_INVALID_ARGS,
	            "config line 1, column 1: root node is <init>, expected <config>");

	/* the later of the two words is where the config went wrong */
	CHECK_ERROR("<config>\n"
	            "  <start name=\"timer\"/>\n"
	            "  <start><filename>test</filename></start>\n"
	            "</config>",
	            STATUS_INVALID_ARGS,
	            "config line 3, column 10: <filename> is 10.02 syntax, but line 2, column 16 "
	            "uses 10.05 syntax (attribute \"name\" of <start>)");
	CHECK_ERROR("<config>\n"
	            "  <priolevels>2</priolevels>\n"
	            "  <default-route/>\n"
	            "</config>",
	            STATUS_INVALID_ARGS,
	            "config line 3, column 3: <default-route> is 10.05 syntax, but line 2, "
	            "column 3 uses 10.02 syntax (<priolevels>)");
	CHECK_ERROR("<config prio_levels=\"2\">\n"
	            "  <start><filename>test</filename><priority>-1</priority></start>\n"
	            "</config>",
	            STATUS_INVALID_ARGS,
	            "config line 2, column 10: <filename> is 10.02 syntax, but line 1, column 22 "
	            "uses 10.05 syntax (attribute \"prio_levels\" of <config>)");
}

void
errors_names(void)
{
	CHECK_ERROR(NEW("  <start priority=\"0\"/>\n"), STATUS_INVALID_ARGS,
	            "config line 3, column 3: <start> without a \"name\" attribute");
	CHECK_ERROR("<config>\n  <start><ram_quota>1M</ram_quota></start>\n</config>",
	            STATUS_INVALID_ARGS, "config line 2, column 3: <start> without a <filename>");
	CHECK_ERROR(NEW("<start name=\"\"/>\n"), STATUS_INVALID_ARGS,
	            "config line 3, column 14: empty child name");
	CHECK_ERROR(NEW("<start name=\"a&#10;b\"/>\n"), STATUS_INVALID_ARGS,
	            "config line 3, column 14: child name \"a?b\" contains a control character "
	            "or quote");
	CHECK_ERROR(NEW("<start name=\"a&quot;b\"/>\n"), STATUS_INVALID_ARGS,
	            "config line 3, column 14: child name \"a?b\" contains a control character "
	            "or quote");
	CHECK_ERROR(NEW("<start name=\"t\"><binary/></start>\n"), STATUS_INVALID_ARGS,
	            "config line 3, column 17: child \"t\": <binary> without a \"name\" attribute");
	CHECK_ERROR("<config><start><filename> </filename></start></config>", STATUS_INVALID_ARGS,
	            "config line 1, column 26: empty filename");
	CHECK_ERROR(NEW("<start name=\"t\"><configfile/></start>\n"), STATUS_INVALID_ARGS,
	            "config line 3, column 30: child \"t\": empty config file name");
	CHECK_ERROR(NEW("<start name=\"t\"><provides><service/></provides></start>\n"),
	            STATUS_INVALID_ARGS,
	            "config line 3, column 27: child \"t\": <service> without a \"name\" "
	            "attribute");
}

void
errors_quantum(void)
{
	CHECK_ERROR(NEW("<start name=\"timer\">\n"
	                "  <resource name=\"RAM\" quantum=\"-1M\"/>\n"
	                "</start>\n"),
	            STATUS_INVALID_ARGS,
	            "config line 4, column 33: child \"timer\": RAM quantum \"-1M\" is not a size");
	CHECK_ERROR(
	        NEW("<start name=\"timer\"><resource name=\"RAM\" quantum=\"lots\"/></start>\n"),
	        STATUS_INVALID_ARGS,
	        "config line 3, column 51: child \"timer\": RAM quantum \"lots\" is not a "
	        "size");
	CHECK_ERROR(NEW("<start name=\"timer\"><resource name=\"RAM\"/></start>\n"),
	            STATUS_INVALID_ARGS,
	            "config line 3, column 21: child \"timer\": RAM <resource> without a "
	            "\"quantum\" attribute");
	CHECK_ERROR(
	        "<config><start><filename>timer</filename>\n"
	        "<ram_quota>1.5M</ram_quota></start></config>",
	        STATUS_INVALID_ARGS,
	        "config line 2, column 12: child \"timer\": RAM quantum \"1.5M\" is not a size");
	CHECK_ERROR("<config><start><filename>timer</filename>\n"
	            "<ram_quota>99999999999999999999</ram_quota></start></config>",
	            STATUS_INVALID_ARGS,
	            "config line 2, column 12: child \"timer\": RAM quantum "
	            "\"99999999999999999999\" is not a size");
}

void
errors_priority(void)
{
	CHECK_ERROR("<config prio_levels=\"2\">\n<start name=\"a\" priority=\"-2\"/>\n</config>",
	            STATUS_INVALID_ARGS,
	            "config line 2, column 27: child \"a\": priority -2 is out of range -1..0 "
	            "(prio_levels 2)");
	CHECK_ERROR("<config>\n<start name=\"a\" priority=\"1\"/>\n</config>", STATUS_INVALID_ARGS,
	            "config line 2, column 27: child \"a\": priority 1 is out of range 0..0 "
	            "(prio_levels 1)");
	CHECK_ERROR("<config>\n<start name=\"a\" priority=\"high\"/>\n</config>",
	            STATUS_INVALID_ARGS,
	            "config line 2, column 27: child \"a\": priority \"high\" is not a number");
	CHECK_ERROR("<config><priolevels>4</priolevels>\n"
	            "<start><filename>a</filename><priority>-4</priority></start></config>",
	            STATUS_INVALID_ARGS,
	            "config line 2, column 40: child \"a\": priority -4 is out of range -3..0 "
	            "(prio_levels 4)");
}

void
errors_prio_levels(void)
{
	CHECK_ERROR("<config prio_levels=\"3\"/>", STATUS_INVALID_ARGS,
	            "config line 1, column 22: prio_levels 3 is not a power of two in 1..65536");
	CHECK_ERROR("<config prio_levels=\"0\"/>", STATUS_INVALID_ARGS,
	            "config line 1, column 22: prio_levels 0 is not a power of two in 1..65536");
	CHECK_ERROR("<config prio_levels=\"131072\"/>", STATUS_INVALID_ARGS,
	            "config line 1, column 22: prio_levels 131072 is not a power of two in "
	            "1..65536");
	CHECK_ERROR("<config prio_levels=\"-2\"/>", STATUS_INVALID_ARGS,
	            "config line 1, column 22: prio_levels \"-2\" is not a number");
	CHECK_ERROR("<config><priolevels>6</priolevels></config>", STATUS_INVALID_ARGS,
	            "config line 1, column 21: priolevels 6 is not a power of two in 1..65536");
	CHECK_ERROR("<config verbose=\"maybe\"/>", STATUS_INVALID_ARGS,
	            "config line 1, column 18: verbose \"maybe\" is neither yes nor no");
}

void
errors_routes(void)
{
	CHECK_ERROR(NEW("<start name=\"a\">\n"
	                "  <route> <service name=\"LOG\"> <child name=\"nitlog\"/> </service> "
	                "</route>\n"
	                "</start>\n"),
	            STATUS_NOT_FOUND,
	            "config line 4, column 32: child \"a\": route to child \"nitlog\", which does "
	            "not exist");
	CHECK_ERROR(NEW("<start name=\"a\">\n"
	                "  <route> <service name=\"Nitpicker\"> <parent/> </service> </route>\n"
	                "</start>\n"),
	            STATUS_NOT_FOUND,
	            "config line 4, column 11: child \"a\": route for service \"Nitpicker\", which "
	            "neither the parent nor any child provides");
	CHECK_ERROR(NEW("<default-route>\n"
	                "  <any-service> <child name=\"ghost\"/> </any-service>\n"
	                "</default-route>\n"),
	            STATUS_NOT_FOUND,
	            "config line 4, column 17: default route: route to child \"ghost\", which "
	            "does not exist");
	CHECK_ERROR(NEW("<start name=\"a\"><route><service><parent/></service></route></start>\n"),
	            STATUS_INVALID_ARGS,
	            "config line 3, column 24: child \"a\": <service> without a \"name\" "
	            "attribute");
}

void
errors_duplicates(void)
{
	CHECK_ERROR(NEW("<start name=\"timer\"/>\n<start name=\"timer\"/>\n"), STATUS_CONFLICT,
	            "config line 4, column 1: child \"timer\": name already used by the child at "
	            "line 3, column 1");
	CHECK_ERROR("<config>\n<start><filename>a</filename></start>\n"
	            "<start><filename>a</filename></start></config>",
	            STATUS_CONFLICT,
	            "config line 3, column 1: child \"a\": name already used by the child at "
	            "line 2, column 1");
	CHECK_ERROR(NEW("<start name=\"t\"><binary name=\"a\"/>\n<binary name=\"b\"/></start>\n"),
	            STATUS_INVALID_ARGS,
	            "config line 4, column 1: child \"t\": duplicate <binary> (the first is at "
	            "line 3, column 17)");
	CHECK_ERROR(NEW("<start name=\"t\"><resource name=\"RAM\" quantum=\"1M\"/>\n"
	                "<resource name=\"RAM\" quantum=\"2M\"/></start>\n"),
	            STATUS_INVALID_ARGS,
	            "config line 4, column 1: child \"t\": duplicate RAM <resource>");
	CHECK_ERROR(NEW("<start name=\"t\"><config/>\n<configfile>x</configfile></start>\n"),
	            STATUS_INVALID_ARGS,
	            "config line 4, column 1: child \"t\": both <config> and <configfile> given");
	CHECK_ERROR(NEW("<default-route/>\n<default-route/>\n"), STATUS_INVALID_ARGS,
	            "config line 4, column 1: default route: duplicate <default-route> (the "
	            "first is at line 3, column 1)");
	CHECK_ERROR("<config><start><filename>a</filename>\n"
	            "<filename>b</filename></start></config>",
	            STATUS_INVALID_ARGS,
	            "config line 2, column 1: duplicate <filename> (the first is at line 1, "
	            "column 16)");
}

static char big[64 * 1024];

/* append formatted text to big */
static void
add(const char *text)
{
	strncat(big, text, sizeof(big) - strlen(big) - 1);
}

/*
 * Anything a route holds that init does not understand stops the config:
 * dropped, it would let the route match more than written.
 */
void
errors_route_unknown(void)
{
	CHECK_ERROR(NEW("<default-route>\n"
	                "  <service name=\"LOG\" lable=\"x\"> <parent/> </service>\n"
	                "</default-route>\n"),
	            STATUS_INVALID_ARGS,
	            "config line 4, column 30: default route: unknown attribute \"lable\" of "
	            "<service> in a route");
	CHECK_ERROR(NEW("<start name=\"a\"><route>\n"
	                "  <any-service> <parent/> <sibling/> </any-service>\n"
	                "</route></start>\n"),
	            STATUS_INVALID_ARGS,
	            "config line 4, column 27: child \"a\": unknown node <sibling> in "
	            "<any-service> of a route");
	CHECK_ERROR(NEW("<start name=\"a\"><route> <default/> </route></start>\n"),
	            STATUS_INVALID_ARGS,
	            "config line 3, column 25: child \"a\": unknown node <default> in <route> of "
	            "a route");
	CHECK_ERROR(NEW("<start name=\"a\"><route priority=\"1\"/></start>\n"), STATUS_INVALID_ARGS,
	            "config line 3, column 34: child \"a\": unknown attribute \"priority\" of "
	            "<route> in a route");
	CHECK_ERROR(NEW("<default-route><any-service name=\"LOG\"><parent/></any-service>"
	                "</default-route>\n"),
	            STATUS_INVALID_ARGS,
	            "config line 3, column 35: default route: unknown attribute \"name\" of "
	            "<any-service> in a route");
	CHECK_ERROR(NEW("<default-route><any-service><parent label=\"x\"/></any-service>"
	                "</default-route>\n"),
	            STATUS_INVALID_ARGS,
	            "config line 3, column 44: default route: unknown attribute \"label\" of "
	            "<parent> in a route");
	CHECK_ERROR(NEW("<start name=\"a\"/><default-route><any-service>"
	                "<child name=\"a\" label=\"x\"/></any-service></default-route>\n"),
	            STATUS_INVALID_ARGS,
	            "config line 3, column 69: default route: unknown attribute \"label\" of "
	            "<child> in a route");
	CHECK_ERROR(NEW("<default-route><any-service>text</any-service>"
	                "</default-route>\n"),
	            STATUS_INVALID_ARGS,
	            "config line 3, column 29: default route: text in <any-service> of a route");
}

/* conditions that cannot be honoured as written */
void
errors_route_conditions(void)
{
	CHECK_ERROR(NEW("<default-route><service name=\"LOG\"><if-arg key=\"label\"/>"
	                "<parent/></service></default-route>\n"),
	            STATUS_INVALID_ARGS,
	            "config line 3, column 36: default route: <if-arg> without a \"value\" "
	            "attribute");
	CHECK_ERROR(NEW("<default-route><service name=\"LOG\"><if-arg value=\"x\"/>"
	                "<parent/></service></default-route>\n"),
	            STATUS_INVALID_ARGS,
	            "config line 3, column 36: default route: <if-arg> without a \"key\" "
	            "attribute");
	CHECK_ERROR(NEW("<default-route><service name=\"LOG\"><if-arg key=\"\" value=\"x\"/>"
	                "<parent/></service></default-route>\n"),
	            STATUS_INVALID_ARGS,
	            "config line 3, column 49: default route: <if-arg> with an empty key");
	CHECK_ERROR(NEW("<default-route><service name=\"LOG\"><if-arg key=\"label\" value=\"x\" "
	                "op=\"prefix\"/><parent/></service></default-route>\n"),
	            STATUS_INVALID_ARGS,
	            "config line 3, column 70: default route: unknown attribute \"op\" of "
	            "<if-arg> in a route");
	CHECK_ERROR(NEW("<default-route><service name=\"LOG\" label_prefix=\"a\" "
	                "unscoped_label=\"b\"><parent/></service></default-route>\n"),
	            STATUS_INVALID_ARGS,
	            "config line 3, column 69: default route: unscoped_label together with "
	            "label_prefix: the label is either the child's or init's, not both");
}

void
errors_bounds(void)
{
	char line[128];

	big[0] = 0;
	add("<config>\n");
	for (unsigned i = 0; i < 129; i++) {
		snprintf(line, sizeof(line), "<start name=\"c%u\"/>\n", i);
		add(line);
	}
	add("</config>");
	CHECK_ERROR(big, STATUS_OUT_OF_MEMORY,
	            "config line 130, column 1: child \"c128\": more than 128 children");

	CHECK_ERROR(NEW("<start name=\"a\"><provides><service name=\"S1\"/><service name=\"S2\"/>"
	                "<service name=\"S3\"/><service name=\"S4\"/><service name=\"S5\"/>"
	                "<service name=\"S6\"/><service name=\"S7\"/><service name=\"S8\"/>\n"
	                "<service name=\"S9\"/></provides></start>\n"),
	            STATUS_OUT_OF_MEMORY,
	            "config line 4, column 1: child \"a\": more than 8 services in <provides>");

	big[0] = 0;
	add("<config>\n<parent-provides><service name=\"ROM\"/></parent-provides>\n"
	    "<start name=\"a\"><route>\n");
	for (unsigned i = 0; i < 17; i++)
		add("<any-service><parent/></any-service>\n");
	add("</route></start></config>");
	CHECK_ERROR(big, STATUS_OUT_OF_MEMORY,
	            "config line 20, column 1: child \"a\": more than 16 entries in <route>");

	/* 33 routes of 16 entries: more than all routes together may hold */
	big[0] = 0;
	add("<config>\n<parent-provides><service name=\"ROM\"/></parent-provides>\n");
	for (unsigned i = 0; i < 33; i++) {
		snprintf(line, sizeof(line), "<start name=\"c%u\"><route>\n", i);
		add(line);
		for (unsigned k = 0; k < 16; k++)
			add("<any-service><parent/></any-service>\n");
		add("</route></start>\n");
	}
	add("</config>");
	CHECK_ERROR(big, STATUS_OUT_OF_MEMORY,
	            "config line 580, column 1: child \"c32\": more than 512 route entries in "
	            "the config");

	CHECK_ERROR(NEW("<start name=\"a\"><route><any-service>\n"
	                "<parent/><any-child/><parent/><child name=\"a\"/><parent/>\n"
	                "</any-service></route></start>\n"),
	            STATUS_OUT_OF_MEMORY,
	            "config line 4, column 48: child \"a\": more than 4 targets in a route entry");

	CHECK_ERROR(NEW("<start name=\"a123456789b123456789c123456789d123456789e123456789"
	                "f123456789abcd\"/>\n"),
	            STATUS_INVALID_ARGS,
	            "config line 3, column 14: child name "
	            "\"a123456789b123456789c123456789d123456789e123...\" is longer than 63 "
	            "characters");
}

void
errors_bounds_storage(void)
{
	char line[128];

	big[0] = 0;
	add("<config><parent-provides>\n");
	for (unsigned i = 0; i < 33; i++) {
		snprintf(line, sizeof(line), "<service name=\"S%u\"/>\n", i);
		add(line);
	}
	add("</parent-provides></config>");
	CHECK_ERROR(big, STATUS_OUT_OF_MEMORY,
	            "config line 34, column 1: more than 32 services in <parent-provides>");

	/* the XML scratch is bounded, too, and says where it ran out */
	big[0] = 0;
	add("<config><start name=\"a\"><config>\n");
	for (unsigned i = 0; i < INIT_CONFIG_MAX_NODES; i++)
		add("<x/>");
	add("</config></start></config>");
	CHECK_ERROR(big, STATUS_OUT_OF_MEMORY,
	            "config line 2, column 8181: node storage exhausted at element 'x'");
}

/* long and hostile text from the config cannot break the one-line rule */
void
errors_one_line(void)
{
	CHECK_ERROR(NEW("<start name=\"t\"><resource name=\"RAM\" quantum=\"1\n2\n3\n"
	                "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"/>"
	                "</start>\n"),
	            STATUS_INVALID_ARGS,
	            "config line 3, column 47: child \"t\": RAM quantum "
	            "\"1?2?3?aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa...\" is not a size");
	CHECK_ERROR(NEW("<start name=\"t\"><resource name=\"RAM\" quantum=\"&#1;&quot;\"/>"
	                "</start>\n"),
	            STATUS_INVALID_ARGS,
	            "config line 3, column 47: child \"t\": RAM quantum \"??\" is not a size");
}
