/*
 * \brief  test-quota_own: one binary, the role from <config kind=".."/>
 *
 * kind="signal", "ram" or "log": a hog of that kind, announcing
 * service="<name>" when done (default "Hog-<kind>"); kind="sibling": the
 * sibling that runs after the hogs whose services await="<a> <b> .."
 * names. A hog stays (it must keep what it holds while the sibling runs);
 * the sibling exits 0 if all went well.
 */

#include <base/component.h>
#include <base/config_root.h>
#include <base/log.h>
#include <util/format.h>
#include <util/string.h>

#include "quota_own.h"

enum { KIND_MAX = 16, SERVICE_MAX = 32, AWAIT_MAX = 160 };

static bool
hog(struct env *env, const char *kind)
{
	if (str_equal(kind, "signal"))
		return hog_signal(env);
	if (str_equal(kind, "ram"))
		return hog_ram(env);
	return hog_log(env);
}

void
component_construct(struct env *env)
{
	struct config_root cfg;
	char kind[KIND_MAX] = "", service[SERVICE_MAX], await[AWAIT_MAX] = "";
	const struct node *root = config_root_parse(env, &cfg);
	if (!root ||
	    node_attribute_string(root, "kind", kind, sizeof(kind), "", &cfg.err) != STATUS_OK ||
	    node_attribute_string(root, "await", await, sizeof(await), "", &cfg.err) != STATUS_OK)
		kind[0] = '\0';
	format_string(service, sizeof(service), "Hog-%s", kind);
	if (root && node_attribute_string(root, "service", service, sizeof(service), service,
	                                  &cfg.err) != STATUS_OK)
		kind[0] = '\0';
	if (str_equal(kind, "sibling")) {
		bool ok = barrier_wait(env, await) && sibling_run(env);
		env_exit(env, ok ? 0 : 1);
		return;
	}
	if (!str_equal(kind, "signal") && !str_equal(kind, "ram") && !str_equal(kind, "log")) {
		log_error("config: kind must be signal, ram, log or sibling, is \"%s\"", kind);
		env_exit(env, 2);
		return;
	}
	if (!hog(env, kind) || !barrier_announce(env, service))
		env_exit(env, 1);
	/* a hog returns to its entrypoint and keeps everything it holds */
}
