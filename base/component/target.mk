# the environment a component's parent gives it; the process entry and
# the mapping calls come from the platform's component_platform
LIB   := component
SRC_C := startup.c env_heap.c env_upgrade.c signal_env.c ../thread_cpu/thread_cpu.c
LIBS  := component_platform process signal ipc thread log alloc util
