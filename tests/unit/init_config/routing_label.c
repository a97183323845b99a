/*
 * \brief  Unit test of init's config model: routes conditioned on labels
 *
 * Two servers and one route whose entries differ only in their
 * conditions: a request must reach the server its label names, and a
 * label that satisfies no condition must find no route (never the first
 * entry, which a dropped condition would make it).
 */

#include "../../../os/init/config/route.h"
#include "common.h"

static const char labeled[] =
        "<config>\n"
        "<parent-provides><service name=\"LOG\"/></parent-provides>\n"
        "<default-route>\n"
        "  <service name=\"Hello\" label=\"la-a\"> <child name=\"hs-a\"/> </service>\n"
        "  <service name=\"Hello\" label_prefix=\"pb-\"> <child name=\"hs-b\"/> </service>\n"
        "  <service name=\"Hello\" label_suffix=\"-sb\"> <child name=\"hs-b\"/> </service>\n"
        "  <service name=\"Hello\" label_prefix=\"x\" label_suffix=\"y\">"
        " <child name=\"hs-a\"/> </service>\n"
        "  <service name=\"Hello\" label_last=\"lb\"> <child name=\"hs-b\"/> </service>\n"
        "  <service name=\"Hello\" unscoped_label=\"ub\"> <child name=\"hs-b\"/> </service>\n"
        "  <service name=\"Hello\" label=\"\"> <child name=\"hs-a\"/> </service>\n"
        "  <any-service label=\"&quot;q&lt;\"> <child name=\"hs-b\"/> </any-service>\n"
        "  <service name=\"LOG\"> <parent/> </service>\n"
        "</default-route>\n"
        "<start name=\"hs-a\"><resource name=\"RAM\" quantum=\"1M\"/>"
        "<provides><service name=\"Hello\"/></provides></start>\n"
        "<start name=\"hs-b\"><resource name=\"RAM\" quantum=\"1M\"/>"
        "<provides><service name=\"Hello\"/></provides></start>\n"
        "<start name=\"ub\"><resource name=\"RAM\" quantum=\"1M\"/></start>\n"
        "<start name=\"c\"><resource name=\"RAM\" quantum=\"1M\"/></start>\n"
        "</config>";

enum { HS_A, HS_B, UB, C };

static struct init_route_decision
route(unsigned child, const char *service, const char *label)
{
	struct init_route_request req = {.service = service, .label = label};
	return init_route_resolve_request(&cfg, child, &req, NULL, NULL);
}

/* the server of a request, or -1 if it is denied */
static int
server(unsigned child, const char *label)
{
	struct init_route_decision d = route(child, "Hello", label);
	return d.kind == INIT_ROUTE_CHILD ? (int)d.child : -1;
}

void
routing_label_conditions(void)
{
	if (!CHECK_EQ(parse(labeled), STATUS_OK) || !CHECK_EQ(diag.warning_count, 0))
		return;
	CHECK_EQ(cfg.cond_count, 9);
	CHECK_EQ(server(C, "la-a"), HS_A);
	CHECK_EQ(server(C, "la-ax"), -1); /* label is the whole label */
	CHECK_EQ(server(C, "pb-1"), HS_B);
	CHECK_EQ(server(C, "pb-"), HS_B);
	CHECK_EQ(server(C, "1-pb-"), -1); /* a prefix is at the start */
	CHECK_EQ(server(C, "1-sb"), HS_B);
	CHECK_EQ(server(C, "-sb-1"), -1);  /* a suffix is at the end */
	CHECK_EQ(server(C, "x--y"), HS_A); /* both conditions of an entry hold */
	CHECK_EQ(server(C, "x--z"), -1);
	CHECK_EQ(server(C, "z--y"), -1);
	CHECK_EQ(server(C, "x -> lb"), HS_B); /* the last element */
	CHECK_EQ(server(C, "lb -> x"), -1);
	CHECK_EQ(server(C, "\"q<"), HS_B); /* decoded as XML, on <any-service> too */
	/* hs-b has no LOG: <any-service> goes on to the next entry */
	CHECK_EQ(route(C, "LOG", "\"q<").kind, INIT_ROUTE_PARENT);
	/* any other label finds no entry: denied, never the first server */
	CHECK_EQ(server(C, "lb-a"), -1);
	CHECK_EQ(route(C, "LOG", "anything").kind, INIT_ROUTE_PARENT);
}

/*
 * A scoped condition (label, label_prefix, ...) sees what the child sent,
 * unscoped_label what init forwards: "<child>" or "<child> -> <label>".
 */
void
routing_label_scope(void)
{
	if (!CHECK_EQ(parse(labeled), STATUS_OK))
		return;
	CHECK_EQ(server(UB, ""), HS_B);     /* unscoped "ub" */
	CHECK_EQ(server(C, "ub"), -1);      /* unscoped "c -> ub" */
	CHECK_EQ(server(C, ""), HS_A);      /* label="" is the empty label */
	CHECK_EQ(server(C, "c"), -1);       /* the child's name is not its label */
	CHECK_EQ(server(UB, "la-a"), HS_A); /* first match: label before unscoped */
	/* the caller's own composition is used when it passes one */
	struct init_route_request req = {.service = "Hello", .label = "x", .unscoped = "ub"};
	CHECK_EQ(init_route_resolve_request(&cfg, C, &req, NULL, NULL).child, HS_B);
	/* a whole label too long to be any session's matches no condition on it */
	static char longer[600];
	for (unsigned i = 0; i < sizeof(longer) - 1; i++)
		longer[i] = 'z';
	CHECK_EQ(server(UB, longer), -1);
	longer[sizeof(longer) - 3] = 'l';
	longer[sizeof(longer) - 2] = 'b';
	CHECK_EQ(server(C, longer), -1); /* label_last needs the whole label */
}

static const char if_args[] =
        "<config>\n"
        "<parent-provides><service name=\"LOG\"/></parent-provides>\n"
        "<default-route>\n"
        "  <service name=\"Hello\"> <if-arg key=\"label\" value=\"ia\"/>"
        " <child name=\"hs-a\"/> </service>\n"
        "  <any-service> <if-arg key=\"label\" value=\"ib\"/>"
        " <if-arg key=\"ram_quota\" value=\"8K\"/> <child name=\"hs-b\"/> </any-service>\n"
        "  <service name=\"Hello\"> <if-arg key=\"mode\" value=\"\"/>"
        " <child name=\"hs-b\"/> </service>\n"
        "</default-route>\n"
        "<start name=\"hs-a\"><resource name=\"RAM\" quantum=\"1M\"/>"
        "<provides><service name=\"Hello\"/></provides></start>\n"
        "<start name=\"hs-b\"><resource name=\"RAM\" quantum=\"1M\"/>"
        "<provides><service name=\"Hello\"/></provides></start>\n"
        "<start name=\"c\"><resource name=\"RAM\" quantum=\"1M\"/></start>\n"
        "</config>";

static int
server_args(const char *label, const char *args)
{
	struct init_route_request req = {.service = "Hello", .label = label, .args = args};
	struct init_route_decision d = init_route_resolve_request(&cfg, 2, &req, NULL, NULL);
	return d.kind == INIT_ROUTE_CHILD ? (int)d.child : -1;
}

/* 11.11's <if-arg>: the label without the child's name, other keys as sent */
void
routing_if_arg(void)
{
	if (!CHECK_EQ(parse(if_args), STATUS_OK) || !CHECK_EQ(cfg.cond_count, 4))
		return;
	CHECK_EQ(server_args("ia", "ram_quota=4K, label=\"c -> ia\", mode=x"), HS_A);
	/* every <if-arg> of an entry must hold */
	CHECK_EQ(server_args("ib", "ram_quota=8K, label=\"c -> ib\", mode=x"), HS_B);
	CHECK_EQ(server_args("ib", "ram_quota=4K, label=\"c -> ib\", mode=x"), -1);
	/* an absent argument reads as "", as in Genode */
	CHECK_EQ(server_args("zz", "ram_quota=4K, label=\"c -> zz\""), HS_B);
	CHECK_EQ(server_args("zz", "ram_quota=4K, label=\"c -> zz\", mode=\"\""), HS_B);
	CHECK_EQ(server_args("zz", "ram_quota=4K, label=\"c -> zz\", mode=y"), -1);
	/* arguments that do not parse satisfy no condition on them */
	CHECK_EQ(server_args("zz", "ram_quota=\"4K"), -1);
}
