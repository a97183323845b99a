# a host driver: linked dynamically with the host's SDL2 (doc/gui.md)
TARGET    := fb_sdl
SRC_C     := main.c screen.c events.c keymap.c
LIBS      := fb_driver input_server root_component component config_root xml signal ipc rpc \
             arg_string util
HOST_LIBS := sdl2
