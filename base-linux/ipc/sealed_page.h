/*
 * \brief  Pages shared with an untrusted process: memfds of sealed size (Linux)
 *
 * A process that maps a file another one handed it faults (SIGBUS) when
 * the other shrinks the file. A memfd whose size is sealed can never
 * change size again, so mapping one is safe whoever made it. The RPC
 * transport's call slots (slot.h) and the signal contexts' count pages
 * (base-linux/signal) are such pages.
 */

#ifndef _BASE_LINUX__IPC__SEALED_PAGE_H_
#define _BASE_LINUX__IPC__SEALED_PAGE_H_

#include <fcntl.h> /* F_SEAL_* */
#include <stddef.h>

#define SEALED_PAGE_SEALS (F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_SEAL)

/*
 * A new memfd of size bytes (zeros, written by the caller: components may
 * not truncate files, doc/sandbox.md), its size sealed; OWNED, or -1.
 */
int sealed_page_create(const char *name, size_t size);

/* NULL if fd (BORROWED) is a memfd of at least size bytes whose size is sealed, else why not */
const char *sealed_page_refusal(int fd, size_t size);

/* sealed_page_refusal, then a shared read-write mapping of size bytes; NULL if either fails */
void *sealed_page_map(int fd, size_t size);

#endif /* _BASE_LINUX__IPC__SEALED_PAGE_H_ */
