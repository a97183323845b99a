/*
 * \brief  test-core_malformed: malformed session requests get an error reply
 *
 * Each request below is wrong in one way (malformed or unknown arguments,
 * over-long strings, a donation too small for the session, an unknown
 * service) and goes through init to core. Each must come back with an
 * error, never a session and never a hang; afterwards core must still
 * serve: a well-formed LOG session opens and this component's own log
 * lines keep arriving.
 */

#include <base/component.h>
#include <base/log.h>
#include <parent/client.h>
#include <util/format.h>
#include <util/string.h>

struct malformed_case {
	const char *what;
	const char *service;
	const char *args;
};

/* sized to pass the RPC's 160 characters but exceed init's or core's limits */
static char long_label[150], long_filename[120], huge_args[400];

static const struct malformed_case cases[] = {
        {"unterminated string", "LOG", "ram_quota=8K, label=\"open"},
        {"no value", "LOG", "ram_quota=, label=\"x\""},
        {"malformed ram_quota", "LOG", "ram_quota=lots"},
        {"ram_quota too small", "LOG", "ram_quota=1"},
        {"no ram_quota", "ROM", "filename=\"test-core_malformed\""},
        {"unknown key, unknown module", "ROM",
         "ram_quota=4K, colour=\"red\", filename=\"no such module\""},
        {"unknown module", "ROM", "ram_quota=4K, filename=\"no such module\""},
        {"no filename", "ROM", "ram_quota=4K"},
        {"over-long filename", "ROM", long_filename},
        {"label too long with init's prefix", "LOG", long_label},
        {"args beyond the RPC limit", "LOG", huge_args},
        {"ram_quota too small", "RAM", "ram_quota=16"},
        {"malformed priority", "CPU", "ram_quota=8K, priority=high"},
        {"unknown service", "Bogus", "ram_quota=8K"},
};

/* key="xxx...x" filling buf */
static void
string_make(char *buf, size_t size, const char *key)
{
	size_t n = format_string(buf, size, "ram_quota=8K, %s=\"", key);
	while (n < size - 2)
		buf[n++] = 'x';
	buf[n++] = '"';
	buf[n] = 0;
}

void
component_construct(struct env *env)
{
	unsigned fails = 0;
	string_make(long_label, sizeof(long_label), "label");
	string_make(long_filename, sizeof(long_filename), "filename");
	string_make(huge_args, sizeof(huge_args), "label");
	for (unsigned i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct malformed_case *c = &cases[i];
		cap_t session = cap_invalid();
		status_t s = parent_session(env_parent(env), c->service, c->args, &session);
		log_print("%s, %s: %s", c->service, c->what, status_name(s));
		if (s == STATUS_OK) {
			fails++;
			(void)parent_close(env_parent(env), session);
		}
	}
	cap_t log = cap_invalid();
	status_t s = parent_session(env_parent(env), "LOG", "ram_quota=8K, label=\"after\"", &log);
	log_print("LOG, well-formed after all that: %s", status_name(s));
	if (s != STATUS_OK)
		fails++;
	else
		(void)parent_close(env_parent(env), log);
	if (!fails)
		log_print("--- core_malformed test finished ---");
	env_exit(env, fails ? 1 : 0);
}
