/*
 * \brief  bench-gui-client: what it shares between its two parts
 *
 * A nitpicker client that bench-gui (../main.c) boots with core, init,
 * timer, fb_sdl (bench="yes") and nitpicker. Everything it has to say
 * goes to its LOG as "bench-gui-client: ..." lines that bench-gui reads.
 */

#ifndef _BENCH__GUI__CLIENT__CLIENT_H_
#define _BENCH__GUI__CLIENT__CLIENT_H_

#include <base/env.h>
#include <timer_session/client.h>

/* the two parts share the Timer session (OWNED by main.c) */
extern timer_session_cap_t client_timer;

/*
 * Memory: MEMORY_SESSIONS small sessions with MEMORY_VIEWS views each,
 * a snapshot before, with them and after closing them (bench-gui asks
 * core for nitpicker's RAM at each); false (logged) on a failed call.
 */
bool memory_measure(struct env *env);

/*
 * Frames: one full-screen session (the screen's size, FRAME_W x FRAME_H),
 * a snapshot with it, then frames in two paces; false (logged) on a
 * failed call.
 */
bool frames_measure(struct env *env);

/* log a snapshot marker and keep still while bench-gui takes core's report */
void client_snapshot(const char *what);

enum { FRAME_W = 1024, FRAME_H = 768 };

#endif /* _BENCH__GUI__CLIENT__CLIENT_H_ */
