/*
 * \brief  http_srv: what its files share
 */

#ifndef _LIBPORTS__TEST__LWIP__HTTP_SRV__HTTP_SRV_H_
#define _LIBPORTS__TEST__LWIP__HTTP_SRV__HTTP_SRV_H_

#include <stddef.h>

/*
 * The answer to one request (its first bytes, size of them): the
 * status code, and the whole response in *out (static text, BORROWED).
 */
int http_answer(const char *request, size_t size, const char **out, size_t *out_len, char *path,
                size_t path_size);

#endif /* _LIBPORTS__TEST__LWIP__HTTP_SRV__HTTP_SRV_H_ */
