TARGET := core
SRC_C  := main.c console.c boot_dir.c run_init.c ram_backing.c cpu_priority.c report_request.c \
          signal_context.c
LIBS   := core_generic process
CC_OPT := -Icore
