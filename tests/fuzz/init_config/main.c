/*
 * \brief  Fuzz target: init's config parser and route resolution
 *
 * Arbitrary bytes must never crash the parser, and whatever it accepts
 * must keep the promises init's runtime relies on without checking again:
 * unique non-empty names, route targets that index existing children,
 * priorities within the levels, nested configs inside the input. A refused
 * config must leave an empty model and exactly one line of error.
 */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../../os/init/config/init_config.h"
#include "../../../os/init/config/route.h"
#include <cpu_session/priority.h>
#include "../../harness/test_heap.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct init_config cfg, inner;

/* the model's storage: the host's memory, as much as it gives */
static struct heap *
fuzz_heap(void)
{
	static struct test_heap th;
	static struct heap *heap;
	if (!heap)
		heap = test_heap_init(&th, SIZE_MAX);
	return heap;
}
static struct init_config_diag diag;

/* length of s, or max if s is not terminated within max bytes */
static size_t
bounded_len(const char *s, size_t max)
{
	const char *end = memchr(s, 0, max);
	return end ? (size_t)(end - s) : max;
}

static void
check_line(const char *s)
{
	size_t len = bounded_len(s, INIT_CONFIG_DIAG_LEN);
	if (len == INIT_CONFIG_DIAG_LEN || strchr(s, '\n') || strncmp(s, "config", 6) != 0)
		abort();
}

static void
check_name(const char *name)
{
	size_t len = bounded_len(name, INIT_CONFIG_NAME_MAX + 1);
	if (len == 0 || len > INIT_CONFIG_NAME_MAX)
		abort();
}

static void
check_route(const struct init_route *r)
{
	if (r->entry_count > cfg.route_entry_count)
		abort();
	for (unsigned i = 0; i < r->entry_count; i++) {
		const struct init_route_entry *e = &r->entries[i];
		if (e->target_count > cfg.target_count || (!e->any_service && !e->service[0]))
			abort();
		for (unsigned k = 0; k < e->target_count; k++)
			if (e->targets[k].kind == INIT_TARGET_CHILD &&
			    e->targets[k].child >= cfg.child_count)
				abort();
	}
}

static void
check_child(unsigned i, const uint8_t *data, size_t size)
{
	const struct init_child *c = &cfg.children[i];
	check_name(c->name);
	check_name(c->binary);
	for (unsigned k = 0; k < i; k++)
		if (strcmp(cfg.children[k].name, c->name) == 0)
			abort();
	if (c->priority > 0 || c->priority < -(int64_t)(cfg.prio_levels - 1))
		abort();
	if (c->provides_count > cfg.name_count)
		abort();
	for (unsigned k = 0; k < c->provides_count; k++)
		check_name(c->provides[k]);
	check_route(&c->route);
	if (c->config_kind == INIT_CHILD_CONFIG_FILE)
		check_name(c->config_file);
	if (c->config_kind == INIT_CHILD_CONFIG_INLINE &&
	    (c->config_text.start < (const char *)data ||
	     c->config_text.start + c->config_text.len > (const char *)data + size))
		abort();
}

/* whatever the conditions of the routes, a decision names a child that exists */
static void
check_routing(void)
{
	static const char *const services[] = {"ROM", "LOG", "Timer", "Nitpicker", ""};
	static const char *const labels[] = {"", "a", "a -> b", "x\"y"};
	for (unsigned i = 0; i <= cfg.child_count; i++)
		for (unsigned k = 0; k < sizeof(services) / sizeof(services[0]) * 4; k++) {
			struct init_route_request req = {.service = services[k / 4],
			                                 .label = labels[k % 4],
			                                 .args = "ram_quota=4K, label=\"a\""};
			struct init_route_decision d =
			        init_route_resolve_request(&cfg, i, &req, NULL, NULL);
			if (d.kind == INIT_ROUTE_CHILD && d.child >= cfg.child_count)
				abort();
			if (i == cfg.child_count && d.kind != INIT_ROUTE_DENIED)
				abort();
		}
}

static void
check_accepted(const uint8_t *data, size_t size)
{
	if (diag.error[0] || !init_priority_levels_valid(cfg.prio_levels) ||
	    (1u << cfg.prio_bits) != cfg.prio_levels || cfg.child_count > cfg.child_cap ||
	    cfg.route_entry_count > cfg.route_entry_cap || cfg.cond_count > cfg.cond_cap)
		abort();
	for (unsigned i = 0; i < cfg.child_count; i++)
		check_child(i, data, size);
	check_route(&cfg.default_route);
	check_routing();

	/* a nested config is itself a config: what the child would see */
	for (unsigned i = 0; i < cfg.child_count && i < 2; i++) {
		const struct init_child *c = &cfg.children[i];
		if (c->config_kind == INIT_CHILD_CONFIG_INLINE)
			(void)init_config_parse(&inner, fuzz_heap(), c->config_text.start,
			                        c->config_text.len, NULL);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	status_t s = init_config_parse(&cfg, fuzz_heap(), (const char *)data, size, &diag);

	if (diag.warning_count > INIT_CONFIG_MAX_WARNINGS)
		abort();
	for (unsigned i = 0; i < diag.warning_count; i++)
		check_line(diag.warnings[i]);
	if (s == STATUS_OK) {
		check_accepted(data, size);
		return 0;
	}
	check_line(diag.error);
	if (cfg.child_count || cfg.parent_service_count || cfg.default_route.present)
		abort();
	return 0;
}
