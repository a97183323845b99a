/*
 * \brief  test-hostile-log: forged lines by every way a component has
 */

#define _GNU_SOURCE
#include <string.h>
#include <unistd.h>

#include <base/log.h>
#include <log_session/client.h>
#include <parent/client.h>

#include "../../../os/test/hostile_log/hostile_log.h"

static unsigned attempts;

/* LOG text as the component chooses it, newlines and control bytes included */
static void
forge_write(log_session_cap_t log, const char *text)
{
	uint32_t written = 0;
	attempts++;
	status_t s = log_session_write(log, text, &written);
	if (s != STATUS_OK)
		log_error("LOG write refused: %s", status_name(s));
}

static status_t
log_open(struct env *env, const char *args, log_session_cap_t *log)
{
	cap_t raw = cap_invalid();
	status_t s = parent_session(env_parent(env), "LOG", args, &raw);
	*log = CAP_TYPED(log_session_cap_t, raw);
	return s;
}

/* a label is echoed in every line's prefix: one with a newline must not pass */
static void
forge_label(struct env *env)
{
	log_session_cap_t labeled;
	attempts++;
	status_t s = log_open(env, "ram_quota=8K, label=\"lbl\n[init] label\"", &labeled);
	if (s == STATUS_OK)
		forge_write(labeled, "written under a label with a newline");
	else
		log_print("label with a newline: %s", status_name(s));
}

/*
 * a service whose name carries a line init would echo: init puts its own
 * prefix in front of each line of what it writes, so the name forges the
 * rest, up to init's closing quote, which the last newline moves away
 */
static void
forge_service_name(struct env *env)
{
	cap_t raw = cap_invalid();
	attempts++;
	status_t s = parent_session(env_parent(env), HOSTILE_LOG_SERVICE, "ram_quota=4K", &raw);
	if (s == STATUS_OK)
		log_error("a session for a service named with a newline was granted");
}

/* what a process writes to stdout behind its LOG session, relayed by core */
static void
forge_stray(void)
{
	static const char text[] = "stray\n" HOSTILE_LOG_VICTIM "\n\x1b[31mstray red\n";
	attempts++;
	(void)!write(STDOUT_FILENO, text, strlen(text));
}

unsigned
hostile_log_forge(struct env *env)
{
	log_session_cap_t log;
	status_t s = log_open(env, "ram_quota=8K", &log);
	if (s != STATUS_OK) {
		log_error("no LOG session: %s", status_name(s));
		return attempts;
	}
	forge_write(log, "x\n" HOSTILE_LOG_VICTIM);
	forge_write(log, "y\n[init -> other] forged line of a sibling");
	forge_write(log, "ctl esc \x1b[2J cr \r bs \b del \x7f end");
	forge_write(log, "utf8 caf\xc3\xa9 c1 \xc2\x9b bad \xff end");
	forge_label(env);
	attempts++;
	log_print("printed %s", "a\n" HOSTILE_LOG_VICTIM);
	forge_service_name(env);
	forge_stray();
	return attempts;
}
