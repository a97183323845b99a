/*
 * \brief  bomb: Genode's fork bomb, a recursive tree of inits
 *
 * Every bomb node is an init whose config it writes itself: <start> nodes
 * for 'children' copies of the bomb binary, each with an equal share of
 * the node's RAM and a nested <config> one generation smaller, every
 * service routed to the parent. So the nodes run init's own child
 * machinery (os/init/child: parent object, label prefixing, quota
 * trading, CPU bands, config ROM) and a bomb tree is a tree of inits.
 *
 * Only the top node, the master (rounds > 0), has a Timer: every 'sleep'
 * ms it kills all its children, which takes their whole subtrees along
 * (a component ends with its parent, and the master closes whatever its
 * children opened for theirs), and starts them again, for 'rounds'
 * rounds; then "Done. Going to sleep.". Every round the master checks
 * that its RAM came back to the byte.
 */

#ifndef _OS__TEST__BOMB__BOMB_H_
#define _OS__TEST__BOMB__BOMB_H_

#include <stdbool.h>
#include <stdint.h>

#include <base/env.h>
#include <base/exit_reason.h>
#include <base/status.h>

struct bomb_params {
	uint64_t rounds; /* 0: not the master, keep the subtree until killed */
	/*
	 * Genode's semantics: generation 0 is a leaf, so generations="N"
	 * gives N+1 levels. Without the attribute (Genode's configs before
	 * 2015) only memory bounds the tree: has_generations is false.
	 */
	bool has_generations;
	uint64_t generations;
	uint64_t children; /* per node */
	uint64_t sleep_ms; /* between starting the children and killing them */
	uint64_t demand;   /* bytes a child needs at least; less: a leaf */
};

/* read the params from env's config; false (and logged) if malformed */
bool bomb_params_read(struct env *env, struct bomb_params *p);

/*
 * Write the init config of one round (tree.c): count children of
 * quantum bytes, one generation below p, and parse it into 'config'.
 */
status_t bomb_tree_config(const struct bomb_params *p, unsigned count, uint64_t quantum);

/*
 * what a child pays from its quantum before it can run (cost.c): its
 * environment sessions (LOG, CPU, RM, SIGNAL) and its parent's records
 * of them
 */
uint64_t bomb_child_env_cost(void);

/* what a node pays for each child besides its quantum (cost.c): the child's RAM session */
uint64_t bomb_child_keep_cost(void);

/* give the round's config model and child records back to the heap (tree.c) */
void bomb_tree_release(void);

/* start child i of 'config' (child_process.c); false (and logged) on failure */
bool bomb_child_start(unsigned i);

/* kill child i if it runs; its end is reported to bomb_child_gone */
void bomb_child_kill(unsigned i);

/*
 * called once child i ended and everything it held came back; reported:
 * it told its exit value (value), else f says how it ended
 */
void bomb_child_gone(unsigned i, bool reported, int value, const struct exit_fault *f);

#endif /* _OS__TEST__BOMB__BOMB_H_ */
