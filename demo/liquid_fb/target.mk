TARGET := liquid_fb
SRC_C  := main.c route.c
LIBS   := nit_client fb_driver input_server gfx gui_window root_component component config_root \
          xml log util
