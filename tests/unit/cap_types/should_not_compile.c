/*
 * \brief  Compile-time test: capability types do not mix
 *
 * Not a program: tests/tool/cap_types.sh compiles this file once per
 * VARIANT. Variant 0 is correct code and must compile (so the test can
 * fail at all); every other variant makes one mistake the type system
 * must catch, and must not compile.
 */

#include <base/capability.h>

CAP_TYPE(log_session);
CAP_TYPE(rom_session);

void log_write(log_session_cap_t log);
void use(log_session_cap_t log, rom_session_cap_t rom, cap_t raw);

void
use(log_session_cap_t log, rom_session_cap_t rom, cap_t raw)
{
#if VARIANT == 0
	log_write(log);
	log_write(CAP_TYPED(log_session_cap_t, raw));
	(void)rom;
#elif VARIANT == 1
	log_write(rom); /* a ROM capability where a LOG one is expected */
	(void)log;
	(void)raw;
#elif VARIANT == 2
	log_write(raw); /* an untyped capability where a LOG one is expected */
	(void)log;
	(void)rom;
#elif VARIANT == 3
	log = rom; /* assignment between interface types */
	log_write(log);
	(void)raw;
#elif VARIANT == 4
	log_write((log_session_cap_t)rom); /* not even with a cast */
	(void)log;
	(void)raw;
#else
#error unknown VARIANT
#endif
}
