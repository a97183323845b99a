# init's child machinery without init's main: the parent object per child,
# session routing with labels, quota trading, CPU bands, the config ROM.
# Whoever links it defines config, children and init_env (child.h); init
# and the bomb test do, and launchpad (demo/lib/launchpad), which sets
# child_route_policy.
LIB   := init_child
SRC_C := ../parent_object.c ../session_route.c ../cpu_route.c ../config_rom.c ../child_ram.c \
         ../child_start.c ../child_meta.c ../child_states.c ../child_end.c \
         ../session_upgrade.c ../session_call.c ../session_call_open.c ../session_call_end.c
LIBS  := init_config component rom_server session_args arg_string
