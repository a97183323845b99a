/*
 * \brief  bomb: the init config of a node's children
 *
 * Written anew for every round from the figures the node has then, so a
 * leak (less RAM each round) changes the quanta and shows in the log.
 * The text stays in a static buffer: the parsed model points into it
 * (each child's nested <config>, served as its config ROM).
 */

#include <base/log.h>
#include <util/format.h>

#include "../../init/child.h"
#include "bomb.h"

enum { TEXT_MAX = 8192 };

static char text[TEXT_MAX];
static struct init_config_diag diag;

static const char head[] = "<config>\n"
                           " <parent-provides> <service name=\"LOG\"/> <service name=\"ROM\"/>"
                           " <service name=\"RAM\"/> <service name=\"CPU\"/> </parent-provides>\n"
                           " <default-route> <any-service> <parent/> </any-service>"
                           " </default-route>\n";

/* one <start>: the child is a bomb one generation smaller, never a master */
static size_t
start_node(char *out, size_t size, const struct bomb_params *p, unsigned i, uint64_t quantum)
{
	uint64_t gen = p->has_generations ? p->generations - 1 : 0;
	char gen_attr[40] = "";
	if (p->has_generations) /* else the child, too, splits by memory only */
		format_string(gen_attr, sizeof(gen_attr), " generations=\"%llu\"",
		              (unsigned long long)gen);
	char name[40];
	if (p->has_generations)
		format_string(name, sizeof(name), "bomb_g%llu_%u", (unsigned long long)gen, i);
	else
		format_string(name, sizeof(name), "bomb_%u", i);
	return format_string(out, size,
	                     " <start name=\"%s\"> <binary name=\"bomb\"/>"
	                     " <resource name=\"RAM\" quantum=\"%llu\"/>\n"
	                     "  <config rounds=\"0\"%s children=\"%llu\""
	                     " demand=\"%llu\"/> </start>\n",
	                     name, (unsigned long long)quantum, gen_attr,
	                     (unsigned long long)p->children, (unsigned long long)p->demand);
}

status_t
bomb_tree_config(const struct bomb_params *p, unsigned count, uint64_t quantum)
{
	size_t len = format_string(text, sizeof(text), "%s", head);
	for (unsigned i = 0; i < count && len < sizeof(text); i++)
		len += start_node(text + len, sizeof(text) - len, p, i, quantum);
	if (len < sizeof(text))
		len += format_string(text + len, sizeof(text) - len, "</config>\n");
	if (len >= sizeof(text)) {
		log_error("config for %u children exceeds %u bytes", count, (unsigned)TEXT_MAX);
		return STATUS_OUT_OF_MEMORY;
	}
	status_t s = init_config_parse(&config, env_heap(init_env), text, len, &diag);
	if (s != STATUS_OK)
		log_error("own children's config refused: %s", diag.error);
	if (s == STATUS_OK)
		s = child_states_alloc();
	return s;
}

void
bomb_tree_release(void)
{
	child_states_free();
	init_config_release(&config);
}
