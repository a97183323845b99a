/*
 * \brief  input_server: a driver's Input service, one client at a time
 *
 * A driver (fb_sdl) submits the events of its device as they come; the
 * open session keeps them in a queue of its own until the client flushes
 * them into its event buffer (include/input_session/input_session.rpc).
 * One client at a time (Genode's Single_client): input has one consumer,
 * the GUI server, and a second one would only steal its events. A second
 * session is refused with a log line naming both clients. Without a
 * session, events are dropped: nobody pays for keeping them.
 *
 * Memory: the queue is part of the session object and the event buffer a
 * dataspace of the driver's RAM session charged to the session's budget,
 * both paid from the client's donation (INPUT_SESSION_RAM_QUOTA covers
 * them). Used on the entrypoint's thread only.
 */

#ifndef _INCLUDE__OS__INPUT_SERVER_H_
#define _INCLUDE__OS__INPUT_SERVER_H_

#include <stdint.h>

#include <base/env.h>
#include <base/rpc_server.h>
#include <base/status.h>
#include <input_session/event.h>
#include <root/component.h>

struct input_server_session;

struct input_server {
	struct env *env; /* BORROWED: its RAM session pays the event buffers */
	struct root_component root;
	struct rpc_object root_obj;
	struct input_server_session *session; /* the open session, or NULL */
	uint64_t unclaimed;                   /* events dropped without a session */
};

/*
 * Serve "Input" at env's entrypoint and announce it to the parent;
 * STATUS_* (logged) if that failed. s is BORROWED for the server's life.
 */
status_t input_server_init(struct input_server *s, struct env *env);

/*
 * Queue ev for the open session and signal its client when the queue was
 * empty; without a session, or with a full queue (counted, logged when
 * the client flushes again), ev is dropped.
 */
void input_server_submit(struct input_server *s, const struct input_event *ev);

#endif /* _INCLUDE__OS__INPUT_SERVER_H_ */
