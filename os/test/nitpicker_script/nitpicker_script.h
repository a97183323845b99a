/*
 * \brief  test-nitpicker_script: a stand-in Nitpicker that plays a script
 *
 * A test double for one nitpicker client, on every platform and without
 * a screen: it serves one Nitpicker session (its virtual framebuffer,
 * input and one view), and plays the input events of its config's script
 * to the client one step at a time. A step is done when the client, after
 * taking the step's events, flushes and finds none left: then the client
 * has reacted (drawn, moved its view), and the stand-in logs a hash of the
 * client's buffer and the view's place, which a run script compares.
 *
 *   <config script="click 116 92; key 109; wheel -1; drag 300 60 350 90"
 *           area="0 24 286 216"/>
 *
 * Steps: click X Y (motion, press and release of the left button at the
 * screen point), key CODE (press and release), wheel STEPS, drag X1 Y1 X2
 * Y2 (press at the first point, motion to the second, release). Besides
 * the whole buffer's, the hash of the area "x y w h" of the buffer (say, a
 * window's content without its title bar) is logged. Log:
 *   nitpicker_script: step 0 "start": buffer 1a2b3c4d, area 5e6f7a8b, view 100,50 500x600
 *   ...
 *   nitpicker_script: script done
 *
 * The session is the shared stand-in of include/os/nit_stand_in.h: its
 * buffers are charged to the client's donation, as nitpicker's are.
 */

#ifndef _OS__TEST__NITPICKER_SCRIPT__NITPICKER_SCRIPT_H_
#define _OS__TEST__NITPICKER_SCRIPT__NITPICKER_SCRIPT_H_

#include <base/env.h>
#include <os/nit_stand_in.h>

enum { NS_SCRIPT_MAX = 1024 };

struct ns_script {
	struct env *env;
	char text[NS_SCRIPT_MAX];
	const char *next; /* the rest of text */
	unsigned step;
	bool started, waiting; /* waiting: the step's events are delivered */
	char current[64];
	long area[4];               /* x, y, w, h of the second hash, clipped to the buffer */
	struct nsi_client *session; /* the one client, BORROWED */
};

extern struct ns_script ns_script;

/* what the script hears of its client (nsi_hooks, ctx the script) */
extern const struct nsi_hooks ns_script_hooks;

/* the area "x y w h" of the second hash ("": all); false if malformed */
bool ns_script_area(struct ns_script *sc, const char *text);

#endif /* _OS__TEST__NITPICKER_SCRIPT__NITPICKER_SCRIPT_H_ */
