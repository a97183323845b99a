LIB   := core_generic
SRC_C := elf_check.c boot_modules.c core_log.c main.c ram_account.c region_map.c region_map_nest.c region_map_lookup.c
LIBS  := alloc log util
