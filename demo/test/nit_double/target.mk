TARGET := test-nit-double
SRC_C  := main.c nitpicker.c session.c script.c
LIBS   := nit_stand_in nit_client gfx gui_window root_component component config_root xml log util
