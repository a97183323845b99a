/*
 * \brief  Entry of core's generic part, called by the platform's start code
 */

#ifndef _CORE__CORE_MAIN_H_
#define _CORE__CORE_MAIN_H_

#include <stdbool.h>

/* set by core_main: log every CPU session and thread (option --verbose) */
extern bool core_verbose;

/* returns core's exit value; verbose as above */
int core_main(bool verbose);

#endif /* _CORE__CORE_MAIN_H_ */
