/*
 * \brief  bench-gui: what its parts share
 *
 * main.c starts an Xvfb (xvfb.c), runs the plain SDL baseline in it
 * (baseline.c), boots core with fb_sdl, nitpicker and bench-gui-client in
 * the same Xvfb (genode.c), turns the lines they log into figures
 * (figures.c) and times nitpicker's composition alone (compose.c).
 */

#ifndef _BENCH__GUI__BENCH_GUI_H_
#define _BENCH__GUI__BENCH_GUI_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

enum { GUI_W = 1024, GUI_H = 768 };

/* frame rate and per-frame latency of one loop */
struct frame_stats {
	unsigned frames;
	double fps;
	double lat_median_us, lat_p99_us, lat_max_us;
	double push_median_us; /* fb_sdl's copy and update alone (nitpicker path only) */
};

/* latencies (us, sorted in place) and the frame count over span_ns into st */
void frame_stats_of(double *lat_us, unsigned n, uint64_t span_ns, struct frame_stats *st);

/*
 * Xvfb on a display it chooses (-displayfd), w x h x 24, ended with us
 * (PR_SET_PDEATHSIG) or by xvfb_stop. Returns its pid, 0 if Xvfb is not
 * installed (the bench is skipped), -1 if it did not come up (printed).
 */
pid_t xvfb_start(char *display, size_t size);
void xvfb_stop(pid_t pid);

/*
 * The plain SDL loop on display for ms milliseconds: SDL_BlitSurface, or
 * with convert fb_sdl's SDL_ConvertPixels; false (printed) on failure.
 */
bool baseline_measure(const char *display, bool convert, unsigned ms, struct frame_stats *st);

/* nitpicker's RAM account at core in one snapshot */
struct ram_snapshot {
	unsigned long long quota, used, dataspaces;
	bool seen;
};

enum { SNAP_NONE, SNAP_SESSIONS, SNAP_VIEWS, SNAP_CLOSED, SNAP_FULL, SNAP_COUNT };
enum { PACE_FLOOD = 1, PACE_SINGLE = 2, PACE_COUNT = 3 };

/* a push fb_sdl logged that carries a client's stamp */
struct push {
	unsigned pace;
	uint64_t stamp_us, pushed_ns, took_ns;
};

struct genode_figures {
	struct ram_snapshot snap[SNAP_COUNT];
	unsigned small_sessions, small_views, small_w, small_h;
	unsigned long small_donation, full_donation;
	unsigned client_frames[PACE_COUNT];
	struct push *pushes; /* OWNED (malloc) */
	unsigned n_pushes, max_pushes;
	bool done;  /* the client's end marker */
	bool ended; /* a child ended before it */
};

/* one line of core's console into f */
void figures_line(const char *line, struct genode_figures *f, int *snapshot_pending);

/* the stats of pace from f's pushes (each stamp counted once, the first time it was pushed) */
void figures_pace(const struct genode_figures *f, unsigned pace, struct frame_stats *st);

/* boot core with the scenario on display; false (printed) on failure */
bool genode_measure(const char *self, const char *display, struct genode_figures *f);

/* nitpicker's core composing a full screen from one full-screen view, and memcpy of it (ns) */
void compose_measure(double *compose_ns, double *memcpy_ns);

#endif /* _BENCH__GUI__BENCH_GUI_H_ */
