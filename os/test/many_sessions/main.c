/*
 * \brief  test-many_sessions: more sessions than a fixed table held, all working
 *
 * <config service="LOG" count="55"/> (or service="Hello"): open count
 * sessions of the service, each with its own donation, use every one
 * (LOG: a line; Hello: an addition checked), say so and keep them all
 * open, so that sibling instances add theirs at the server at the same
 * time (run/many_sessions.run). A refused session is an error naming it.
 */

#include <base/config_root.h>
#include <base/component.h>
#include <base/log.h>
#include <hello_session/connection.h>
#include <log_session/connection.h>
#include <parent/client.h>
#include <test/expect.h>
#include <util/node_tree.h>
#include <util/format.h>
#include <util/string.h>

/* more than init's table for a child would let through: the run script names counts below */
enum { MANY_MAX = 1000, SERVICE_MAX = 16 };

static cap_t sessions[MANY_MAX]; /* OWNED, open for the life of the component */

static bool
config_read(struct env *env, char *service, uint64_t *count)
{
	struct config_root cfg;
	const struct node *root = config_root_parse(env, &cfg);
	if (!root ||
	    node_attribute_string(root, "service", service, SERVICE_MAX, "LOG", &cfg.err) !=
	            STATUS_OK ||
	    node_attribute_u64(root, "count", 0, count, &cfg.err) != STATUS_OK ||
	    *count > MANY_MAX) {
		log_error("many_sessions: config needs service=\"LOG|Hello\" and count <= %u",
		          MANY_MAX);
		return false;
	}
	return true;
}

/* use session i: a LOG line, or an addition the server must get right */
static bool
session_use(const char *service, cap_t session, unsigned i)
{
	if (str_equal(service, "Hello")) {
		int32_t sum = 0;
		hello_session_cap_t hello = CAP_TYPED(hello_session_cap_t, session);
		return EXPECT_OK(hello_session_add(hello, (int32_t)i, 1000, &sum)) &&
		       EXPECT(sum == (int32_t)i + 1000);
	}
	char line[48];
	uint32_t written = 0;
	format_string(line, sizeof(line), "session %u works", i + 1);
	log_session_cap_t log = CAP_TYPED(log_session_cap_t, session);
	return EXPECT_OK(log_session_write(log, line, &written));
}

void
component_construct(struct env *env)
{
	char service[SERVICE_MAX];
	uint64_t count = 0;
	if (!config_read(env, service, &count))
		env_exit(env, -1);
	for (unsigned i = 0; i < count; i++) {
		status_t s = parent_session(env_parent(env), service, "ram_quota=4K", &sessions[i]);
		if (s != STATUS_OK) {
			log_error("many_sessions: %s session %u of %llu refused: %s", service,
			          i + 1, (unsigned long long)count, status_name(s));
			env_exit(env, -1);
		}
		if (!session_use(service, sessions[i], i))
			env_exit(env, -1);
	}
	/* the sessions stay open: the run script counts them at the server */
	log_print("many_sessions: %llu %s sessions open, each used", (unsigned long long)count,
	          service);
}
