/*
 * \brief  Entry of core's generic part, called by the platform's start code
 */

#ifndef _CORE__CORE_MAIN_H_
#define _CORE__CORE_MAIN_H_

/* returns core's exit value */
int core_main(void);

#endif /* _CORE__CORE_MAIN_H_ */
