/*
 * \brief  hello-client: uses the "Hello" service and exits
 *
 * With <config await_denial="yes"/> the client, once it has its session,
 * waits until the server has denied somebody else's session (asking the
 * server's denials count) and only then makes its calls: run/single_client
 * proves that a denial leaves the admitted client's session working.
 *
 * With <config label=".."/> the client puts that label on its session
 * request, as a Genode component names its connections: init routes by
 * it (run/route_label.run).
 *
 * Exit values: 0 all went well, 1 no Hello session (e.g. no route or a
 * single-client server that is taken), 2 a call failed, 3 no denial came.
 */

#include <base/component.h>
#include <base/config_root.h>
#include <base/log.h>
#include <hello_session/connection.h>
#include <util/format.h>
#include <util/string.h>

#include "../config_flag.h"

enum { LABEL_MAX = 96, ARGS_MAX = LABEL_MAX + 32 };

static bool
quoted(const char *s)
{
	for (; *s; s++)
		if (*s == '"')
			return true;
	return false;
}

/* a Hello session labeled as the config says, unlabeled without one */
static status_t
open_labeled(struct env *env, hello_session_cap_t *hello)
{
	struct config_root cfg;
	char label[LABEL_MAX] = "", args[ARGS_MAX];
	const struct node *root = config_root_parse(env, &cfg);
	const struct node_value *v = root ? node_attribute(root, "label") : 0;
	if (!v)
		return hello_connection_open(env_parent(env), hello);
	if (node_value_copy(v, label, sizeof(label)) >= sizeof(label) || quoted(label)) {
		log_error("config: label is longer than %u bytes or has a quote",
		          (unsigned)LABEL_MAX - 1);
		return STATUS_INVALID_ARGS;
	}
	format_string(args, sizeof(args), "ram_quota=4K, label=\"%s\"", label);
	cap_t raw = cap_invalid();
	status_t s = parent_session(env_parent(env), "Hello", args, &raw);
	*hello = CAP_TYPED(hello_session_cap_t, raw);
	return s;
}

/* polls, each an RPC of some microseconds: tens of seconds at most */
enum { AWAIT_POLLS_MAX = 2000000 };

static status_t
await_denial(hello_session_cap_t hello, bool *denied)
{
	uint32_t count = 0;
	*denied = false;
	for (unsigned i = 0; i < AWAIT_POLLS_MAX && count == 0; i++) {
		status_t s = hello_session_denials(hello, &count);
		if (s != STATUS_OK)
			return s;
	}
	*denied = count > 0;
	return STATUS_OK;
}

void
component_construct(struct env *env)
{
	hello_session_cap_t hello;
	status_t s = open_labeled(env, &hello);
	if (s != STATUS_OK) {
		log_error("cannot open a Hello session: %s", status_name(s));
		env_exit(env, 1);
	}
	bool denied = true;
	if (hello_config_flag(env, "await_denial", false) &&
	    await_denial(hello, &denied) != STATUS_OK) {
		log_error("a Hello call failed");
		env_exit(env, 2);
	}
	if (!denied) {
		log_error("no other session was denied");
		env_exit(env, 3);
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
