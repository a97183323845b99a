/*
 * \brief  Resolving a session request against the config model
 *
 * Only decides; init's runtime acts (forwards, denies, blocks, logs). The
 * rules are spelled out in route.h.
 */

#include <util/string.h>

#include "route.h"

static struct init_route_decision
decided(enum init_route_kind kind, unsigned child, const struct init_route_entry *entry)
{
	return (struct init_route_decision){kind, child, entry};
}

/* how many children provide service; *first is the lowest index of them */
static unsigned
count_providers(const struct init_config *cfg, const char *service, init_route_provides_fn provides,
                void *ctx, unsigned *first)
{
	unsigned count = 0;
	for (unsigned i = cfg->child_count; i-- > 0;)
		if (provides(ctx, i, service)) {
			*first = i;
			count++;
		}
	return count;
}

static struct init_route_decision
resolve_10_02(const struct init_config *cfg, const char *service, init_route_provides_fn provides,
              void *ctx)
{
	unsigned server = 0;

	if (init_config_parent_provides(cfg, service))
		return decided(INIT_ROUTE_PARENT, 0, NULL);
	switch (count_providers(cfg, service, provides, ctx, &server)) {
	case 0:
		return decided(INIT_ROUTE_WAIT, 0, NULL);
	case 1:
		return decided(INIT_ROUTE_CHILD, server, NULL);
	default:
		return decided(INIT_ROUTE_AMBIGUOUS, 0, NULL);
	}
}

/* true if t settles the request, with the decision in *d */
static bool
try_target(const struct init_config *cfg, const struct init_route_target *t, const char *service,
           init_route_provides_fn provides, void *ctx, struct init_route_decision *d)
{
	unsigned server = 0, count;

	switch (t->kind) {
	case INIT_TARGET_PARENT:
		if (!init_config_parent_provides(cfg, service))
			return false;
		*d = decided(INIT_ROUTE_PARENT, 0, NULL);
		return true;
	case INIT_TARGET_CHILD:
		if (!provides(ctx, t->child, service))
			return false;
		*d = decided(INIT_ROUTE_CHILD, t->child, NULL);
		return true;
	case INIT_TARGET_ANY_CHILD:
		count = count_providers(cfg, service, provides, ctx, &server);
		if (count == 0)
			return false;
		*d = decided(count == 1 ? INIT_ROUTE_CHILD : INIT_ROUTE_AMBIGUOUS, server, NULL);
		return true;
	}
	return false;
}

static struct init_route_decision
resolve_10_05(const struct init_config *cfg, const struct init_route *route, const char *service,
              init_route_provides_fn provides, void *ctx)
{
	struct init_route_decision d;

	for (unsigned i = 0; route->present && i < route->entry_count; i++) {
		const struct init_route_entry *e = &route->entries[i];
		if (!e->any_service && !str_equal(e->service, service))
			continue;
		for (unsigned k = 0; k < e->target_count; k++) {
			if (try_target(cfg, &e->targets[k], service, provides, ctx, &d)) {
				d.entry = e;
				return d;
			}
			if (!e->any_service)
				return decided(INIT_ROUTE_DENIED, 0, e);
		}
		/* nothing to try at all: Genode denies even for <any-service> */
		if (!e->any_service || e->target_count == 0)
			return decided(INIT_ROUTE_DENIED, 0, e);
	}
	return decided(INIT_ROUTE_DENIED, 0, NULL);
}

struct init_route_decision
init_route_resolve(const struct init_config *cfg, unsigned child, const char *service,
                   init_route_provides_fn provides, void *ctx)
{
	if (!provides) {
		provides = init_route_declared;
		ctx = (void *)cfg;
	}
	if (child >= cfg->child_count || !service)
		return decided(INIT_ROUTE_DENIED, 0, NULL);
	if (cfg->syntax == INIT_CONFIG_SYNTAX_10_02)
		return resolve_10_02(cfg, service, provides, ctx);

	const struct init_route *route = &cfg->children[child].route;
	return resolve_10_05(cfg, route->present ? route : &cfg->default_route, service, provides,
	                     ctx);
}

bool
init_route_declared(void *ctx, unsigned child, const char *service)
{
	return init_config_child_provides((const struct init_config *)ctx, child, service);
}

const char *
init_route_kind_name(enum init_route_kind kind)
{
	static const char *const names[] = {"parent", "child", "denied", "ambiguous", "wait"};
	if ((unsigned)kind >= sizeof(names) / sizeof(names[0]))
		return "unknown route kind";
	return names[kind];
}
