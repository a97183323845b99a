/*
 * \brief  A service of core (LOG, ROM, ...) as seen by core's session logic
 *
 * core's parent object for init and each service's root object both end
 * in core_session_request (session_request.c), which checks the arguments
 * and the donated quota once for all services and then calls the
 * service's create function.
 */

#ifndef _CORE__CORE_SERVICE_H_
#define _CORE__CORE_SERVICE_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <base/entrypoint.h>
#include <root/component.h>
#include <root/rpc.h>
#include <util/arg_string.h>

#include "boot_modules.h"

enum { CORE_LABEL_MAX = 160 };

struct core_service {
	const char *name; /* byte-identical to Genode's: "LOG", "ROM" */
	/*
	 * The service's sessions (include/root/component.h), which make,
	 * find, upgrade and close them. A service without (NULL) provides the
	 * three functions below instead.
	 */
	struct root_component *sessions;
	size_t session_size; /* without root: what core keeps per session */
	/*
	 * Create a session labeled label; *session stays OWNED by the service
	 * (the caller hands out copies). The service logs why it refuses.
	 */
	status_t (*create)(const struct arg_string *args, const char *label, cap_t *session);
	/* close the session named by session (BORROWED); false if not ours */
	bool (*close)(cap_t session);
	/*
	 * Add amount, paid already, to the budget of session (BORROWED);
	 * false if the session is not one of this service's
	 */
	bool (*upgrade)(cap_t session, uint64_t amount);
	struct rpc_object root;
	root_cap_t root_cap; /* OWNED */
};

/* the services core offers, a NULL-terminated table */
extern struct core_service *core_services[];

extern struct core_service core_log_service, core_rom_service, core_ram_service, core_cpu_service,
        core_pd_service;

void core_log_service_init(struct entrypoint *ep);
void core_pd_service_init(struct entrypoint *ep);
void core_cpu_service_init(struct entrypoint *ep);
/* the summaries of refusal lines held back in an ended window, per service */
void core_cpu_limits_tick(void);
void core_ram_limits_tick(void);
void core_rm_limits_tick(void);
void core_pd_limits_tick(void);
/* one line per CPU session (label, priority, threads); returns all threads */
unsigned core_cpu_report(void);

void core_rom_service_init(struct entrypoint *ep, const struct boot_modules *modules);

/* the boot module a ROM dataspace of core (ds BORROWED) shows; NULL if ds is none */
const struct boot_module *core_rom_dataspace_module(cap_t ds);

/*
 * The platform priority (of 0 .. *limit) of core's CPU session named by
 * session (BORROWED); false if session is none of core's CPU sessions.
 */
bool core_cpu_session_priority(cap_t session, uint32_t *priority, uint32_t *limit);

/*
 * Open a session of service with the args a client gave. label_prefix is
 * what core puts in front of the label policy-wise ("init" for init's
 * requests, "" for calls of a root). *session is BORROWED from the service.
 */
status_t core_session_request(const char *service, const char *args, const char *label_prefix,
                              cap_t *session);

/*
 * Whether a request with args may carry a host_access argument
 * (host_access.c): STATUS_OK if it has none, or it is a PD session that
 * init's parent object (label_prefix "init") opened for the
 * single-element label given, with a valid reason. STATUS_DENIED
 * otherwise, logged naming the service and the full label.
 */
status_t core_host_access_check(const char *service, const struct arg_string *args,
                                const char *label_prefix, const char *given, const char *label);

/* the service's own static copy of name, for bookkeeping; "?" if unknown */
const char *core_service_name(const char *name);

/* close session (BORROWED) if it is one of svc's; false if not */
bool core_service_close(struct core_service *svc, cap_t session);

/* close a session of any service; CONSUMES session */
status_t core_session_close(cap_t session);

/*
 * Add amount, paid by the caller, to session (BORROWED) of service (NULL:
 * of whichever service made it). STATUS_NOT_FOUND, logged naming label and
 * service, if no service knows the session.
 */
status_t core_session_upgrade(const char *service, cap_t session, uint64_t amount,
                              const char *label);

/* manage every service's root object at ep */
status_t core_services_init(struct entrypoint *ep);

#endif /* _CORE__CORE_SERVICE_H_ */
