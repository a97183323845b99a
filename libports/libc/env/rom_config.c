/*
 * \brief  C runtime: reading the <rom> entries of the config's <libc> node
 *
 * A malformed entry (no name, a relative path, a name or path too long)
 * is named in the log and left out; the others still count.
 */

#include <stdlib.h>
#include <string.h>

#include <base/log.h>
#include <util/node_tree.h>
#include <util/xml.h>

#include "../internal.h"
#include "rom_config.h"

enum { NAME_MAX_LEN = 128 };

static struct rom_entry *
entry_make(const struct node *n)
{
	char name[NAME_MAX_LEN], path[LIBC_PATH_MAX], def[NAME_MAX_LEN + 1];
	struct node_error err;
	if (node_attribute_string(n, "name", name, sizeof(name), "", &err) != STATUS_OK ||
	    !name[0]) {
		log_error("libc: config: <rom> without a valid name attribute ignored");
		return NULL;
	}
	def[0] = '/';
	strcpy(def + 1, name);
	if (node_attribute_string(n, "path", path, sizeof(path), def, &err) != STATUS_OK ||
	    path[0] != '/') {
		log_error("libc: config: <rom name=\"%s\">: the path must be absolute", name);
		return NULL;
	}
	struct rom_entry *e = calloc(1, sizeof(*e));
	if (e) {
		e->name = strdup(name);
		e->path = strdup(path);
	}
	if (!e || !e->name || !e->path) {
		log_error("libc: config: out of memory");
		return NULL;
	}
	return e;
}

static struct rom_entry *
entries_read(const struct node *root)
{
	const struct node *libc = node_sub_node(root, "libc");
	struct rom_entry *first = NULL, **tail = &first;
	for (const struct node *n = libc ? node_sub_node(libc, "rom") : NULL; n;
	     n = node_next(n, "rom")) {
		struct rom_entry *e = entry_make(n);
		if (e) {
			*tail = e;
			tail = &e->next;
		}
	}
	return first;
}

struct rom_entry *
libc_rom_config_read(struct env *env)
{
	const char *text;
	size_t len;
	if (env_config(env, &text, &len) != STATUS_OK)
		return NULL; /* no config: no files */
	uint32_t nodes, attrs;
	xml_storage_needed(text, len, &nodes, &attrs);
	struct node *n = calloc(nodes ? nodes : 1, sizeof(*n));
	struct node_value *a = calloc(attrs ? attrs : 1, sizeof(*a));
	struct rom_entry *entries = NULL;
	struct node_tree tree;
	struct node_error err;
	if (n && a) {
		node_tree_init(&tree, n, nodes, a, attrs);
		if (xml_parse(&tree, text, len, &err) == STATUS_OK) {
			entries = entries_read(node_tree_root(&tree));
		} else {
			char why[96];
			node_error_format(&err, why, sizeof(why));
			log_error("libc: config: %s", why);
		}
	}
	free(n);
	free(a);
	return entries;
}
