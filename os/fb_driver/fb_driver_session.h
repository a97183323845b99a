/*
 * \brief  fb_driver: what a session keeps (internal to the library)
 */

#ifndef _OS__FB_DRIVER__FB_DRIVER_SESSION_H_
#define _OS__FB_DRIVER__FB_DRIVER_SESSION_H_

#include <base/signal.h>
#include <os/fb_buffer.h>
#include <os/fb_driver.h>

struct fb_driver_session {
	struct root_session base; /* label, capability (the library's), donation */
	struct rpc_object rpc;
	struct fb_driver *drv; /* BORROWED */
	struct fb_buffer fb;   /* the object's state: the driver's buffer */
};

/* serve s (zeroed, paid) at the driver's entrypoint: s->base.cap is its capability then */
status_t fb_driver_session_open(struct fb_driver_session *s, struct fb_driver *drv);

/* dissolve s; s may be freed afterwards */
void fb_driver_session_close(struct fb_driver_session *s);

#endif /* _OS__FB_DRIVER__FB_DRIVER_SESSION_H_ */
