TARGET := core
SRC_C  := main.c console.c machine_exit.c chunk.c kernel_facts.c tick.c \
          signal_slot.c signal_context.c signal_port.c
LIBS   := core_generic thread
CC_OPT := -Icore
