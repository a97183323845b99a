# a dynamically linked SDL2 program: runs only with <host-access>
# (doc/sandbox.md); built where the platform links the host's libraries
TARGET    := test-host_access
SRC_C     := main.c
LIBS      := component
HOST_LIBS := sdl2
