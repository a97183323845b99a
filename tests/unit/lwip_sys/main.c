/*
 * \brief  Unit test of lwIP's sys_arch (libports/lwip/sys)
 *
 * The mailbox's order, its full and empty answers, timeouts, a poster
 * that waits for room, the ring's wrap-around, semaphores and the clock:
 * what lwIP's tcpip thread and its API rely on, including the corners
 * the scenarios rarely reach.
 */

#include <base/thread.h>
#include <lwip/init.h>
#include <lwip/sys.h>

#include "../../harness/harness.h"

void log_output_line(const char *line, size_t len);

void
log_output_line(const char *line, size_t len)
{
	(void)line;
	(void)len;
}

static void
lwip_ready(void)
{
	static bool done;
	if (!done)
		lwip_init(); /* mem_init: mailboxes live in lwIP's heap */
	done = true;
}

static void
mbox_fifo_full_empty(void)
{
	lwip_ready();
	sys_mbox_t m;
	int v[5];
	void *msg;
	CHECK_EQ(sys_mbox_new(&m, 4), ERR_OK);
	CHECK(sys_mbox_valid(&m));
	for (int i = 0; i < 4; i++)
		CHECK_EQ(sys_mbox_trypost(&m, &v[i]), ERR_OK);
	CHECK_EQ(sys_mbox_trypost(&m, &v[4]), ERR_MEM);
	for (int i = 0; i < 4; i++) {
		CHECK_EQ(sys_arch_mbox_tryfetch(&m, &msg), 0);
		CHECK_PTR_EQ(msg, &v[i]);
	}
	CHECK_EQ(sys_arch_mbox_tryfetch(&m, &msg), SYS_MBOX_EMPTY);
	sys_mbox_free(&m);
	CHECK(!sys_mbox_valid(&m));
}

static void
mbox_wraps_around(void)
{
	lwip_ready();
	sys_mbox_t m;
	CHECK_EQ(sys_mbox_new(&m, 3), ERR_OK);
	uintptr_t next_in = 1, next_out = 1;
	for (int round = 0; round < 100; round++) {
		while (sys_mbox_trypost(&m, (void *)next_in) == ERR_OK)
			next_in++;
		void *msg;
		for (int k = 0; k < 1 + round % 3; k++) {
			CHECK_EQ(sys_arch_mbox_fetch(&m, &msg, 0), 0);
			CHECK_EQ((uintptr_t)msg, next_out);
			next_out++;
		}
	}
	sys_mbox_free(&m);
}

static void
mbox_fetch_times_out(void)
{
	lwip_ready();
	sys_mbox_t m;
	void *msg = &m;
	CHECK_EQ(sys_mbox_new(&m, 2), ERR_OK);
	u32_t t0 = sys_now();
	CHECK_EQ(sys_arch_mbox_fetch(&m, &msg, 30), SYS_ARCH_TIMEOUT);
	CHECK(sys_now() - t0 >= 29);
	CHECK_PTR_EQ(msg, &m); /* untouched */
	sys_mbox_free(&m);
}

static sys_mbox_t waiting_box;

static void
late_poster(void *arg)
{
	sys_mbox_post(&waiting_box, arg); /* full: waits for the fetch */
}

static void
mbox_post_waits_for_room(void)
{
	lwip_ready();
	int a, b;
	void *msg;
	CHECK_EQ(sys_mbox_new(&waiting_box, 1), ERR_OK);
	sys_mbox_post(&waiting_box, &a);
	struct thread *t;
	CHECK_EQ(thread_create("poster", 0, late_poster, &b, &t), STATUS_OK);
	CHECK_EQ(thread_start(t), STATUS_OK);
	CHECK_EQ(sys_arch_mbox_fetch(&waiting_box, &msg, 1000), 0);
	CHECK_PTR_EQ(msg, &a);
	CHECK_EQ(sys_arch_mbox_fetch(&waiting_box, &msg, 1000), 0);
	CHECK_PTR_EQ(msg, &b);
	CHECK_EQ(thread_join(t), STATUS_OK);
	sys_mbox_free(&waiting_box);
}

static void
sem_counts_and_times_out(void)
{
	sys_sem_t s;
	CHECK_EQ(sys_sem_new(&s, 1), ERR_OK);
	CHECK(sys_sem_valid(&s));
	CHECK_EQ(sys_arch_sem_wait(&s, 10), 0);
	CHECK_EQ(sys_arch_sem_wait(&s, 10), SYS_ARCH_TIMEOUT);
	sys_sem_signal(&s);
	CHECK_EQ(sys_arch_sem_wait(&s, 0), 0);
	sys_sem_free(&s);
	CHECK(!sys_sem_valid(&s));
}

static void
clock_advances(void)
{
	u32_t t0 = sys_now();
	sys_sem_t s;
	CHECK_EQ(sys_sem_new(&s, 0), ERR_OK);
	(void)sys_arch_sem_wait(&s, 50);
	u32_t dt = sys_now() - t0;
	CHECK(dt >= 49 && dt < 5000);
	sys_sem_free(&s);
}

TEST_MAIN(TEST_CASE(mbox_fifo_full_empty), TEST_CASE(mbox_wraps_around),
          TEST_CASE(mbox_fetch_times_out), TEST_CASE(mbox_post_waits_for_room),
          TEST_CASE(sem_counts_and_times_out), TEST_CASE(clock_advances))
