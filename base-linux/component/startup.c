/*
 * \brief  Component start-up on Linux
 *
 * Interim runtime: until the RPC-based ROM and LOG sessions exist, the
 * parent hands the config ROM over as standard input (mapped read-only,
 * like a ROM dataspace) and takes log lines on standard output, which core
 * prefixes with the component's label.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <base/component.h>
#include <base/log.h>

struct env {
	const char *config;
	size_t config_len;
};

static struct env the_env;

static void
write_all(const char *s, size_t len)
{
	while (len) {
		ssize_t n = write(STDOUT_FILENO, s, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return;
		s += n;
		len -= (size_t)n;
	}
}

void
log_output_line(const char *line, size_t len)
{
	char buf[LOG_LINE_MAX + 1];
	size_t n = len < LOG_LINE_MAX ? len : LOG_LINE_MAX;
	for (size_t i = 0; i < n; i++)
		buf[i] = line[i];
	buf[n] = '\n';
	write_all(buf, n + 1); /* one write: lines of threads never interleave */
}

status_t
env_config(struct env *env, const char **text, size_t *len)
{
	if (!env->config)
		return STATUS_NOT_FOUND;
	*text = env->config;
	*len = env->config_len;
	return STATUS_OK;
}

_Noreturn void
env_exit(struct env *env, int value)
{
	(void)env;
	_exit(value & 0xff);
}

/* a config that is not a regular file, or empty, counts as none */
static void
map_config(struct env *env)
{
	struct stat st;
	if (fstat(STDIN_FILENO, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size == 0)
		return;
	void *p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, STDIN_FILENO, 0);
	if (p == MAP_FAILED)
		return;
	env->config = p;
	env->config_len = (size_t)st.st_size;
}

int
main(void)
{
	map_config(&the_env);
	component_construct(&the_env);
	for (;;)
		pause(); /* the component lives on until env_exit or a signal */
}
