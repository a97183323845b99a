/*
 * \brief  hello-client: uses the "Hello" service and exits
 *
 * Exit values: 0 all went well, 1 no Hello session (e.g. no route), 2 a
 * call failed.
 */

#include <base/component.h>
#include <base/log.h>
#include <hello_session/connection.h>

void
component_construct(struct env *env)
{
	hello_session_cap_t hello;
	status_t s = hello_connection_open(env_parent(env), &hello);
	if (s != STATUS_OK) {
		log_error("cannot open a Hello session: %s", status_name(s));
		env_exit(env, 1);
	}
	int32_t sum = 0;
	if (hello_session_say_hello(hello) != STATUS_OK ||
	    hello_session_add(hello, 13, 29, &sum) != STATUS_OK) {
		log_error("a Hello call failed");
		env_exit(env, 2);
	}
	log_print("13 + 29 = %d", (int)sum);
	parent_close(env_parent(env), cap_raw(hello));
	cap_close(cap_raw(hello));
	log_print("hello test completed");
	env_exit(env, 0);
}
