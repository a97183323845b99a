# The C runtime of libc components (doc/libc.md): musl, whose system calls
# reach the dispatcher (libc_dispatch) and the plugins set up here from
# the environment: LOG (stdio), ROM files, memory, time, threads on the
# platform (libc_platform). A program that links 'libc' is a libc
# component: it and its libraries are compiled against musl's headers and
# its main runs as in any POSIX system (tool/mk/ports.mk).
LIB   := libc
SRC_C := syscall.c start.c memory.c time.c log.c rom.c rom_config.c spawn.c plugin_env.c
LIBS  := libc_dispatch libc_platform component config_root timer_client
CC_OPT := -D_GNU_SOURCE
