# GNU Mach: the task entry, stray output, dataspace and local-region-map mappings
LIB   := component_platform
SRC_C := main.c stray_log.c dataspace.c dataspace_bytes.c local_rm.c vm_map_full.c fault.c fault_access.c
LIBS  := ipc thread lock log util
