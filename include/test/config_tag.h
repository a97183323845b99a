/*
 * \brief  A test component's choice of role from a tag in its config
 *
 * Test components that play several roles in their scenarios are told
 * which by an empty node in their <config> ("<victim/>", "<write/>"):
 * a plain substring test is enough for configs the run scripts write,
 * and keeps the test free of the XML parser it may be testing.
 */

#ifndef _INCLUDE__TEST__CONFIG_TAG_H_
#define _INCLUDE__TEST__CONFIG_TAG_H_

#include <stdbool.h>

#include <base/env.h>

/* true if the component's config text contains tag; false without a config */
bool test_config_has(struct env *env, const char *tag);

#endif /* _INCLUDE__TEST__CONFIG_TAG_H_ */
