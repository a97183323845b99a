TARGET := test-mach_component
SRC_C  := main.c ../core/console.c pager.c fault.c util.c ds_checks.c bytes_checks.c \
          rm_checks.c timer_checks.c \
          ../../core/memobj.c ../../core/memobj_pager.c ../../core/memobj_default.c
LIBS   := component_platform timer_platform dataspace ipc rpc thread lock util
