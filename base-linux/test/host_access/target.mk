# a dynamically linked SDL2 program: runs only with <host-access>
# (doc/sandbox.md); built where the platform links the host's libraries
TARGET    := test-host_access
SRC_C     := main.c
LIBS      := component
CC_OPT    := $(shell sdl2-config --cflags 2>/dev/null)
HOST_LIBS := $(or $(shell sdl2-config --libs 2>/dev/null),-lSDL2)
