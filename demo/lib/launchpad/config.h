/*
 * \brief  launchpad's config read into launchers and init's child model
 */

#ifndef _DEMO__LIB__LAUNCHPAD__CONFIG_H_
#define _DEMO__LIB__LAUNCHPAD__CONFIG_H_

#include <base/env.h>

#include "launchpad.h"

/*
 * Read the launchers of text (len bytes) into *launchers (OWNED by the
 * caller, from env's heap, *count of them; NULL if none) and fill init's
 * model (config, children[] of os/init/child.h) with a child per
 * launcher, in the same order. Refused (logged with line and column)
 * on any defect: then nothing is kept. *pos: the root's xpos and ypos.
 */
status_t launchpad_config_read(struct env *env, const char *text, size_t len,
                               struct launchpad_launcher **launchers, unsigned *count,
                               struct launchpad_position *pos);

#endif /* _DEMO__LIB__LAUNCHPAD__CONFIG_H_ */
