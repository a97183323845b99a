/*
 * \brief  Unit test of init's config model: lists as long as the config's
 *
 * Services of a <provides> or <parent-provides>, entries of a <route> and
 * targets of an entry once had small fixed bounds (8, 32, 16 and 4), and
 * a config beyond one was refused. The model is sized from the config, so
 * only the heap bounds them: a config well beyond each old bound is
 * accepted and routed as written, and one too large for the heap is
 * refused as a whole, with what did not fit.
 */

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "../../../os/init/config/route.h"
#include "common.h"

enum {
	SERVERS = 10,       /* srv0 .. srv9, each a target of every S entry */
	SERVICES = 40,      /* S0 .. S39, provided by every server */
	PARENT_SERV = 100,  /* P0 .. P99 of <parent-provides> */
	PARENT_ROUTED = 10, /* entries for P90 .. P99, after those for S0 .. S38 */
	APP = SERVERS,      /* the child with the long route */
};

static char text[64 * 1024];

/* append printf-formatted text to text[] */
static void __attribute__((format(printf, 1, 2))) put(const char *fmt, ...)
{
	size_t used = strlen(text);
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(text + used, sizeof(text) - used, fmt, ap);
	va_end(ap);
}

/* an entry for S<i> (all: <any-service>) whose targets are every server in order */
static void
put_entry(unsigned i, bool all)
{
	if (all)
		put("<any-service>");
	else
		put("<service name=\"S%u\">", i);
	for (unsigned k = 0; k < SERVERS; k++)
		put("<child name=\"srv%u\"/>", k);
	put(all ? "</any-service>\n" : "</service>\n");
}

static const char *
lists_config(void)
{
	text[0] = 0;
	put("<config>\n<parent-provides>\n");
	for (unsigned i = 0; i < PARENT_SERV; i++)
		put("<service name=\"P%u\"/>\n", i);
	put("</parent-provides>\n");
	for (unsigned k = 0; k < SERVERS; k++) {
		put("<start name=\"srv%u\"><provides>\n", k);
		for (unsigned i = 0; i < SERVICES; i++)
			put("<service name=\"S%u\"/>", i);
		put("\n</provides></start>\n");
	}
	put("<start name=\"app\"><route>\n");
	/* S39 is left to the last entry, which tries one target after the other */
	for (unsigned i = 0; i < SERVICES - 1; i++)
		put_entry(i, false);
	for (unsigned i = PARENT_SERV - PARENT_ROUTED; i < PARENT_SERV; i++)
		put("<service name=\"P%u\"><parent/></service>\n", i);
	put_entry(0, true);
	put("</route></start>\n</config>");
	return text;
}

/* a provides callback: only the last server of every entry is up */
static bool
only_last_server(void *ctx, unsigned child, const char *service)
{
	(void)ctx;
	return child == SERVERS - 1 && service[0] == 'S';
}

static void
check_route(const char *service, enum init_route_kind kind, unsigned child,
            init_route_provides_fn provides)
{
	struct init_route_decision d = init_route_resolve(&cfg, APP, service, provides, NULL);
	CHECK_STR(init_route_kind_name(d.kind), init_route_kind_name(kind));
	if (kind == INIT_ROUTE_CHILD)
		CHECK_EQ(d.child, child);
}

/* 40 provides, 100 parent services, 50 route entries, 10 targets per entry */
void
lists_beyond_old_bounds(void)
{
	if (!CHECK_EQ(parse(lists_config()), STATUS_OK) || !CHECK_EQ(cfg.child_count, APP + 1))
		return;
	CHECK_EQ(cfg.parent_service_count, PARENT_SERV);
	CHECK_STR(cfg.parent_services[PARENT_SERV - 1], "P99");
	CHECK(init_config_parent_provides(&cfg, "P99"));
	CHECK_EQ(cfg.children[SERVERS - 1].provides_count, SERVICES);
	CHECK_STR(cfg.children[SERVERS - 1].provides[SERVICES - 1], "S39");
	CHECK(init_config_child_provides(&cfg, SERVERS - 1, "S39"));
	CHECK(!init_config_child_provides(&cfg, SERVERS - 1, "S40"));

	const struct init_route *r = &cfg.children[APP].route;
	const struct init_route_entry *last = &r->entries[SERVICES + PARENT_ROUTED - 1];
	CHECK_EQ(r->entry_count, SERVICES + PARENT_ROUTED);
	CHECK_EQ(r->entries[SERVICES - 2].target_count, SERVERS);
	CHECK_EQ(last->target_count, SERVERS);
	CHECK_EQ(last->targets[SERVERS - 1].child, SERVERS - 1);

	/* every entry and every target is there and consulted in order */
	check_route("S0", INIT_ROUTE_CHILD, 0, NULL);
	check_route("S38", INIT_ROUTE_CHILD, 0, NULL);
	check_route("S38", INIT_ROUTE_DENIED, 0,
	            only_last_server); /* a named service: no fallback */
	check_route("S39", INIT_ROUTE_CHILD, 0, NULL);
	check_route("S39", INIT_ROUTE_CHILD, SERVERS - 1, only_last_server);
	check_route("P99", INIT_ROUTE_PARENT, 0, NULL);
	check_route("P0", INIT_ROUTE_DENIED, 0, NULL); /* the last entry has no <parent/> */
}

/*
 * The same config on heaps from 4 KiB up in steps of 4 KiB until it
 * fits: each one short is refused, whole, the model with all it counted
 * (a condition per attribute and sub-node of an entry, a target per
 * sub-node: 459 and 410)
 */
void
lists_heap(void)
{
	static struct init_config small;
	struct init_config_diag d;
	struct test_heap th;
	unsigned model_refused = 0;
	size_t limit = 4 * 1024;

	lists_config();
	for (; limit < 16 * 1024 * 1024; limit += 4 * 1024) {
		struct heap *h = test_heap_init(&th, limit);
		status_t s = init_config_parse(&small, h, text, strlen(text), &d);
		if (s == STATUS_OK)
			break;
		CHECK_EQ(s, STATUS_QUOTA_EXCEEDED);
		CHECK_EQ(small.child_count, 0);
		CHECK_EQ(small.parent_service_count, 0);
		CHECK_EQ(h->used, 0);
		test_heap_fini(&th);
		model_refused += strstr(d.error, "config: the model of 11 children, 50 route "
		                                 "entries, 459 route conditions, 410 route targets "
		                                 "and 500 service names needs ") == d.error;
	}
	CHECK(model_refused > 0);
	CHECK_EQ(small.children[APP].route.entry_count, SERVICES + PARENT_ROUTED);
	init_config_release(&small);
	test_heap_fini(&th);
}
