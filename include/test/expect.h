/*
 * \brief  Checks inside test components
 *
 * A test component counts failed expectations and reports each as an
 * "Error: " line, which run scripts treat as a failure; at its end it
 * exits with -1 if any failed. Safe to use from several threads.
 */

#ifndef _INCLUDE__TEST__EXPECT_H_
#define _INCLUDE__TEST__EXPECT_H_

#include <stdbool.h>

#include <base/status.h>

bool test_expect(bool ok, const char *what, int line);
bool test_expect_status(status_t got, status_t want, const char *what, int line);
unsigned test_failures(void);

#define EXPECT(cond)           test_expect((cond), #cond, __LINE__)
#define EXPECT_STATUS(e, want) test_expect_status((e), (want), #e, __LINE__)
#define EXPECT_OK(expr)        test_expect_status((expr), STATUS_OK, #expr, __LINE__)

#endif /* _INCLUDE__TEST__EXPECT_H_ */
