/*
 * \brief  test-launchpad_clicker: a fake Nitpicker that clicks launchpad's window
 *
 * Test code. It serves one Nitpicker session (buffer, input, one view)
 * without a screen, and plays a user: after each refresh of launchpad's
 * window it reads the window's pixels and clicks where launchpad's layout
 * (demo/launchpad/model/layout.h, for the font launchpad uses) puts a
 * launcher's name, its quota bar or a kill button, once what it saw says
 * the last click took effect. The session is the shared stand-in of
 * include/os/nit_stand_in.h.
 */

#ifndef _DEMO__TEST__LAUNCHPAD_CLICKER__CLICKER_H_
#define _DEMO__TEST__LAUNCHPAD_CLICKER__CLICKER_H_

#include <os/nit_stand_in.h>

#include "../../launchpad/model/layout.h"

/* what the user it plays hears of launchpad: each refresh (script.c), ctx the nsi_client */
extern const struct nsi_hooks clicker_script_hooks;

/* the layout launchpad uses, and its launcher count (script.c) */
void clicker_script_init(struct launchpad_layout layout, unsigned launchers);

#endif /* _DEMO__TEST__LAUNCHPAD_CLICKER__CLICKER_H_ */
