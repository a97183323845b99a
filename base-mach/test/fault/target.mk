TARGET := test-mach_fault
SRC_C  := main.c checks.c ../core/console.c
LIBS   := component_platform thread lock util
