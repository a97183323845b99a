/*
 * \brief  test-ipc-slot: every case of test-ipc with shared call slots on
 *
 * The same cases, the same server; only this client process offers its
 * channels slots, so every call without capabilities after a channel's
 * first goes through shared memory (doc/rpc.md, "Shared call slots").
 * Switched on before main, so that no channel is opened without.
 */

#include <base/ipc_linux.h>

__attribute__((constructor)) static void
slots_on(void)
{
	ipc_linux_slots(true);
}
