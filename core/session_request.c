/*
 * \brief  core's checks common to every session request
 *
 * Malformed arguments, an unknown service and a donation too small for
 * the session's metadata are refused here, each with a message naming the
 * service and the label, before any service state is touched.
 */

#include <base/log.h>
#include <root/session_args.h>
#include <util/format.h>
#include <util/string.h>

#include "core_service.h"

static struct core_service *
service_find(const char *name)
{
	for (unsigned i = 0; core_services[i]; i++)
		if (str_equal(core_services[i]->name, name))
			return core_services[i];
	return 0;
}

/* "prefix -> label", or whichever of the two is not empty */
static void
label_compose(char *out, size_t size, const char *prefix, const char *label)
{
	if (prefix[0] && label[0])
		format_string(out, size, "%s -> %s", prefix, label);
	else
		format_string(out, size, "%s", prefix[0] ? prefix : label);
}

status_t
core_session_request(const char *service, const char *args_text, const char *label_prefix,
                     cap_t *session)
{
	struct arg_string args;
	struct arg_error err;
	char given[CORE_LABEL_MAX], label[CORE_LABEL_MAX];

	if (arg_string_init(&args, args_text, str_len(args_text), &err) != STATUS_OK) {
		log_error("session request of \"%s\" for service \"%s\": malformed arguments: %s "
		          "at offset %lu",
		          label_prefix, service, err.reason, (unsigned long)err.offset);
		return STATUS_INVALID_ARGS;
	}
	if (arg_string_get_string(&args, "label", given, sizeof(given)) == STATUS_OUT_OF_MEMORY) {
		log_error("session request of \"%s\" for service \"%s\": label too long",
		          label_prefix, service);
		return STATUS_INVALID_ARGS;
	}
	label_compose(label, sizeof(label), label_prefix, given);
	if (core_host_access_check(service, &args, label_prefix, given, label) != STATUS_OK)
		return STATUS_DENIED;

	struct core_service *svc = service_find(service);
	if (!svc) {
		log_warning("\"%s\" requested service \"%s\", which core does not provide", label,
		            service);
		return STATUS_DENIED;
	}
	if (svc->sessions)
		return root_component_create(svc->sessions, &args, label, session);
	status_t s = session_quota_check(svc->name, &args, label, svc->session_size);
	return s == STATUS_OK ? svc->create(&args, label, session) : s;
}

bool
core_service_close(struct core_service *svc, cap_t session)
{
	if (svc->sessions)
		return root_component_close(svc->sessions, session);
	return svc->close && svc->close(session);
}

status_t
core_session_close(cap_t session)
{
	bool found = false;
	for (unsigned i = 0; core_services[i] && !found; i++)
		found = core_service_close(core_services[i], session);
	cap_close(session);
	return found ? STATUS_OK : STATUS_NOT_FOUND;
}

status_t
core_session_upgrade(const char *service, cap_t session, uint64_t amount, const char *label)
{
	for (unsigned i = 0; core_services[i]; i++) {
		struct core_service *svc = core_services[i];
		bool eligible = !service || str_equal(svc->name, service);
		if (!eligible)
			continue;
		if (svc->sessions ? root_component_upgrade(svc->sessions, session, amount)
		                  : svc->upgrade && svc->upgrade(session, amount))
			return STATUS_OK;
	}
	log_error("upgrade of %s session for \"%s\" denied: core does not know the session",
	          service ? service : "any", label);
	return STATUS_NOT_FOUND;
}

const char *
core_service_name(const char *name)
{
	const struct core_service *svc = service_find(name);
	return svc ? svc->name : "?";
}
