/*
 * \brief  GNU Mach offers no service beyond core's generic ones
 */

#include "platform.h"

struct core_service *
platform_core_service(struct entrypoint *ep)
{
	(void)ep;
	return 0;
}
