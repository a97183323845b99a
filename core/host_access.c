/*
 * \brief  core's side of the host_access session argument
 *
 * The one argument that loosens a sandbox (doc/sandbox.md, "The one
 * exception"). Top-level init gives it only to the PD session of a child
 * its own config grants <host-access>, and strips it from everything a
 * child forwards; core holds to the same rule a second time: it honours
 * the argument only on a PD session that init's parent object opened for
 * a single-element label ("init -> fb_sdl"), i.e. for one of top-level
 * init's own children. Any other request that carries it is refused and
 * named: it can only come from a defect of a parent, and running the
 * process without what it asked for would hide that.
 */

#include <base/log.h>
#include <pd_session/host_access.h>
#include <util/string.h>

#include "core_service.h"

/* whether label has more than one element: "a -> b" */
static bool
label_nested(const char *label)
{
	for (; *label; label++)
		if (str_has_prefix(label, " -> "))
			return true;
	return false;
}

/* why a request that carries host_access may not have it, or NULL */
static const char *
refusal(const char *service, const char *label_prefix, const char *given, const char *reason)
{
	if (!str_equal(service, "PD"))
		return "only a PD session can carry it";
	if (!str_equal(label_prefix, "init") || !given[0] || label_nested(given))
		return "only a child of the top-level init can have it";
	if (!pd_host_access_reason_valid(reason))
		return "its reason is empty, too long or not printable";
	return 0;
}

status_t
core_host_access_check(const char *service, const struct arg_string *args, const char *label_prefix,
                       const char *given, const char *label)
{
	char reason[PD_HOST_ACCESS_REASON_MAX + 2];
	if (!arg_string_has(args, PD_HOST_ACCESS_ARG))
		return STATUS_OK;
	/* too long: cut, so that the validity check refuses it */
	reason[0] = 0;
	(void)arg_string_get_string(args, PD_HOST_ACCESS_ARG, reason, sizeof(reason));
	const char *why = refusal(service, label_prefix, given, reason);
	if (!why)
		return STATUS_OK;
	log_error("%s \"%s\": host access refused: %s", service, label, why);
	return STATUS_DENIED;
}
