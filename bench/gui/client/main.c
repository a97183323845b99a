/*
 * \brief  bench-gui-client: nitpicker's memory per client, then full-screen frames
 *
 * The parts run one after the other in component_construct; every call
 * blocks, nothing serves this component, and it ends with exit value 0
 * after "bench-gui-client: done" (1 after a failure, logged).
 */

#include <base/component.h>
#include <base/log.h>
#include <timer_session/connection.h>

#include "client.h"

timer_session_cap_t client_timer;

/*
 * bench-gui sends core SIGUSR1 when it reads the marker; core's report
 * comes within ms (doc/timing.md), 1.5 s of stillness covers a loaded
 * machine without making the run long.
 */
enum { SNAPSHOT_QUIET_MS = 1500 };

void
client_snapshot(const char *what)
{
	log_print("bench-gui-client: snapshot %s", what);
	(void)timer_session_msleep(client_timer, SNAPSHOT_QUIET_MS);
}

void
component_construct(struct env *env)
{
	if (timer_connection_open(env_parent(env), &client_timer) != STATUS_OK) {
		log_error("bench-gui-client: no Timer");
		env_exit(env, 1);
	}
	if (!memory_measure(env) || !frames_measure(env))
		env_exit(env, 1);
	log_print("bench-gui-client: done");
	env_exit(env, 0);
}
