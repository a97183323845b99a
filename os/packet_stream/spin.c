/*
 * \brief  Packet stream: look a little longer before sleeping
 *
 * On two CPUs a peer that is running produces an entry every few hundred
 * nanoseconds, while putting a waiter to sleep and waking it costs a
 * signal, two context switches and, in a VM, an IPI: tens of
 * microseconds, during which a pipelined stream stalls. So before it
 * sleeps a side keeps looking while the peer's position moves, and
 * gives up after a short stretch without progress. A peer that shares
 * our CPU cannot move while we look: after a few looks in vain the side
 * looks only before every 16th sleep, so a single CPU pays little. The
 * looks are ordinary validated reads of the peer's position; no wish is
 * written, so nothing is signalled because of them.
 */

#include "internal.h"

enum {
	SPIN_IDLE_LOOKS = 1000, /* looks without progress before giving up */
	SPIN_MISSES_MAX = 4,    /* spins in vain in a row before spinning rarely */
	SPIN_RETRY = 16,        /* then: one spin per so many waits */
};

status_t
packet_stream_ring_spin(struct packet_stream_ring *r, uint32_t want,
                        struct packet_stream_spinner *sp, const char *name, char *err, bool *enough)
{
	uint32_t n, last = 0, idle = 0;

	want = want > r->size ? r->size : want;
	*enough = r->peer - r->own >= want;
	if (*enough)
		return STATUS_OK;
	if (sp->misses >= SPIN_MISSES_MAX && ++sp->skipped % SPIN_RETRY != 0)
		return STATUS_OK;
	while (idle < SPIN_IDLE_LOOKS) {
		status_t s = packet_stream_ring_wait_for(r, 0, name, err, &n);
		if (s != STATUS_OK)
			return s;
		if (n >= want) {
			sp->misses = 0;
			*enough = true;
			return STATUS_OK;
		}
		idle = n == last ? idle + 1 : 0;
		last = n;
	}
	sp->misses++;
	return STATUS_OK;
}
