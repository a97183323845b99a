/*
 * \brief  input_server: what a session keeps (internal to the library)
 */

#ifndef _OS__INPUT_SERVER__INPUT_SERVER_SESSION_H_
#define _OS__INPUT_SERVER__INPUT_SERVER_SESSION_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <base/rpc_server.h>
#include <base/signal.h>
#include <dataspace/rpc.h>
#include <os/input_server.h>

/*
 * Events waiting for the client's flush. Fewer than the event buffer
 * holds, so that queue and buffer fit INPUT_SESSION_RAM_QUOTA; a client
 * that flushes at every signal never sees the difference.
 */
enum { INPUT_SERVER_QUEUE_MAX = INPUT_EVENT_MAX / 2 };

struct input_server_session {
	struct root_session base; /* label, capability (the library's), donation */
	struct rpc_object rpc;
	struct input_server *server;
	dataspace_cap_t ds;         /* OWNED: the event buffer, of the driver's RAM session */
	struct input_event *buffer; /* its mapping */
	size_t buffer_size;         /* bytes mapped */
	signal_context_cap_t sigh;  /* OWNED, may be invalid */
	uint32_t head, count;       /* the queue: oldest event, events waiting */
	uint64_t dropped;           /* lost to a full queue since the last flush */
	struct input_event queue[INPUT_SERVER_QUEUE_MAX];
};

/* the bytes of an event buffer: INPUT_EVENT_MAX events */
#define INPUT_SERVER_BUFFER_BYTES (INPUT_EVENT_MAX * sizeof(struct input_event))

/* set up s (zeroed, paid) and manage it at ep: s->base.cap is its capability then */
status_t input_server_session_open(struct input_server_session *s, struct input_server *server);

/* dissolve s and give back its buffer; s may be freed afterwards */
void input_server_session_close(struct input_server_session *s);

/* append ev to the queue of s, signalling the client if it was empty */
void input_server_session_queue(struct input_server_session *s, const struct input_event *ev);

#endif /* _OS__INPUT_SERVER__INPUT_SERVER_SESSION_H_ */
