/*
 * \brief  launchpad as a parent: its launchers, their children, the routing
 *
 * launchpad runs init's child machinery (os/init/child.h, library
 * init_child) with a policy of its own: its config lists launchers, not
 * children, a child starts when the user says so with the quota the user
 * set, and a session request goes to the child that announced the
 * service, else to launchpad's parent ("children first, then parent").
 * A front end (the GUI in demo/launchpad, the headless test in
 * demo/test/launchpad) drives it through these calls and learns of
 * changes through struct launchpad_events.
 *
 * Config: <config xpos="16" ypos="16"> <launcher name="testnit" ram_quota="768K"/>
 *                  <launcher name="x" ram_quota="1M"> <config>..</config> </launcher> </config>
 * name is the binary (a ROM module) and the child's name; a <config>
 * inside a launcher is the child's "config" ROM, as with init. xpos and
 * ypos (default 16, 0..4096) place the window, so that a launchpad started
 * by a launchpad can show beside it.
 */

#ifndef _DEMO__LIB__LAUNCHPAD__LAUNCHPAD_H_
#define _DEMO__LIB__LAUNCHPAD__LAUNCHPAD_H_

#include <base/env.h>

#include "../../launchpad/model/model.h"

struct launchpad_events {
	void (*changed)(void *ctx); /* the model changed: show it anew */
	/* launcher i's child ended and its quota is back, figures final */
	void (*child_gone)(void *ctx, unsigned i);
	/* launcher i's child announced service (and waiting requests went out) */
	void (*announced)(void *ctx, unsigned i, const char *service);
	void *ctx;
};

/* where the config places the window */
struct launchpad_position {
	int x, y;
};

/*
 * Read env's config and make launchpad the parent of its launchers'
 * children; false (logged, naming what is wrong and where) if the config
 * is refused. events is BORROWED: it must outlive launchpad.
 */
bool launchpad_init(struct env *env, const struct launchpad_events *events);

/* the model: BORROWED, changed only through the calls below */
struct launchpad_model *launchpad_model(void);

/*
 * Start launcher i's child with its quota, clamped to what launchpad has
 * left: logs 'started "name" with N KiB', or why not
 */
void launchpad_start(unsigned i);

/*
 * Kill launcher i's child. When its quota is back: 'killed "name", N KiB
 * back, M KiB available'.
 */
void launchpad_kill(unsigned i);

/* set launcher i's quota (bytes) for its next start, clamped to the sliders' range */
void launchpad_quota_set(unsigned i, uint64_t quota);

/* the window's place on the screen, from the config */
struct launchpad_position launchpad_position(void);

/* what launchpad can give a child now, in bytes */
uint64_t launchpad_avail(void);

#endif /* _DEMO__LIB__LAUNCHPAD__LAUNCHPAD_H_ */
