/*
 * \brief  A test component's choice of role from a tag in its config
 */

#include <test/config_tag.h>
#include <util/string.h>

bool
test_config_has(struct env *env, const char *tag)
{
	const char *text;
	size_t len, tag_len = str_len(tag);
	if (env_config(env, &text, &len) != STATUS_OK)
		return false;
	for (size_t i = 0; i + tag_len <= len; i++)
		if (mem_compare(text + i, tag, tag_len) == 0)
			return true;
	return false;
}
