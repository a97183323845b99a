/*
 * \brief  lwIP's operating-system types on framework primitives
 *
 * Semaphores are the framework's counting semaphores, mutexes its locks,
 * threads its threads (libports/lwip/sys). A mailbox is a ring of
 * message pointers in lwIP's own heap, guarded by a lock and counted by
 * two semaphores (free slots and waiting messages). lwIP embeds these
 * types in its own structures and tells validity by the fields below.
 */

#ifndef _ARCH_SYS_ARCH_H_
#define _ARCH_SYS_ARCH_H_

#include <stdbool.h>

#include <base/lock.h>
#include <base/semaphore.h>

struct thread;

typedef struct {
	struct semaphore sem;
	bool valid;
} sys_sem_t;

typedef struct {
	struct lock lock;
	bool valid;
} sys_mutex_t;

typedef struct {
	struct lock lock;          /* guards head and count */
	struct semaphore messages; /* one unit per message in the ring */
	struct semaphore slots;    /* one unit per free place */
	void **ring;               /* OWNED (lwIP's heap); NULL: not valid */
	unsigned size, head, count;
} sys_mbox_t;

typedef struct thread *sys_thread_t;

/* SYS_ARCH_PROTECT's saved state: nothing, the protection does not nest */
typedef int sys_prot_t;

#define sys_sem_valid(s)         ((s)->valid)
#define sys_sem_set_invalid(s)   ((s)->valid = false)
#define sys_mutex_valid(m)       ((m)->valid)
#define sys_mutex_set_invalid(m) ((m)->valid = false)
#define sys_mbox_valid(m)        ((m)->ring != NULL)
#define sys_mbox_set_invalid(m)  ((m)->ring = NULL)

#endif /* _ARCH_SYS_ARCH_H_ */
