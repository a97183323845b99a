/*
 * \brief  Full-screen frames through nitpicker beside a plain SDL blit; nitpicker's memory per
 * client
 *
 * In one run and one Xvfb (1024x768x24, bench-gui's own):
 *
 * 1. baseline: a plain SDL2 loop (baseline.c) blitting a full 1024x768
 *    RGB565 buffer to its window and updating it: frames per second and
 *    the latency of each frame (blit call to update returned);
 * 2. nitpicker: core, init, timer, fb_sdl (bench="yes"), nitpicker and
 *    bench-gui-client, which refreshes a full-screen view with new pixels
 *    at two paces (client/frames.c); latency = from the client's refresh
 *    call until fb_sdl's SDL_UpdateWindowSurfaceRects returned for the
 *    frame (CLOCK_MONOTONIC of the host, the same in every process);
 * 3. nitpicker's composition of a full screen alone (compose.c), beside
 *    memcpy of the same bytes: what nitpicker could do without its period;
 * 4. nitpicker's RAM at core (quota, used, dataspaces) before, with 16
 *    small sessions, with 16 views more in each, after closing them and
 *    with one full-screen client (client/memory.c), beside the donation
 *    each client paid.
 *
 * Everything (Xvfb and core's components too) is pinned to one CPU
 * (argument, default 0), as the other benches are. Where Xvfb is not
 * installed it says so and exits with 0; where SDL2 is not, it is not
 * built (HOST_LIBS). Takes about 20 s. BENCH_GUI_VERBOSE=1 copies core's
 * whole console to stderr.
 *
 *   bench-gui [cpu]
 */

#define _GNU_SOURCE
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <stddef.h>
#include <string.h>
#include <unistd.h>

#include "../common/measure.h"
#include "bench_gui.h"

/* nitpicker's NP_PERIOD_US (os/server/nitpicker/nitpicker.h), printed beside its bound */
#include "../../os/server/nitpicker/nitpicker.h"

enum { BASELINE_MS = 2000 };

static void
print_frames(const char *what, const struct frame_stats *np, const struct frame_stats *sdl)
{
	printf("%s fps: %.1f  sdl_blit: %.1f  ratio %.2f  (frames %u, %u)\n", what, np->fps,
	       sdl->fps, np->fps / sdl->fps, np->frames, sdl->frames);
	printf("%s latency median: %.0f us  sdl_blit: %.0f us  ratio %.1f\n", what,
	       np->lat_median_us, sdl->lat_median_us, np->lat_median_us / sdl->lat_median_us);
	printf("%s latency p99: %.0f us  sdl_blit: %.0f us  ratio %.1f\n", what, np->lat_p99_us,
	       sdl->lat_p99_us, np->lat_p99_us / sdl->lat_p99_us);
	printf("%s latency max: %.0f us  sdl_blit: %.0f us  ratio %.1f\n", what, np->lat_max_us,
	       sdl->lat_max_us, np->lat_max_us / sdl->lat_max_us);
}

/* per-unit difference of a figure between two snapshots */
static double
snap_delta(const struct ram_snapshot *a, const struct ram_snapshot *b, size_t field, double n)
{
	const unsigned long long *x = (const void *)((const char *)a + field);
	const unsigned long long *y = (const void *)((const char *)b + field);
	return ((double)*y - (double)*x) / n;
}

static void
print_memory(const struct genode_figures *f)
{
	const struct ram_snapshot *s = f->snap;
	double n = f->small_sessions ? f->small_sessions : 1, nv = n * f->small_views;
	size_t used = offsetof(struct ram_snapshot, used),
	       quota = offsetof(struct ram_snapshot, quota);
	size_t ds = offsetof(struct ram_snapshot, dataspaces);
	double per_session = snap_delta(&s[SNAP_NONE], &s[SNAP_SESSIONS], used, n);
	double per_view = snap_delta(&s[SNAP_SESSIONS], &s[SNAP_VIEWS], used, nv ? nv : 1);
	double per_client = snap_delta(&s[SNAP_NONE], &s[SNAP_VIEWS], used, n);
	double full = snap_delta(&s[SNAP_CLOSED], &s[SNAP_FULL], used, 1);

	printf("nitpicker RAM per session (%ux%u buffer; %u sessions): %.0f bytes, %.1f dataspaces "
	       " "
	       "(quota moved per session %.0f)\n",
	       f->small_w, f->small_h, f->small_sessions, per_session,
	       snap_delta(&s[SNAP_NONE], &s[SNAP_SESSIONS], ds, n),
	       snap_delta(&s[SNAP_NONE], &s[SNAP_SESSIONS], quota, n));
	printf("nitpicker RAM per view (%.0f views): %.0f bytes  donated per view: %d bytes\n", nv,
	       per_view, NITPICKER_VIEW_RAM_QUOTA);
	printf("nitpicker RAM per client (%ux%u, %u views): %.0f bytes  donation: %lu bytes  ratio "
	       "%.2f\n",
	       f->small_w, f->small_h, f->small_views, per_client, f->small_donation,
	       per_client / (double)f->small_donation);
	printf("nitpicker RAM per full-screen client (%dx%d, 1 view): %.0f bytes  donation: %lu "
	       "bytes  ratio %.2f\n",
	       GUI_W, GUI_H, full, f->full_donation, full / (double)f->full_donation);
	printf("nitpicker RAM after closing the %u clients: used %llu (before them %llu), quota "
	       "%llu (before %llu)\n",
	       f->small_sessions, s[SNAP_CLOSED].used, s[SNAP_NONE].used, s[SNAP_CLOSED].quota,
	       s[SNAP_NONE].quota);
}

static bool
snapshots_complete(const struct genode_figures *f)
{
	for (int i = 0; i < SNAP_COUNT; i++)
		if (!f->snap[i].seen) {
			fprintf(stderr, "bench-gui: core's report of snapshot %d lacks nitpicker\n",
			        i);
			return false;
		}
	return true;
}

/* the figures from a finished run */
static int
report(const struct genode_figures *f, const struct frame_stats *sdl,
       const struct frame_stats *conv)
{
	struct frame_stats flood, single;
	double compose_ns, memcpy_ns;

	figures_pace(f, PACE_FLOOD, &flood);
	figures_pace(f, PACE_SINGLE, &single);
	if (!snapshots_complete(f))
		return 1;
	if (flood.frames < 10 || single.frames < 10) {
		fprintf(stderr, "bench-gui: too few frames reached the screen (%u, %u)\n",
		        flood.frames, single.frames);
		return 1;
	}
	compose_measure(&compose_ns, &memcpy_ns);
	printf("nitpicker period: %d us, bounds nitpicker at %.0f fps\n", NP_PERIOD_US,
	       1e6 / NP_PERIOD_US);
	print_frames("nitpicker, client ahead (1 ms pauses)", &flood, sdl);
	printf("  (client made %u frames, %u reached the screen)\n", f->client_frames[PACE_FLOOD],
	       flood.frames);
	print_frames("nitpicker, single refreshes (20-29 ms pauses)", &single, sdl);
	/* with the client pausing 20-29 ms, fb_sdl shares the CPU less than when it floods */
	printf("fb_sdl copy+update per frame, single refreshes, median: %.0f us  sdl_convert "
	       "(fb_sdl's calls): %.0f us  ratio %.2f\n",
	       single.push_median_us, conv->lat_median_us,
	       single.push_median_us / conv->lat_median_us);
	printf("fb_sdl copy+update per frame, client ahead, median: %.0f us  sdl_convert: %.0f us  "
	       "ratio %.2f  (sdl_blit %.0f us, %.1f fps; sdl_convert %.1f fps)\n",
	       flood.push_median_us, conv->lat_median_us,
	       flood.push_median_us / conv->lat_median_us, sdl->lat_median_us, sdl->fps, conv->fps);
	printf("nitpicker composition of a full screen: %.0f us  memcpy of it: %.0f us  ratio %.2f "
	       "(alone it would allow %.0f fps)\n",
	       compose_ns / 1000, memcpy_ns / 1000, compose_ns / memcpy_ns, 1e9 / compose_ns);
	print_memory(f);
	return 0;
}

static void
machine_state(void)
{
	char load[64] = "?";
	FILE *f = fopen("/proc/loadavg", "r");

	if (f && !fgets(load, sizeof(load), f))
		snprintf(load, sizeof(load), "?\n");
	if (f)
		fclose(f);
	printf("machine: %ld CPUs online, load average %s", sysconf(_SC_NPROCESSORS_ONLN), load);
}

int
main(int argc, char **argv)
{
	char self[PATH_MAX], display[32];
	ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	struct frame_stats sdl, conv;
	static struct genode_figures fig;

	if (n <= 0)
		return 1;
	self[n] = 0;
	bench_pin_cpu(argc > 1 ? atoi(argv[1]) : 0); /* Xvfb and core inherit it */
	pid_t xvfb = xvfb_start(display, sizeof(display));
	if (xvfb == 0) {
		printf("bench-gui: skipped, Xvfb is not installed\n");
		return 0;
	}
	if (xvfb < 0)
		return 1;
	machine_state();
	printf("Xvfb %s %dx%dx24, all pinned to one CPU; frames %dx%d RGB565\n", display, GUI_W,
	       GUI_H, GUI_W, GUI_H);
	fflush(stdout);
	bool ok = baseline_measure(display, false, BASELINE_MS, &sdl) &&
	          baseline_measure(display, true, BASELINE_MS / 2, &conv) &&
	          genode_measure(self, display, &fig);
	xvfb_stop(xvfb);
	int rc = ok ? report(&fig, &sdl, &conv) : 1;
	free(fig.pushes);
	return rc;
}
