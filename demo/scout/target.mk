TARGET := scout
SRC_C  := main.c browser.c input.c gui.c rom.c
LIBS   := scout_draw scout_doc gfx component signal ipc rpc config_root xml util
