/*
 * \brief  Unit test of init's config model: route resolution
 */

#include <string.h>

#include "../../../os/init/config/route.h"
#include "common.h"

static const char routed[] =
        "<config>\n"
        "<parent-provides><service name=\"ROM\"/><service name=\"LOG\"/>"
        "<service name=\"CPU\"/></parent-provides>\n"
        "<default-route><any-service><parent/><any-child/></any-service></default-route>\n"
        "<start name=\"nitlog\"><resource name=\"RAM\" quantum=\"1M\"/>"
        "<provides><service name=\"LOG\"/></provides></start>\n"
        "<start name=\"fb\"><resource name=\"RAM\" quantum=\"1M\"/>"
        "<provides><service name=\"Framebuffer\"/><service name=\"Input\"/></provides></start>\n"
        "<start name=\"nit1\"><resource name=\"RAM\" quantum=\"1M\"/>"
        "<provides><service name=\"Nitpicker\"/></provides></start>\n"
        "<start name=\"nit2\"><resource name=\"RAM\" quantum=\"1M\"/>"
        "<provides><service name=\"Nitpicker\"/></provides>\n"
        "  <route>\n"
        "    <service name=\"LOG\"> <child name=\"nitlog\"/> <parent/> </service>\n"
        "    <service name=\"Nitpicker\"> <child name=\"nit1\"/> </service>\n"
        "    <any-service> <child name=\"fb\"/> <parent/> <any-child/> </any-service>\n"
        "  </route></start>\n"
        "<start name=\"app\"><resource name=\"RAM\" quantum=\"1M\"/>\n"
        "  <route><service name=\"Input\"/><any-service><parent/></any-service></route>"
        "</start>\n"
        "<start name=\"plain\"><resource name=\"RAM\" quantum=\"1M\"/></start>\n"
        "<start name=\"timer\"><resource name=\"RAM\" quantum=\"1M\"/>"
        "<provides><service name=\"Timer\"/></provides></start>\n"
        "</config>";

enum { NITLOG, FB, NIT1, NIT2, APP, PLAIN, TIMER };

static struct init_route_decision
route(unsigned child, const char *service)
{
	return init_route_resolve(&cfg, child, service, NULL, NULL);
}

#define CHECK_ROUTE(d, kind_, child_)                                                  \
	do {                                                                           \
		struct init_route_decision d_ = (d);                                   \
		CHECK_STR(init_route_kind_name(d_.kind), init_route_kind_name(kind_)); \
		if (d_.kind == INIT_ROUTE_CHILD)                                       \
			CHECK_EQ(d_.child, (child_));                                  \
	} while (0)

static bool
setup(void)
{
	return CHECK_EQ(parse(routed), STATUS_OK) && CHECK_EQ(cfg.child_count, 7);
}

void
routing_first_match(void)
{
	if (!setup())
		return;
	/* the explicit LOG entry comes first and wins over the parent */
	CHECK_ROUTE(route(NIT2, "LOG"), INIT_ROUTE_CHILD, NITLOG);
	CHECK_PTR_EQ(route(NIT2, "LOG").entry, &cfg.children[NIT2].route.entries[0]);
	/* an explicit entry also settles what <any-child/> could not */
	CHECK_ROUTE(route(NIT2, "Nitpicker"), INIT_ROUTE_CHILD, NIT1);
	/* the <any-service> entry: fb comes first */
	CHECK_ROUTE(route(NIT2, "Input"), INIT_ROUTE_CHILD, FB);
	CHECK_PTR_EQ(route(NIT2, "Input").entry, &cfg.children[NIT2].route.entries[2]);
}

/* a provides callback: what the declarations say, minus one service of one child */
struct outage {
	unsigned child;
	const char *service;
};

static bool
provides_except(void *ctx, unsigned child, const char *service)
{
	const struct outage *o = ctx;
	if (child == o->child && strcmp(service, o->service) == 0)
		return false;
	return init_route_declared(&cfg, child, service);
}

void
routing_explicit_service_no_fallback(void)
{
	if (!setup())
		return;
	/* nitlog cannot serve LOG: the explicit route denies, no fallback to <parent/> */
	struct outage o = {NITLOG, "LOG"};
	struct init_route_decision d = init_route_resolve(&cfg, NIT2, "LOG", provides_except, &o);
	CHECK_ROUTE(d, INIT_ROUTE_DENIED, 0);
	CHECK_PTR_EQ(d.entry, &cfg.children[NIT2].route.entries[0]);

	/* a matching entry without targets denies, too */
	CHECK_ROUTE(route(APP, "Input"), INIT_ROUTE_DENIED, 0);
}

void
routing_any_service_skips(void)
{
	if (!setup())
		return;
	/* fb does not provide ROM or CPU, so the next target, the parent, does */
	CHECK_ROUTE(route(NIT2, "ROM"), INIT_ROUTE_PARENT, 0);
	CHECK_ROUTE(route(NIT2, "CPU"), INIT_ROUTE_PARENT, 0);
	/* neither fb nor the parent: on to <any-child/> */
	CHECK_ROUTE(route(NIT2, "Timer"), INIT_ROUTE_CHILD, TIMER);
	/* fb gone: Input falls through fb and parent, and any-child finds nobody */
	struct outage o = {FB, "Input"};
	CHECK_ROUTE(init_route_resolve(&cfg, NIT2, "Input", provides_except, &o), INIT_ROUTE_DENIED,
	            0);
	/* app's <any-service><parent/> cannot serve Nitpicker, and nothing follows */
	CHECK_ROUTE(route(APP, "Nitpicker"), INIT_ROUTE_DENIED, 0);
	CHECK_ROUTE(route(APP, "ROM"), INIT_ROUTE_PARENT, 0);
}

void
routing_any_child_ambiguous(void)
{
	if (!setup())
		return;
	/* the default route reaches Nitpicker only through <any-child/>: two servers */
	CHECK_ROUTE(route(PLAIN, "Nitpicker"), INIT_ROUTE_AMBIGUOUS, 0);
	CHECK_ROUTE(route(PLAIN, "Framebuffer"), INIT_ROUTE_CHILD, FB);
	/* one of the two gone: no longer ambiguous */
	struct outage o = {NIT1, "Nitpicker"};
	CHECK_ROUTE(init_route_resolve(&cfg, PLAIN, "Nitpicker", provides_except, &o),
	            INIT_ROUTE_CHILD, NIT2);
}

void
routing_default_and_missing(void)
{
	if (!setup())
		return;
	/* <parent/> comes first in the default route */
	CHECK_ROUTE(route(PLAIN, "LOG"), INIT_ROUTE_PARENT, 0);
	CHECK_ROUTE(route(NITLOG, "ROM"), INIT_ROUTE_PARENT, 0);
	/* nobody offers it: denied */
	CHECK_ROUTE(route(PLAIN, "Audio_out"), INIT_ROUTE_DENIED, 0);
	/* a child with its own <route> never falls back to the default route */
	CHECK_ROUTE(route(APP, "Framebuffer"), INIT_ROUTE_DENIED, 0);

	/* no route at all */
	CHECK_EQ(parse("<config><start name=\"a\"/></config>"), STATUS_OK);
	CHECK_ROUTE(route(0, "ROM"), INIT_ROUTE_DENIED, 0);
	CHECK(route(0, "ROM").entry == NULL);

	/* an empty <any-service> ends the walk, as in Genode */
	CHECK_EQ(parse("<config><parent-provides><service name=\"ROM\"/></parent-provides>"
	               "<default-route><any-service/><any-service><parent/></any-service>"
	               "</default-route><start name=\"a\"/></config>"),
	         STATUS_OK);
	CHECK_ROUTE(route(0, "ROM"), INIT_ROUTE_DENIED, 0);
}

/* 10.02: the runtime's record of announcements */
static const char *announced[4];

static bool
has_announced(void *ctx, unsigned child, const char *service)
{
	(void)ctx;
	return child < 4 && announced[child] && strcmp(announced[child], service) == 0;
}

void
routing_old_syntax(void)
{
	static const char text[] = "<config>"
	                           "<start><filename>timer</filename></start>"
	                           "<start><filename>nitlog</filename></start>"
	                           "<start><filename>app</filename></start>"
	                           "</config>";
	if (!CHECK_EQ(parse(text), STATUS_OK))
		return;
	memset(announced, 0, sizeof(announced));
	/* core services always go to the parent, even if a child announced LOG */
	announced[1] = "LOG";
	CHECK_ROUTE(init_route_resolve(&cfg, 2, "LOG", has_announced, NULL), INIT_ROUTE_PARENT, 0);
	CHECK_ROUTE(init_route_resolve(&cfg, 2, "IO_MEM", has_announced, NULL), INIT_ROUTE_PARENT,
	            0);
	/* not yet announced: 10.02 init lets the client wait */
	CHECK_ROUTE(init_route_resolve(&cfg, 2, "Timer", has_announced, NULL), INIT_ROUTE_WAIT, 0);
	announced[0] = "Timer";
	CHECK_ROUTE(init_route_resolve(&cfg, 2, "Timer", has_announced, NULL), INIT_ROUTE_CHILD, 0);
	/* two announcers cannot happen in 10.02; if they do, no guess */
	announced[1] = "Timer";
	CHECK_ROUTE(init_route_resolve(&cfg, 2, "Timer", has_announced, NULL), INIT_ROUTE_AMBIGUOUS,
	            0);
}

void
routing_invalid_request(void)
{
	if (!setup())
		return;
	CHECK_ROUTE(route(7, "LOG"), INIT_ROUTE_DENIED, 0);
	CHECK_ROUTE(route(~0u, "LOG"), INIT_ROUTE_DENIED, 0);
	CHECK_ROUTE(route(PLAIN, NULL), INIT_ROUTE_DENIED, 0);
	CHECK_STR(init_route_kind_name(INIT_ROUTE_WAIT), "wait");
	CHECK_STR(init_route_kind_name((enum init_route_kind)99), "unknown route kind");
}
