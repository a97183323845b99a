/*
 * \brief  The line that reports a child's end, shared by init and launchpad
 *
 * Genode's lines: the exit value is the one the child reported through
 * its parent object (env_exit), never a platform's; a fault after that
 * report is no death. A child that ended on its own without reporting
 * has no exit value to show.
 */

#include <base/log.h>

#include "child.h"

void
child_end_report(const char *name, const struct child_state *c, const struct exit_fault *f)
{
	char why[EXIT_FAULT_TEXT_MAX];
	if (c->exit_reported) {
		log_print("child \"%s\" exited with exit value %d", name, c->exit_value);
		return;
	}
	if (f->reason == EXIT_REASON_EXITED) {
		log_print("child \"%s\" exited without an exit value", name);
		return;
	}
	exit_fault_describe(f, why, sizeof(why));
	log_error("child \"%s\" died: %s", name, why);
}
