UNIT_TEST := test-thread-unit
SRC_C     := main.c basic.c main_thread.c stack.c overflow.c area_at_exec.c
LIBS      := thread util harness
# static like a component, so that the kernel lays out its heap as theirs
# (area_at_exec.c); sanitizers need the dynamic loader
LD_OPT    := $(if $(SAN),,-static)
