/*
 * \brief  test-hostile_nic: a NIC driver that breaks its client's RX stream
 *
 * The generic driver part (os/nic_server) with a device that writes
 * nowhere. At the client's first frame, this driver overwrites the
 * shared RX region's header and queues with garbage (a driver is the RX
 * stream's source, so the region is as much its own as the client's);
 * the ack of that frame then wakes the client, which must find the
 * stream broken, say so and go on: 2 s later this driver says "2 s
 * later", by which time the client must not have died (init would have
 * said so first). The test reaches into nic_server's
 * state (nic_server_internal.h) for the connected session's region, as
 * no real driver needs to.
 */

#include <util/string.h>

#include <base/component.h>
#include <base/log.h>
#include <base/semaphore.h>
#include <base/thread.h>

#include "../../../../os/nic_server/nic_server_internal.h"

static struct semaphore broken = SEMAPHORE_INIT(0);

/* a clock for the scenario: a line 2 s after the break */
static void
later(void *arg)
{
	(void)arg;
	semaphore_down(&broken);
	struct semaphore never = SEMAPHORE_INIT(0);
	(void)semaphore_down_timeout(&never, 2000 * 1000);
	log_print("test-hostile_nic: 2 s later");
}

static void
hostile_send(void *ctx, const void *frame, size_t size)
{
	static bool done;
	(void)ctx;
	(void)frame;
	(void)size;
	if (done)
		return;
	lock_acquire(&nic_server.lock);
	struct nic_session_state *s = nic_server.active;
	if (s && s->rx_region.base) {
		mem_set(s->rx_region.base, 0xff, (size_t)s->rx.layout.payload_offset);
		done = true;
		log_print("test-hostile_nic: RX queues of \"%s\" overwritten", s->base.label);
		semaphore_up(&broken);
	}
	lock_release(&nic_server.lock);
}

void
component_construct(struct env *env)
{
	static const struct nic_server_backend backend = {.send = hostile_send};
	static struct thread *t;
	if (thread_create("later", 0, later, NULL, &t) != STATUS_OK ||
	    thread_start(t) != STATUS_OK ||
	    nic_server_start(env, NIC_SERVER_MAC_DEFAULT, &backend) != STATUS_OK)
		env_exit(env, 1);
}
