/*
 * \brief  Unit test: core's command-line options (core/options.c)
 *
 * The parser is core's generic part; the console it reports to is the
 * platform's, so this test is the platform here and keeps what core says.
 */

#include <string.h>

#include "../../../core/core_main.h"
#include "../../harness/harness.h"

static char console[1024];

void platform_console_write(const char *text, size_t len);
void
platform_console_write(const char *text, size_t len)
{
	size_t have = strlen(console);
	if (have + len >= sizeof(console))
		len = sizeof(console) - have - 1;
	memcpy(console + have, text, len);
	console[have + len] = 0;
}

static int
parse(struct core_options *opt, int argc, char *const *argv)
{
	console[0] = 0;
	return core_options_parse(argc, argv, opt);
}

static void
defaults(void)
{
	struct core_options opt = {.verbose = true, .no_sandbox = true, .ram_size = 1};
	char *argv[] = {"core"};
	CHECK_EQ(parse(&opt, 1, argv), 0);
	CHECK_EQ(opt.ram_size, CORE_RAM_DEFAULT);
	CHECK(!opt.verbose && !opt.no_sandbox);
	CHECK_STR(console, "");
}

static void
every_option(void)
{
	struct core_options opt;
	char *argv[] = {"core", "--verbose", "--ram", "64M", "--no-sandbox"};
	CHECK_EQ(parse(&opt, 5, argv), 0);
	CHECK_EQ(opt.ram_size, 64ull << 20);
	CHECK(opt.verbose && opt.no_sandbox);
}

static void
bad_size_named(void)
{
	struct core_options opt;
	char *argv[] = {"core", "--ram", "lots"};
	CHECK_EQ(parse(&opt, 3, argv), -1);
	CHECK(strstr(console, "--ram: \"lots\" is no size") != NULL);
}

static void
unknown_named(void)
{
	struct core_options opt;
	char *argv[] = {"core", "--verbose", "--fast"};
	CHECK_EQ(parse(&opt, 3, argv), -1);
	CHECK(strstr(console, "unknown argument \"--fast\"") != NULL);
	/* --ram without its size is no option either */
	char *last[] = {"core", "--ram"};
	CHECK_EQ(parse(&opt, 2, last), -1);
	CHECK(strstr(console, "unknown argument \"--ram\"") != NULL);
}

TEST_MAIN(TEST_CASE(defaults), TEST_CASE(every_option), TEST_CASE(bad_size_named),
          TEST_CASE(unknown_named))
