/*
 * \brief  bench-gui: the figures in core's console
 *
 * Lines of bench-gui-client ("bench-gui-client: ..."), of fb_sdl with
 * bench="yes" ("fb_sdl: bench: refresh ...") and core's RAM report
 * ("RAM \"init -> nitpicker\": quota Q, used U, dataspaces D") after a snapshot.
 */

#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/measure.h"
#include "bench_gui.h"

static const char *const snap_names[SNAP_COUNT] = {"none", "sessions", "views", "closed", "full"};

static void
figures_push(const char *b, struct genode_figures *f)
{
	unsigned long long pushed, took;
	unsigned px[4];

	if (sscanf(b,
	           "fb_sdl: bench: refresh %*u,%*u %*ux%*u pushed_ns %llu took_ns %llu pixels %x "
	           "%x "
	           "%x %x",
	           &pushed, &took, &px[0], &px[1], &px[2], &px[3]) != 6 ||
	    (px[0] & 0xff00) != 0xb500 || f->n_pushes == f->max_pushes)
		return;
	f->pushes[f->n_pushes++] =
	        (struct push){.pace = px[0] & 0xff,
	                      .stamp_us = (uint64_t)px[1] << 32 | (uint64_t)px[2] << 16 | px[3],
	                      .pushed_ns = pushed,
	                      .took_ns = took};
}

static void
figures_client(const char *b, struct genode_figures *f, int *snapshot_pending)
{
	char name[16];
	unsigned pace, frames;

	for (int i = 0; i < SNAP_COUNT; i++)
		if (sscanf(b, "bench-gui-client: snapshot %15s", name) == 1 &&
		    strcmp(name, snap_names[i]) == 0)
			*snapshot_pending = i;
	if (sscanf(b, "bench-gui-client: pace %15s %u frames %u", name, &pace, &frames) == 3 &&
	    pace < PACE_COUNT)
		f->client_frames[pace] = frames;
	(void)sscanf(b, "bench-gui-client: small sessions %u views %u buffer %ux%u donation %lu",
	             &f->small_sessions, &f->small_views, &f->small_w, &f->small_h,
	             &f->small_donation);
	(void)sscanf(b, "bench-gui-client: full session %*ux%*u donation %lu", &f->full_donation);
	if (strstr(b, "bench-gui-client: done"))
		f->done = true;
}

void
figures_line(const char *line, struct genode_figures *f, int *snapshot_pending)
{
	const char *b;
	struct ram_snapshot s = {0, 0, 0, true};

	if ((b = strstr(line, "fb_sdl: bench: ")))
		figures_push(b, f);
	else if ((b = strstr(line, "bench-gui-client: ")))
		figures_client(b, f, snapshot_pending);
	else if (*snapshot_pending >= 0 && (b = strstr(line, "RAM \"init -> nitpicker\": ")) &&
	         sscanf(b, "RAM \"init -> nitpicker\": quota %llu, used %llu, dataspaces %llu",
	                &s.quota, &s.used, &s.dataspaces) == 3)
		f->snap[*snapshot_pending] = s;
	else if (strstr(line, "core: totals"))
		*snapshot_pending = -1;
	else if (strstr(line, "Error")) /* warnings: BENCH_GUI_VERBOSE=1 shows all lines */
		fputs(line, stderr);
	/* a child that ends before the client is done ends the run: nothing will come */
	if (!f->done && strstr(line, "[init] ") && strstr(line, "child \"") &&
	    (strstr(line, "\" exited") || strstr(line, "\" died"))) {
		fputs(line, stderr);
		f->ended = true;
	}
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

void
frame_stats_of(double *lat_us, unsigned n, uint64_t span_ns, struct frame_stats *st)
{
	*st = (struct frame_stats){.frames = n};
	if (!n)
		return;
	qsort(lat_us, n, sizeof(*lat_us), cmp_double);
	st->fps = span_ns ? (double)n * 1e9 / (double)span_ns : 0;
	st->lat_median_us = lat_us[n / 2];
	st->lat_p99_us = lat_us[(unsigned)((n - 1) * 0.99)];
	st->lat_max_us = lat_us[n - 1];
}

/* was this stamp pushed before (a redraw of the same frame)? */
static bool
figures_seen(const struct genode_figures *f, unsigned upto, uint64_t stamp)
{
	for (unsigned j = upto; j-- > 0;)
		if (f->pushes[j].stamp_us == stamp)
			return true;
	return false;
}

void
figures_pace(const struct genode_figures *f, unsigned pace, struct frame_stats *st)
{
	double *lat = malloc((f->n_pushes + 1) * sizeof(double));
	double *took = malloc((f->n_pushes + 1) * sizeof(double));
	uint64_t first = 0, last = 0;
	unsigned n = 0;

	if (!lat || !took)
		exit(2);
	for (unsigned i = 0; i < f->n_pushes; i++) {
		const struct push *p = &f->pushes[i];
		if (p->pace != pace || figures_seen(f, i, p->stamp_us))
			continue;
		first = n ? first : p->pushed_ns;
		last = p->pushed_ns;
		lat[n] = (double)p->pushed_ns / 1000 - (double)p->stamp_us;
		took[n++] = (double)p->took_ns / 1000;
	}
	/* n frames span n - 1 intervals between the first and the last push */
	frame_stats_of(lat, n, 0, st);
	st->fps = n > 1 ? (double)(n - 1) * 1e9 / (double)(last - first) : 0;
	st->push_median_us = n ? median(took, n) : 0;
	free(lat);
	free(took);
}
