# GNU Mach: the task entry, stray output, dataspace and local-region-map mappings
LIB   := component_platform
SRC_C := main.c stray_log.c
LIBS  := ipc log util
