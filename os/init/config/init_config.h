/*
 * \brief  Init's configuration model: both config syntaxes, validated
 *
 * init_config_parse() turns init's config ROM into a struct init_config
 * that init's runtime can trust: every name is non-empty, unique and
 * bounded, every route target names an existing child, every priority is
 * in range. Init accepts a config completely or not at all; a half-started
 * scenario is harder to debug than a refused one.
 *
 * Two syntaxes are understood and told apart by the config itself:
 *
 *   10.02:  <config> <priolevels>2</priolevels>
 *             <start> <filename>timer</filename> <ram_quota>512K</ram_quota>
 *                     <priority>-1</priority> <config>..</config> </start>
 *   10.05+: <config prio_levels="2" verbose="yes"> <parent-provides>..
 *             <default-route>.. <start name="timer" priority="-1">
 *             <binary name=".."/> <resource name="RAM" quantum="1M"/>
 *             <provides>..</provides> <route>..</route> <config>..</config>
 *
 * A config that uses markers of both is refused. One with markers of
 * neither (e.g. "<config/>") counts as 10.05+, today's syntax.
 *
 * Decisions beyond what Genode documents:
 *  - A child without a RAM quantum gets 0 bytes and a warning (Genode
 *    silently used 0). A RAM <resource> without 'quantum' is an error:
 *    whoever wrote the node meant to give an amount.
 *  - Routes to a missing child and routes for a service nobody provides
 *    are errors, not warnings as in Genode: a typo there used to resolve
 *    silently to some other server (Genode issue #1423).
 *  - A second <binary>, <route>, <config>, <filename> etc. where one is
 *    meant is an error rather than "the first wins".
 *  - <configfile> names the child's config ROM in both syntaxes, by text
 *    (10.02) or by a 'name' attribute (later Genode).
 *  - Nothing inside a child's <config> is checked: it belongs to the child.
 *  - In a route, what init does not understand is an error, not a warning:
 *    a condition dropped would widen the route (doc/init.md).
 *
 * Storage: the model (children, route entries, their conditions and
 * targets, the names of provided and parent services) is sized from the
 * config and taken from the caller's heap, as Genode's init pays for its
 * config model from its own quota: how many children, services, route
 * entries or targets a config has is bounded by that quota only, not by a
 * table. So is the parser's XML scratch, freed when the parse ends
 * (storage.c). A config too large for the heap is refused as a whole with
 * what did not fit. Only a name's length is bounded (INIT_CONFIG_NAME_MAX),
 * since it ends up in labels and log lines. The model points into the
 * config text (nested <config> spans), which must outlive it.
 */

#ifndef _OS__INIT__CONFIG__INIT_CONFIG_H_
#define _OS__INIT__CONFIG__INIT_CONFIG_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <base/heap.h>
#include <base/status.h>
#include <pd_session/host_access.h>
#include <util/node_tree.h>

enum {
	INIT_CONFIG_NAME_MAX = 63, /* characters of any name, without NUL */

	INIT_CONFIG_MAX_WARNINGS = 16,
	INIT_CONFIG_DIAG_LEN = 256, /* bytes of one message line incl. NUL */
};

typedef char init_name_t[INIT_CONFIG_NAME_MAX + 1];

enum init_config_syntax {
	INIT_CONFIG_SYNTAX_10_05, /* <start name=..>, routes; default since 10.08 */
	INIT_CONFIG_SYNTAX_10_02, /* <start><filename>..; no routes */
};

enum init_route_target_kind {
	INIT_TARGET_PARENT,    /* <parent/> */
	INIT_TARGET_CHILD,     /* <child name=".."/>, resolved to an index */
	INIT_TARGET_ANY_CHILD, /* <any-child/> */
};

struct init_route_target {
	enum init_route_target_kind kind;
	unsigned child; /* INIT_TARGET_CHILD only: index into children[] */
	uint32_t line, column;
};

/*
 * A condition on the session a route entry matches (route.h says how each
 * is matched). The values point into the config text, decoded at match
 * time, so that a label of any length costs the model nothing.
 */
enum init_route_cond_kind {
	INIT_COND_LABEL,          /* label="..": the label the child sent */
	INIT_COND_LABEL_PREFIX,   /* label_prefix=".." */
	INIT_COND_LABEL_SUFFIX,   /* label_suffix=".." */
	INIT_COND_LABEL_LAST,     /* label_last="..": the last element of the label */
	INIT_COND_UNSCOPED_LABEL, /* unscoped_label="..": the label as init forwards it */
	INIT_COND_IF_ARG,         /* 11.11's <if-arg key=".." value=".."/> */
};

struct init_route_cond {
	enum init_route_cond_kind kind;
	struct node_value key; /* INIT_COND_IF_ARG only */
	struct node_value value;
};

/* <service name=".."> or <any-service> with its targets in config order */
struct init_route_entry {
	bool any_service;
	init_name_t service; /* empty for any_service */
	/* all must hold for the entry to match: cfg->conds[cond_first ..] */
	unsigned cond_first, cond_count;
	unsigned target_count;
	struct init_route_target *targets; /* target_count of cfg->targets, in order */
	uint32_t line, column;
};

struct init_route {
	bool present; /* false: no <route> / <default-route> node */
	unsigned entry_count;
	struct init_route_entry *entries; /* entry_count of cfg->route_entries, in order */
};

enum init_child_config_kind {
	INIT_CHILD_CONFIG_NONE,
	INIT_CHILD_CONFIG_INLINE, /* nested <config>: serve config_text as ROM "config" */
	INIT_CHILD_CONFIG_FILE,   /* <configfile>: serve ROM config_file as "config" */
};

struct init_child {
	init_name_t name;   /* unique; 10.02: the filename */
	init_name_t binary; /* ROM module to load: <binary name> or the name */
	uint64_t ram_quota; /* bytes as written; saturation is the runtime's job */
	bool ram_quota_given;
	int32_t priority; /* in [-(prio_levels-1), 0] */
	bool restart;     /* 10.05+ restart="yes": start again after each end */

	unsigned provides_count; /* 10.05+ <provides>; always 0 in 10.02 */
	init_name_t *provides;   /* provides_count of cfg->names, in order */

	struct init_route route; /* own <route>; else cfg->default_route applies */

	enum init_child_config_kind config_kind;
	struct node_span config_text; /* INLINE: the whole <config>..</config> */
	init_name_t config_file;      /* FILE */

	/* <host-access reason="..">: why it may reach the host; "": it may not */
	char host_access[PD_HOST_ACCESS_REASON_MAX + 1];

	uint32_t line, column; /* of the <start> node */
};

struct init_config {
	enum init_config_syntax syntax;
	uint32_t prio_levels; /* power of two, 1 .. INIT_PRIORITY_LEVELS_MAX */
	unsigned prio_bits;   /* log2(prio_levels), for init_priority_*() */
	bool verbose;
	/*
	 * 10.05+ <config announce_to_parent="yes">: pass every service a child
	 * legally announces on to init's own parent, so that a sub-init can
	 * serve its siblings (the parent checks it against its <provides>).
	 */
	bool announce_to_parent;

	/* 10.05+: <parent-provides>; 10.02: the hard-coded core services */
	unsigned parent_service_count;
	init_name_t *parent_services; /* parent_service_count of names */

	struct init_route default_route; /* 10.05+ <default-route> */

	/* the entries of every route, each route's in a row (of route_entry_cap) */
	unsigned route_entry_count, route_entry_cap;
	struct init_route_entry *route_entries;

	/* the conditions of every route entry, each entry's in a row (of cond_cap) */
	unsigned cond_count, cond_cap;
	struct init_route_cond *conds;

	/* the targets of every route entry, each entry's in a row (of target_cap) */
	unsigned target_count, target_cap;
	struct init_route_target *targets;

	/* the service names of every list (parent's, children's), each in a row */
	unsigned name_count, name_cap;
	init_name_t *names;

	unsigned child_count, child_cap; /* in <start> order, which is the start order */
	struct init_child *children;

	/* everything above is the model; below, where its storage is from */

	/* parser scratch, meaningless after init_config_parse() returns */
	struct node_tree tree;
	void *scratch; /* OWNED while parsing: nodes and attributes of tree */

	struct heap *heap; /* BORROWED: gave model and scratch */
	void *model;       /* OWNED: children, route_entries, conds, targets, names: one block */
};

/*
 * What the parse found wrong. Every line is self-contained and starts with
 * where: "config line L, column C: [child "name": ]what", or "config: .."
 * when no position applies. Warnings beyond INIT_CONFIG_MAX_WARNINGS are
 * only counted.
 */
struct init_config_diag {
	char error[INIT_CONFIG_DIAG_LEN]; /* empty unless the parse failed */
	unsigned warning_count;
	unsigned warnings_dropped;
	char warnings[INIT_CONFIG_MAX_WARNINGS][INIT_CONFIG_DIAG_LEN];
};

/*
 * Parse and validate len bytes of text, with the model's storage from heap
 * (BORROWED: must outlive the model). cfg must be zeroed or hold a model
 * of an earlier parse, which is released first. On success cfg holds the
 * model and diag (may be NULL) any warnings. On failure cfg holds no
 * children, no routes and no services (never part of a config) and
 * diag->error says why: STATUS_INVALID_ARGS for malformed or inconsistent
 * input, STATUS_OUT_OF_MEMORY if the model miscounted, the heap's status
 * (e.g. STATUS_QUOTA_EXCEEDED) when it cannot hold the model,
 * STATUS_CONFLICT for a duplicate name, STATUS_NOT_FOUND for a route to
 * nothing.
 */
status_t init_config_parse(struct init_config *cfg, struct heap *heap, const char *text, size_t len,
                           struct init_config_diag *diag);

/* give the model's storage back to its heap; cfg is an empty model then */
void init_config_release(struct init_config *cfg);

/* index of the child called name, or -1 */
int init_config_child_index(const struct init_config *cfg, const char *name);

/* true if name is among the parent's services */
bool init_config_parent_provides(const struct init_config *cfg, const char *name);

/* true if child (an index) declares service in its <provides> */
bool init_config_child_provides(const struct init_config *cfg, unsigned child, const char *service);

#endif /* _OS__INIT__CONFIG__INIT_CONFIG_H_ */
