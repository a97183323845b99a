TARGET := testnit
SRC_C  := main.c ui.c
LIBS   := nit_client gfx gui_window component config_root xml log util
