/*
 * \brief  Unit test of init's config model: warnings
 *
 * What init does not know it reports with a position and goes on; what
 * belongs to a child (its <config>) it does not judge at all.
 */

#include <string.h>

#include "common.h"

void
warnings_unknown(void)
{
	static const char text[] =
	        "<config prio_levels=\"2\" colour=\"red\">\n"
	        "<parent-provides><service name=\"ROM\"/><srv name=\"X\"/></parent-provides>\n"
	        "<start name=\"a\" prio=\"-1\">\n"
	        "  <resource name=\"RAM\" quantum=\"1M\" limit=\"2M\"/>\n"
	        "  <resource name=\"CPU\" quantum=\"10\"/>\n"
	        "  <route><any-service><parent/></any-service></route>\n"
	        "</start>\n"
	        "<launcher/>\n"
	        "<start name=\"b\">stray text</start>\n"
	        "</config>";

	/* unknown things in routes are errors (errors_route_unknown) */
	if (!CHECK_EQ(parse(text), STATUS_OK) || !CHECK_EQ(diag.warning_count, 8))
		return;
	/* init's own nodes first, then each child */
	CHECK_WARNING(0, "config line 1, column 33: unknown attribute \"colour\" of <config> "
	                 "ignored");
	CHECK_WARNING(1, "config line 8, column 1: unknown node <launcher> in <config> ignored");
	CHECK_WARNING(2, "config line 2, column 39: unknown node <srv> in <parent-provides> "
	                 "ignored");
	CHECK_WARNING(3, "config line 3, column 23: child \"a\": unknown attribute \"prio\" of "
	                 "<start> ignored");
	CHECK_WARNING(4, "config line 4, column 44: child \"a\": unknown attribute \"limit\" of "
	                 "<resource> ignored");
	CHECK_WARNING(5, "config line 5, column 3: child \"a\": unknown resource \"CPU\" ignored");
	CHECK_WARNING(6, "config line 9, column 17: child \"b\": text in <start> ignored");
	CHECK_WARNING(7, "config line 9, column 1: child \"b\": no RAM quantum given, the child "
	                 "gets 0 bytes");
	for (unsigned i = 0; i < diag.warning_count; i++)
		CHECK(strchr(diag.warnings[i], '\n') == NULL);
	CHECK_EQ(cfg.children[0].ram_quota, 1 << 20);
	CHECK_EQ(cfg.children[1].ram_quota, 0);
	CHECK(!cfg.children[1].ram_quota_given);
	CHECK_EQ(cfg.children[0].route.entries[0].target_count, 1);
}

void
warnings_not_inside_child_config(void)
{
	/* a child's config may use any vocabulary, even init's old one */
	static const char text[] = "<config>\n"
	                           "<start name=\"a\"><resource name=\"RAM\" quantum=\"1M\"/>\n"
	                           "  <config unknown=\"x\"><start><filename>f</filename></start>"
	                           "<priolevels>3</priolevels><bogus/></config>\n"
	                           "</start>\n"
	                           "</config>";
	CHECK_EQ(parse(text), STATUS_OK);
	CHECK_EQ(diag.warning_count, 0);
	CHECK_EQ(cfg.syntax, INIT_CONFIG_SYNTAX_10_05);
}

void
warnings_services(void)
{
	static const char text[] =
	        "<config>\n"
	        "<parent-provides><service name=\"ROM\"/><service name=\"LOG\"/>"
	        "<service name=\"ROM\"/></parent-provides>\n"
	        "<default-route><any-service><parent/><any-child/></any-service></default-route>\n"
	        "<start name=\"a\"><resource name=\"RAM\" quantum=\"1M\"/>\n"
	        "  <route><service name=\"LOG\"><any-child/></service></route></start>\n"
	        "</config>";

	if (!CHECK_EQ(parse(text), STATUS_OK) || !CHECK_EQ(diag.warning_count, 3))
		return;
	CHECK_WARNING(0, "config line 2, column 60: service \"ROM\" listed twice in "
	                 "<parent-provides>");
	CHECK_WARNING(1, "config line 3, column 38: default route: <any-child/> can never "
	                 "match, no child provides a service");
	CHECK_WARNING(2, "config line 5, column 30: child \"a\": <any-child/> can never match, "
	                 "no child provides a service");
	CHECK_EQ(cfg.parent_service_count, 2);

	static const char shared[] =
	        "<config>\n"
	        "<parent-provides><service name=\"ROM\"/></parent-provides>\n"
	        "<start name=\"nit1\"><resource name=\"RAM\" quantum=\"1M\"/>"
	        "<provides><service name=\"Nitpicker\"/></provides></start>\n"
	        "<start name=\"nit2\"><resource name=\"RAM\" quantum=\"1M\"/>\n"
	        "<provides><service name=\"Input\"/><service name=\"Nitpicker\"/></provides>\n"
	        "</start>\n"
	        "<start name=\"app\"><resource name=\"RAM\" quantum=\"1M\"/><route>\n"
	        "<service name=\"Input\"><child name=\"nit1\"/></service>\n"
	        "<service name=\"ROM\"><parent/></service>\n"
	        "<service name=\"Nitpicker\"><parent/></service>\n"
	        "</route></start>\n"
	        "</config>";
	/* two providers of Nitpicker, but no <any-child/>: nothing ambiguous */
	if (!CHECK_EQ(parse(shared), STATUS_OK) || !CHECK_EQ(diag.warning_count, 2))
		return;
	CHECK_WARNING(0, "config line 8, column 23: child \"app\": route of service \"Input\" to "
	                 "child \"nit1\", which does not provide it");
	CHECK_WARNING(1, "config line 10, column 27: child \"app\": route of service \"Nitpicker\" "
	                 "to the parent, which does not provide it");
}

/* the <any-child/> ambiguity is named where <any-child/> is, and only there */
void
warnings_any_child_ambiguous(void)
{
	static const char text[] =
	        "<config>\n"
	        "<parent-provides><service name=\"ROM\"/></parent-provides>\n"
	        "<default-route><any-service><parent/><any-child/></any-service></default-route>\n"
	        "<start name=\"nit1\"><resource name=\"RAM\" quantum=\"1M\"/>"
	        "<provides><service name=\"Nitpicker\"/></provides></start>\n"
	        "<start name=\"nit2\"><resource name=\"RAM\" quantum=\"1M\"/>"
	        "<provides><service name=\"Nitpicker\"/></provides></start>\n"
	        "<start name=\"app\"><resource name=\"RAM\" quantum=\"1M\"/><route>\n"
	        "<service name=\"Nitpicker\"><child name=\"nit2\"/></service>\n"
	        "<service name=\"ROM\"><any-child/><parent/></service>\n"
	        "<service name=\"Nitpicker\"> <any-child/></service>\n"
	        "</route></start>\n"
	        "</config>";
	if (!CHECK_EQ(parse(text), STATUS_OK) || !CHECK_EQ(diag.warning_count, 2))
		return;
	CHECK_WARNING(0, "config line 3, column 38: default route: <any-child/> cannot choose "
	                 "between children \"nit1\" and \"nit2\", which both provide service "
	                 "\"Nitpicker\"");
	CHECK_WARNING(1, "config line 9, column 28: child \"app\": <any-child/> cannot choose "
	                 "between children \"nit1\" and \"nit2\", which both provide service "
	                 "\"Nitpicker\"");
}

void
warnings_overflow(void)
{
	static char text[4096];
	strcpy(text, "<config>\n");
	for (unsigned i = 0; i < INIT_CONFIG_MAX_WARNINGS + 5; i++)
		strcat(text, "<x/>\n");
	strcat(text, "</config>");

	if (!CHECK_EQ(parse(text), STATUS_OK))
		return;
	CHECK_EQ(diag.warning_count, INIT_CONFIG_MAX_WARNINGS);
	CHECK_EQ(diag.warnings_dropped, 5);
	CHECK_WARNING(INIT_CONFIG_MAX_WARNINGS - 1,
	              "config line 17, column 1: unknown node <x> in <config> ignored");
}

/*
 * The route of Genode's published nested_config: a self-closed <service>
 * followed by its target and a surplus </service>. Each of the three
 * slips is named at its place; the rest of the config stands.
 */
void
warnings_nested_config_slip(void)
{
	static const char text[] =
	        "<config>\n"
	        "<parent-provides><service name=\"LOG\"/><service name=\"SIGNAL\"/>"
	        "</parent-provides>\n"
	        "<start name=\"a\"><resource name=\"RAM\" quantum=\"1M\"/>\n"
	        "  <route>\n"
	        "    <service name=\"LOG\"> <parent/> </service>\n"
	        "    <service name=\"SIGNAL\"/> <parent/> </service>\n"
	        "  </route>\n"
	        "</start>\n"
	        "</config>";

	if (!CHECK_EQ(parse(text), STATUS_OK) || !CHECK_EQ(diag.warning_count, 3))
		return;
	CHECK_WARNING(0, "config line 6, column 40: stray end tag ignored: 'service'");
	CHECK_WARNING(1, "config line 6, column 30: child \"a\": unknown node <parent> in "
	                 "<route> ignored");
	CHECK_WARNING(2, "config line 6, column 5: child \"a\": route entry for SIGNAL has no "
	                 "target: such requests are denied");
	CHECK_EQ(cfg.children[0].route.entry_count, 2);
}
