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

/* how long a name may be is the one bound of the config's own (lists.c: no others) */
void
errors_bounds(void)
{
	CHECK_ERROR(NEW("<start name=\"a123456789b123456789c123456789d123456789e123456789"
	                "f123456789abcd\"/>\n"),
	            STATUS_INVALID_ARGS,
	            "config line 3, column 14: child name "
	            "\"a123456789b123456789c123456789d123456789e123...\" is longer than 63 "
	            "characters");
}

/* 200 children, each with a route: once more than the old fixed model held */
static void
many_children(unsigned count)
{
	char line[128];

	big[0] = 0;
	add("<config>\n<parent-provides><service name=\"ROM\"/></parent-provides>\n");
	for (unsigned i = 0; i < count; i++) {
		snprintf(line, sizeof(line),
		         "<start name=\"c%u\"><route><service name=\"ROM\" label=\"x\">"
		         "<parent/></service></route></start>\n",
		         i);
		add(line);
	}
	add("</config>");
}

/*
 * The model is as large as the config says, taken from the caller's heap:
 * how many children fit is a matter of that heap's quota, and a config
 * beyond it is refused with what did not fit.
 */
void
errors_heap(void)
{
	static struct init_config small;
	struct init_config_diag d;
	struct test_heap th;

	init_config_release(&cfg);
	size_t used = config_heap()->used; /* other cases' models stay */
	many_children(200);
	if (CHECK_EQ(parse(big), STATUS_OK) && CHECK_EQ(cfg.child_count, 200)) {
		CHECK_STR(cfg.children[199].name, "c199");
		CHECK_EQ(cfg.children[199].route.entry_count, 1);
		CHECK_EQ(cfg.children[199].route.entries[0].cond_count, 1);
	}
	/* released, nothing of the model or the scratch stays on the heap */
	init_config_release(&cfg);
	CHECK_EQ(config_heap()->used, used);

	/*
	 * Quotas from 16 KiB up in steps of 16 KiB until the config fits: each
	 * one short is refused with what did not fit, first the XML scratch
	 * (1406 '<' and 602 '=' in the text), then the model (room for a
	 * condition per attribute and sub-node of an entry: 3 each, and a
	 * target per sub-node: 1 each); nothing stays.
	 */
	unsigned scratch_refused = 0, model_refused = 0;
	size_t limit = 16 * 1024;
	for (; limit < 64 * 1024 * 1024; limit += 16 * 1024) {
		struct heap *h = test_heap_init(&th, limit);
		status_t s = init_config_parse(&small, h, big, strlen(big), &d);
		if (s == STATUS_OK)
			break;
		CHECK_EQ(s, STATUS_QUOTA_EXCEEDED);
		CHECK_EQ(small.child_count, 0);
		CHECK_EQ(h->used, 0);
		test_heap_fini(&th);
		scratch_refused +=
		        strstr(d.error, "config: 18365 bytes of text need ") == d.error &&
		        strstr(d.error, " bytes of heap to parse (up to 1406 nodes, 602 "
		                        "attributes), which it refused: quota exceeded");
		model_refused +=
		        strstr(d.error, "config: the model of 200 children, 200 route "
		                        "entries, 600 route conditions, 200 route targets and 1 "
		                        "service names needs ") == d.error &&
		        strstr(d.error, " bytes of heap, which it refused: quota exceeded");
	}
	CHECK_EQ(small.child_count, 200);
	CHECK(scratch_refused > 0 && model_refused > 0);
	CHECK_EQ(scratch_refused + model_refused, (limit - 16 * 1024) / (16 * 1024));
	init_config_release(&small);
	test_heap_fini(&th);
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
