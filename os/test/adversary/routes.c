/*
 * \brief  test-adversary: requests that used to stall init
 *
 * init once called a child server's root and waited for it, so a server
 * that was stopped stopped init; a request for a server that was gone,
 * or routed to its own asker, waited forever without a word. Each request
 * here must come back refused at once (or, for those that wait for a
 * stopped or unannounced server, when the run script kills that server),
 * while the run script measures that init keeps restarting a looping
 * sibling at its normal rate.
 */

#include <base/component.h>
#include <base/log.h>
#include <parent/client.h>
#include <util/format.h>
#include <util/string.h>

#include "adversary.h"

enum { HOARD_SESSIONS = 48 };

/* ask init for a session of service; the caller expects no session */
static status_t
request(struct env *env, const char *service)
{
	cap_t cap = cap_invalid();
	status_t s = parent_session(env_parent(env), service, "ram_quota=4K", &cap);
	if (s == STATUS_OK) {
		parent_close(env_parent(env), cap);
		cap_close(cap);
	}
	return s;
}

static void
attempt_request(struct env *env, const char *what, const char *service, status_t expected)
{
	status_t s = request(env, service);
	attempt(what, s == expected, status_name(s));
}

void
attempts_routes(struct env *env)
{
	log_print("waiting at the gate");
	attempt_request(env, "a request waiting for a server that is killed", "Gate",
	                STATUS_UNAVAILABLE);
	attempt_request(env, "a request to a killed server", "Gone", STATUS_UNAVAILABLE);
	attempt_request(env, "a route to ourselves", "Self", STATUS_DENIED);
	attempt_request(env, "a cycle of routes", "Cycle", STATUS_DENIED);
}

/* log the outcome of a part's last request and end the instance */
static void
role_end(struct env *env, const char *what, status_t s, status_t expected)
{
	if (s == expected)
		log_print("refused: %s (%s)", what, status_name(s));
	else
		log_error("NOT refused: %s (%s)", what, status_name(s));
	env_exit(env, s == expected ? 0 : 1);
}

/*
 * A client of the server the run script stops: with a session opened
 * before, it upgrades it (upgrader) or closes it (closer) at the stopped
 * server, or asks for a new one (stalled), and waits; the kill of the
 * server must end the wait.
 */
static void
role_stalled(struct env *env, bool closer, bool upgrader)
{
	cap_t hello = cap_invalid();
	status_t s = STATUS_OK;
	if (closer || upgrader)
		s = parent_session(env_parent(env), "Hello", "ram_quota=4K", &hello);
	if (s != STATUS_OK)
		role_end(env, "a session before the stop", s, STATUS_OK);
	log_print("waiting at the gate");
	s = request(env, "Gate");
	if (s != STATUS_UNAVAILABLE)
		role_end(env, "the gate", s, STATUS_UNAVAILABLE);
	if (upgrader)
		role_end(env, "an upgrade at a stopped server that is killed",
		         parent_upgrade(env_parent(env), hello, "ram_quota=4K"),
		         STATUS_UNAVAILABLE);
	if (closer) {
		s = parent_close(env_parent(env), hello);
		cap_close(hello);
		if (s != STATUS_OK)
			role_end(env, "closing at a stopped server", s, STATUS_OK);
	}
	role_end(env, "a request to a stopped server that is killed", request(env, "Hello"),
	         STATUS_UNAVAILABLE);
}

/*
 * Open HOARD_SESSIONS LOG sessions (at core, through init) and exit
 * without closing them: init closes them all at once, more than the 32
 * callers an object serves at a time, and must still get every close
 * through.
 */
static void
role_hoard(struct env *env)
{
	unsigned opened = 0;
	for (unsigned i = 0; i < HOARD_SESSIONS; i++) {
		cap_t cap = cap_invalid();
		opened += parent_session(env_parent(env), "LOG", "ram_quota=8K", &cap) == STATUS_OK;
	}
	log_print("%u of %u sessions opened, exiting without closing them", opened,
	          (unsigned)HOARD_SESSIONS);
	env_exit(env, opened == HOARD_SESSIONS ? 0 : 1);
}

/*
 * A client of a restart="yes" server that the run script stops and then
 * kills: the request it had taken is refused (it may be what killed it),
 * and the next request is served by the new instance.
 */
static void
role_phoenix(struct env *env)
{
	log_print("waiting at the gate");
	status_t s = request(env, "Gate");
	if (s != STATUS_UNAVAILABLE)
		role_end(env, "the gate", s, STATUS_UNAVAILABLE);
	s = request(env, "Hello");
	if (s != STATUS_UNAVAILABLE)
		role_end(env, "a request to a restarting server that is killed", s,
		         STATUS_UNAVAILABLE);
	log_print("refused: a request to a restarting server that is killed (%s)", status_name(s));
	cap_t hello = cap_invalid(); /* kept until the exit: init closes it */
	s = parent_session(env_parent(env), "Hello", "ram_quota=4K", &hello);
	if (s == STATUS_OK)
		log_print("the restarted server serves again");
	else
		log_error("the restarted server does not serve: %s", status_name(s));
	env_exit(env, s == STATUS_OK ? 0 : 1);
}

bool
route_role(struct env *env, const char *name)
{
	if (str_equal(name, "phoenix"))
		role_phoenix(env);
	if (str_equal(name, "hoard"))
		role_hoard(env);
	if (str_equal(name, "exit"))
		env_exit(env, 0);
	if (str_equal(name, "cycle"))
		role_end(env, "waiting for an announcement of a server that exits",
		         request(env, "Cycle2"), STATUS_UNAVAILABLE);
	if (str_equal(name, "many"))
		role_many(env);
	if (str_equal(name, "stalled") || str_equal(name, "closer") || str_equal(name, "upgrader"))
		role_stalled(env, str_equal(name, "closer"), str_equal(name, "upgrader"));
	return false;
}
