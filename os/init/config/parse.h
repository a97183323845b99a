/*
 * \brief  Shared state and helpers of the init-config parser (private)
 *
 * The parser is split by concern (diagnostics, node checks, child fields,
 * syntax detection, the two syntaxes, routes); this header is how the
 * pieces talk. Nothing here is for init's runtime.
 */

#ifndef _OS__INIT__CONFIG__PARSE_H_
#define _OS__INIT__CONFIG__PARSE_H_

#include <util/format.h>

#include "init_config.h"

struct init_parse {
	struct init_config *cfg;
	struct init_config_diag *diag; /* may be NULL */
	const struct node *root;

	/* who the next message is about: "child \"x\"", or empty */
	char subject[INIT_CONFIG_NAME_MAX + 16];
};

/* diag.c: messages, "config line L, column C: subject: text" */
status_t init_parse_fail(struct init_parse *p, status_t s, uint32_t line, uint32_t column,
                         const char *fmt, ...) FORMAT_PRINTF(5, 6);
void init_parse_warn(struct init_parse *p, uint32_t line, uint32_t column, const char *fmt, ...)
        FORMAT_PRINTF(4, 5);
void init_parse_subject_child(struct init_parse *p, const char *child);
void init_parse_subject_clear(struct init_parse *p);

/* decoded value text made fit for a one-line message (bounded, no controls) */
enum { INIT_QUOTE_LEN = 48 };
const char *init_parse_quote(const struct node_value *v, char buf[INIT_QUOTE_LEN]);
const char *init_parse_quote_span(struct node_span s, char buf[INIT_QUOTE_LEN]);

/* check.c: what init does not know is a warning, what it needs an error */
void init_parse_check_node(struct init_parse *p, const struct node *n, const char *const *attrs,
                           const char *const *subs, bool text_ok);
/*
 * The same for a node of a route, where nothing unknown is tolerated: an
 * error unless it is among tolerated (sub-nodes that are known elsewhere
 * and only narrow the route when ignored: warned about).
 */
status_t init_parse_check_route(struct init_parse *p, const struct node *n,
                                const char *const *attrs, const char *const *subs,
                                const char *const *tolerated);
status_t init_parse_single(struct init_parse *p, const struct node *n, const char *type,
                           const struct node **out);
status_t init_parse_name(struct init_parse *p, const struct node_value *v, const char *what,
                         init_name_t dst);
status_t init_parse_name_attr(struct init_parse *p, const struct node *n, const char *what,
                              init_name_t dst);

/* child.c: fields of a child and globals both syntaxes share */
status_t init_parse_child_add(struct init_parse *p, const struct node *start, const char *name,
                              struct init_child **out);
status_t init_parse_priority(struct init_parse *p, struct init_child *c,
                             const struct node_value *v);
status_t init_parse_quantum(struct init_parse *p, struct init_child *c, const struct node_value *v);
void init_parse_quantum_missing(struct init_parse *p, struct init_child *c);
status_t init_parse_child_config(struct init_parse *p, struct init_child *c,
                                 const struct node *start);
/* host_access.c: the child's <host-access reason=".."/>, if any (10.05+) */
status_t init_parse_host_access(struct init_parse *p, struct init_child *c,
                                const struct node *start);
status_t init_parse_prio_levels(struct init_parse *p, const struct node_value *v);
/* the services of list, each once, into the next names of cfg->names; *names: the first */
status_t init_parse_service_list(struct init_parse *p, const struct node *list, init_name_t **names,
                                 unsigned *count);

/*
 * storage.c: the XML scratch (taken before, given back after the parse)
 * and the model block sized from the parsed tree (once its syntax is
 * known), both from cfg->heap
 */
status_t init_parse_scratch_take(struct init_parse *p, const char *text, size_t len);
void init_parse_scratch_give(struct init_parse *p);
status_t init_parse_model_take(struct init_parse *p);

/* syntax.c */
status_t init_parse_detect_syntax(struct init_parse *p);

/* old.c, new.c: everything but routes; 10.02 hard-codes core's services */
enum { INIT_PARSE_CORE_SERVICES = 11 };
status_t init_parse_10_02(struct init_parse *p);
status_t init_parse_10_05(struct init_parse *p);

/*
 * route_cond.c: the conditions of the route entry n (label attributes,
 * <if-arg>) into e; every attribute a route entry may carry
 */
status_t init_parse_route_conds(struct init_parse *p, const struct node *n,
                                struct init_route_entry *e);
extern const char *const init_parse_route_entry_attrs[];

/* routes.c: routes of all children and the default route, once all are known */
status_t init_parse_routes(struct init_parse *p);

#endif /* _OS__INIT__CONFIG__PARSE_H_ */
