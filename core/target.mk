LIB   := core_generic
SRC_C := elf_check.c boot_modules.c
LIBS  := util
