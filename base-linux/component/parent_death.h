/*
 * \brief  A component ends with its parent
 */

#ifndef _BASE_LINUX__COMPONENT__PARENT_DEATH_H_
#define _BASE_LINUX__COMPONENT__PARENT_DEATH_H_

/* called first in main(), before anything else runs; may not return */
void parent_death_follow(void);

#endif /* _BASE_LINUX__COMPONENT__PARENT_DEATH_H_ */
