/*
 * \brief  test-fault_detection: children that crash are detected
 *
 * One binary, roles chosen by the config: <segfault/> writes to its
 * read-only config, <abort/> aborts, <illegal/> and <arithmetic/> fault
 * on an instruction, <unreported/> ends with the platform's exit status 3
 * and tells its parent nothing, <reported/> tells its parent exit value 5
 * and then ends with status 9 (the parent must show 5: the value is the
 * component's word, not the platform's), <victim/> prints its process id and
 * waits to be killed from outside (run/kill_loop.run kills it a hundred
 * times), <observer/> asks for the service
 * "Victim", which the victim never announces. When the victim dies, init
 * answers the waiting request with an error; the observer, a sibling that
 * kept working through all three faults, then prints Genode's end marker.
 */

#include <stdint.h>

#include <base/component.h>
#include <base/log.h>
#include <parent/client.h>
#include <util/string.h>
#include <test/config_tag.h>

#include "fault.h"

static _Noreturn void
segfault(struct env *env)
{
	const char *text;
	size_t len;
	(void)env_config(env, &text, &len);
	log_print("writing to my read-only config");
	volatile char *target = (volatile char *)(uintptr_t)text;
	target[0] = 'x';
	log_error("the write did not fault");
	env_exit(env, 1);
}

static _Noreturn void
observe(struct env *env)
{
	cap_t session = cap_invalid();
	log_print("waiting for the victim's service");
	status_t s = parent_session(env_parent(env), "Victim", "ram_quota=4K", &session);
	if (s == STATUS_OK) {
		log_error("the victim's service answered, yet it never announces one");
		env_exit(env, 1);
	}
	log_print("victim gone, its service is %s; still working", status_name(s));
	log_print("--- finished fault_detection test ---");
	env_exit(env, 0);
}

/* the roles that end at once, each its own way; returns if config names none */
static void
end_by_role(struct env *env)
{
	if (test_config_has(env, "<segfault/>"))
		segfault(env);
	if (test_config_has(env, "<abort/>")) {
		log_print("aborting");
		test_fault_abort();
	}
	if (test_config_has(env, "<illegal/>"))
		test_fault_illegal_instruction();
	if (test_config_has(env, "<arithmetic/>"))
		test_fault_arithmetic();
	if (test_config_has(env, "<unreported/>"))
		test_fault_exit_unreported(3);
	if (test_config_has(env, "<reported/>")) {
		(void)parent_exit(env_parent(env), 5);
		test_fault_exit_unreported(9);
	}
}

void
component_construct(struct env *env)
{
	end_by_role(env);
	if (test_config_has(env, "<observer/>"))
		observe(env);
	if (test_config_has(env, "<victim/>")) {
		/* hold a heap block too, so that a leak of dataspaces would show */
		void *block;
		if (heap_alloc(env_heap(env), 64 * 1024, &block) != STATUS_OK)
			log_error("no heap block");
		/* return: the component lives on, serving its entrypoint */
		log_print("victim running as process %lu", test_fault_process_id());
		return;
	}
	log_error("config names no role");
	env_exit(env, 1);
}
