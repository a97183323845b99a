/*
 * \brief  Linux-only switches of the IPC transport
 */

#ifndef _BASE_LINUX__INCLUDE__BASE__IPC_LINUX_H_
#define _BASE_LINUX__INCLUDE__BASE__IPC_LINUX_H_

#include <stdbool.h>
#include <stdint.h>

/*
 * Whether this process's client threads offer their channels a shared
 * call slot (doc/rpc.md, "Shared call slots"): calls without
 * capabilities then go through shared memory with futex wake-ups. An
 * entrypoint accepts slots whatever this says. Off unless the build sets
 * IPC_SLOTS_DEFAULT=1; a channel keeps the mode it was opened with.
 */
bool ipc_linux_slots(bool on); /* returns what it was */

/* calls this process put into slots so far (for tests and benchmarks) */
uint64_t ipc_linux_slot_calls(void);

#endif /* _BASE_LINUX__INCLUDE__BASE__IPC_LINUX_H_ */
