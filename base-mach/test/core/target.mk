TARGET := test-mach_core
SRC_C  := main.c console.c pager.c child.c tasks.c archive.c \
          ../../core/memobj.c ../../core/memobj_pager.c ../../core/memobj_default.c \
          ../../core/task_elf.c ../../core/task_start.c ../../core/exc.c ../../core/boot_archive.c \
          ../../../core/boot_modules.c ../../../core/elf_check.c
LIBS   := ipc rpc util
CC_OPT := -Icore
# the boot-module archive (base-mach/rules.mk: core_child_ok, core_child_fault)
LD_OPT := $(BUILD)/gen/boot/test-mach_core.o
