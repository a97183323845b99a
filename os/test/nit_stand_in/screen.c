/*
 * \brief  nit_stand_in: a screen's buffers, objects and queue
 */

#include <base/log.h>
#include <dataspace/map.h>
#include <framebuffer_session/mode.h>
#include <os/nit_stand_in.h>
#include <ram_session/client.h>
#include <util/string.h>

#define NSI_EVENT_BYTES (INPUT_EVENT_MAX * sizeof(struct input_event))

static size_t
nsi_fb_bytes(const struct nsi_screen *s)
{
	return (size_t)s->w * s->h * 2;
}

/* a RAM dataspace of size bytes, charged to s's payer if any, mapped */
static status_t
nsi_ram(struct nsi_screen *s, size_t size, dataspace_cap_t *ds, void **addr, size_t *mapped)
{
	status_t st = s->payer ? root_session_charge(s->payer, size) : STATUS_OK;
	if (st != STATUS_OK)
		return st;
	st = ram_session_alloc(env_ram(s->env), size, ds);
	if (st == STATUS_OK)
		st = dataspace_map_writable(*ds, addr, mapped);
	if (st != STATUS_OK && s->payer)
		root_session_refund(s->payer, size);
	return st;
}

static void
nsi_ram_free(struct nsi_screen *s, dataspace_cap_t ds, void *addr, size_t mapped, size_t size)
{
	dataspace_unmap(addr, mapped);
	(void)ram_session_free(env_ram(s->env), ds);
	cap_close(cap_raw(ds));
	if (s->payer)
		root_session_refund(s->payer, size);
}

status_t
nsi_screen_open(struct nsi_screen *s, struct env *env, uint32_t w, uint32_t h,
                struct root_session *payer, const struct nsi_hooks *hooks, void *ctx)
{
	void *px = 0, *ev = 0;
	*s = (struct nsi_screen){
	        .env = env, .payer = payer, .hooks = hooks, .ctx = ctx, .w = w, .h = h};
	s->sigh = CAP_TYPED_INVALID(signal_context_cap_t);
	lock_init(&s->lock, false);
	status_t st = nsi_ram(s, nsi_fb_bytes(s), &s->fb_ds, &px, &s->fb_mapped);
	if (st == STATUS_OK) {
		st = nsi_ram(s, NSI_EVENT_BYTES, &s->input_ds, &ev, &s->input_mapped);
		if (st != STATUS_OK)
			nsi_ram_free(s, s->fb_ds, px, s->fb_mapped, nsi_fb_bytes(s));
	}
	if (st != STATUS_OK) {
		log_error("\"%s\": no %ux%u screen buffer: %s", payer ? payer->label : "stand-in",
		          w, h, status_name(st));
		return st;
	}
	s->pixels = px;
	s->events = ev;
	fb_buffer_init(&s->fbuf, s->fb_ds, w, h, FRAMEBUFFER_FORMAT_RGB565, nsi_screen_refreshed,
	               s);
	return STATUS_OK;
}

status_t
nsi_screen_manage(struct nsi_screen *s)
{
	struct entrypoint *ep = env_ep(s->env);
	status_t st = fb_buffer_manage(&s->fbuf, ep, &s->fb_rpc, &s->fb);
	if (st != STATUS_OK)
		return st;
	st = input_session_manage(ep, &s->input_rpc, &nsi_input_ops, s, &s->input);
	if (st != STATUS_OK) {
		entrypoint_dissolve(ep, &s->fb_rpc);
		cap_close(cap_raw(s->fb));
		return st;
	}
	s->managed = true;
	return STATUS_OK;
}

void
nsi_screen_dissolve(struct nsi_screen *s)
{
	if (!s->managed)
		return;
	s->managed = false;
	entrypoint_dissolve(env_ep(s->env), &s->fb_rpc);
	entrypoint_dissolve(env_ep(s->env), &s->input_rpc);
	cap_close(cap_raw(s->fb));
	cap_close(cap_raw(s->input));
}

void
nsi_screen_close(struct nsi_screen *s)
{
	nsi_screen_dissolve(s);
	if (cap_valid(cap_raw(s->sigh)))
		cap_close(cap_raw(s->sigh));
	fb_buffer_release(&s->fbuf);
	nsi_ram_free(s, s->fb_ds, s->pixels, s->fb_mapped, nsi_fb_bytes(s));
	nsi_ram_free(s, s->input_ds, s->events, s->input_mapped, NSI_EVENT_BYTES);
}

bool
nsi_screen_submit(struct nsi_screen *s, const struct input_event *ev)
{
	bool room;
	lock_acquire(&s->lock);
	room = s->queued < NSI_QUEUE_MAX;
	if (room)
		s->queue[s->queued++] = *ev;
	lock_release(&s->lock);
	return room;
}

void
nsi_screen_signal(struct nsi_screen *s)
{
	if (cap_valid(cap_raw(s->sigh)))
		(void)signal_submit(s->sigh, 1);
}

unsigned
nsi_screen_queued(struct nsi_screen *s)
{
	lock_acquire(&s->lock);
	unsigned n = s->queued;
	lock_release(&s->lock);
	return n;
}

uint16_t
nsi_screen_pixel(const struct nsi_screen *s, long x, long y)
{
	if (x < 0 || y < 0 || x >= (long)s->w || y >= (long)s->h)
		return 0;
	return __atomic_load_n(&s->pixels[(size_t)y * s->w + (size_t)x], __ATOMIC_RELAXED);
}

uint32_t
nsi_screen_hash(const struct nsi_screen *s, long x, long y, long w, long h)
{
	uint32_t hash = 2166136261u;

	for (long row = y < 0 ? 0 : y; row < y + h && row < (long)s->h; row++)
		for (long col = x < 0 ? 0 : x; col < x + w && col < (long)s->w; col++) {
			uint16_t px = s->pixels[(size_t)row * s->w + (size_t)col];
			hash = ((hash ^ (px & 0xffu)) * 16777619u ^ (px >> 8)) * 16777619u;
		}
	return hash;
}
