/*
 * \brief  Slot bookkeeping of the context area, internal to base/thread
 */

#ifndef _BASE__THREAD__SLOT_H_
#define _BASE__THREAD__SLOT_H_

#include <stdbool.h>

#include <base/internal/thread_context.h>

/* lowest address of slot index (area must be reserved) */
uintptr_t slot_base(unsigned index);

/* slot index of a control block */
unsigned slot_index(const struct thread *t);

/* take a specific slot; false if it is taken already */
bool slot_take(unsigned index);

/* take the lowest free slot from first on; -1 if all are taken */
int slot_take_any(unsigned first);

void slot_put(unsigned index);

#endif /* _BASE__THREAD__SLOT_H_ */
