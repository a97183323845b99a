LIB   := core_generic
SRC_C := elf_check.c boot_modules.c core_log.c main.c
LIBS  := log util
