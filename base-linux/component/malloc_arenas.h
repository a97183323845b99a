/*
 * \brief  A fixed limit of glibc's malloc arenas (malloc_arenas.c)
 */

#ifndef _BASE_LINUX__COMPONENT__MALLOC_ARENAS_H_
#define _BASE_LINUX__COMPONENT__MALLOC_ARENAS_H_

/* call before the first thread is created */
void linux_malloc_arenas_limit(void);

#endif /* _BASE_LINUX__COMPONENT__MALLOC_ARENAS_H_ */
