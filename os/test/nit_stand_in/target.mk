# the screen side shared by the headless GUI tests (include/os/nit_stand_in.h)
LIB   := nit_stand_in
SRC_C := screen.c ops.c client.c
LIBS  := fb_buffer root_component component signal lock ipc rpc log util
